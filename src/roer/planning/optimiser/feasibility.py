"""An independent check of a plan against its scenario, both in their JSON form.

Deliberately shares nothing with the solver's model or bookkeeping: it reads
the raw JSON, computes with exact Decimals, and reports every rule a plan
breaks. Tests run every plan they produce through it; the app can run it on an
imported plan before showing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

OBJECTIVE_TOLERANCE = 1e-6  # relative: the objective is a float sum of discounted values


def _d(value: Any) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def check(scenario: Mapping[str, Any], plan: Mapping[str, Any]) -> list[str]:
    """Every way ``plan`` breaks ``scenario``; an empty list means the plan is feasible."""
    problems: list[str] = []
    horizon = int(scenario["quarters"])
    candidates = {c["id"]: c for c in scenario["candidates"]}
    if plan.get("status") == "infeasible":
        if plan.get("funded"):
            problems.append("an infeasible plan funds candidates")
        if not plan.get("reason"):
            problems.append("an infeasible plan gives no reason")
        return problems
    start: dict[str, int] = {}
    for item in plan["funded"]:
        ident, s = item["id"], item["start"]
        if ident not in candidates:
            problems.append(f"funds unknown candidate {ident!r}")
        elif ident in start:
            problems.append(f"funds {ident!r} twice")
        elif not isinstance(s, int) or isinstance(s, bool):
            problems.append(f"{ident!r} starts in a non-integer quarter {s!r}")
        else:
            start[ident] = s
    for ident, s in start.items():
        c = candidates[ident]
        end = s + int(c["duration"])
        if s < int(c.get("earliestStart", 0)):
            problems.append(f"{ident!r} starts in {s}, before its earliest start")
        if end > min(int(c.get("deadline", horizon)), horizon):
            problems.append(f"{ident!r} ends in {end}, after its deadline or the horizon")
        if s < 0:
            problems.append(f"{ident!r} starts before quarter 0")
        if c.get("fixedStart") is not None and s != c["fixedStart"]:
            problems.append(f"{ident!r} is running from {c['fixedStart']} but planned from {s}")
    for ident, c in candidates.items():
        if (c.get("mandatory") or c.get("fixedStart") is not None) and ident not in start:
            problems.append(f"mandatory or running {ident!r} is not funded")
    problems += _resources(scenario, candidates, start, horizon)
    problems += _links(scenario, candidates, start)
    problems += _accounting(scenario, candidates, start, plan)
    return problems


def _resources(
    scenario: Mapping[str, Any], candidates: Mapping[str, Any], start: dict[str, int], horizon: int
) -> list[str]:
    problems = []
    spent: dict[int, Decimal] = {}
    used: dict[tuple[str, int], Decimal] = {}
    for ident, s in start.items():
        c = candidates[ident]
        for k, amount in enumerate(c["cost"]):
            spent[(s + k) // 4] = spent.get((s + k) // 4, Decimal(0)) + _d(amount)
        for team, series in c["demand"].items():
            for k, amount in enumerate(series):
                used[(team, s + k)] = used.get((team, s + k), Decimal(0)) + _d(amount)
    for year, amount in sorted(spent.items()):
        limit = _d(scenario["budgetPerYear"][year]) if year < len(scenario["budgetPerYear"]) else Decimal(0)
        if amount > limit:
            problems.append(f"year index {year} spends {amount}, over its budget {limit}")
    capacity = {t["id"]: t["capacity"] for t in scenario["teams"]}
    for (team, quarter), amount in sorted(used.items()):
        limit = _d(capacity[team][quarter]) if quarter < horizon else Decimal(0)
        if amount > limit:
            problems.append(f"team {team!r} in quarter {quarter} uses {amount}, over its capacity {limit}")
    return problems


def _links(scenario: Mapping[str, Any], candidates: Mapping[str, Any], start: dict[str, int]) -> list[str]:
    problems = []
    for dep in scenario.get("dependencies", []):
        before, after = dep["before"], dep["after"]
        if after in start:
            if before not in start:
                problems.append(f"{after!r} is funded without {before!r}, which it depends on")
            elif start[after] < start[before] + int(candidates[before]["duration"]):
                problems.append(f"{after!r} starts in {start[after]}, before {before!r} finishes")
    for group in scenario.get("exclusive", []):
        funded = [i for i in group if i in start]
        if len(funded) > 1:
            problems.append(f"exclusive alternatives funded together: {funded}")
    for group in scenario.get("together", []):
        funded = [i for i in group if i in start]
        if funded and len(funded) != len(group):
            problems.append(f"together group {group} only partly funded: {funded}")
    return problems


def _accounting(
    scenario: Mapping[str, Any], candidates: Mapping[str, Any], start: dict[str, int], plan: Mapping[str, Any]
) -> list[str]:
    problems = []
    unfunded = {u["id"] for u in plan.get("unfunded", [])}
    missing = set(candidates) - set(start) - unfunded
    if missing:
        problems.append(f"candidates neither funded nor explained: {sorted(missing)}")
    if unfunded & set(start):
        problems.append(f"candidates both funded and unfunded: {sorted(unfunded & set(start))}")
    for u in plan.get("unfunded", []):
        if not u.get("reasons"):
            problems.append(f"unfunded {u['id']!r} has no reason")
    rate = float(scenario.get("discountRatePerYear", 0))
    objective = sum(
        float(candidates[i]["value"]) * (1 + rate) ** (-(s + int(candidates[i]["duration"])) / 4)
        for i, s in start.items()
    )
    stated = plan.get("objective")
    if stated is None or abs(stated - objective) > OBJECTIVE_TOLERANCE * max(1.0, abs(objective)):
        problems.append(f"objective {stated} does not match the funded candidates ({objective})")
    bound = plan.get("bound")
    if bound is not None and bound < objective - OBJECTIVE_TOLERANCE * max(1.0, abs(objective)):
        problems.append(f"bound {bound} is below the objective {objective}")
    return problems
