"""Why each unfunded candidate is out, and which limits bind (with their LP shadow values).

An unfunded candidate is explained against the final plan: rivals and missing
predecessors first, then — at the start where it comes closest to fitting —
every budget year and team-quarter that is short, and by how much.
"""

from __future__ import annotations

from .money import cents_to_json, format_euros
from .placement import Placement, team_slack
from .plan import Json
from .scenario import Scenario, year_label


def explain_unfunded(pl: Placement) -> list[tuple[str, list[Json]]]:
    sc = pl.sc
    return [(c.id, _reasons(pl, i)) for i, c in enumerate(sc.candidates) if i not in pl.start]


def _reasons(pl: Placement, i: int) -> list[Json]:
    sc, links, start = pl.sc, pl.links, pl.start
    c = sc.candidates[i]
    if not c.starts:
        return [
            {
                "kind": "window",
                "text": f"cannot start in quarter {c.earliest_start} or later and finish by "
                f"quarter {c.deadline} (duration {c.duration})",
            }
        ]
    reasons: list[Json] = []
    for r in sorted(links.rivals[i]):
        if r in start:
            reasons.append(
                {
                    "kind": "exclusive",
                    "alternative": sc.candidates[r].id,
                    "text": f'the exclusive alternative "{sc.candidates[r].id}" is funded',
                }
            )
    earliest = c.starts.start
    for b in links.before[i]:
        before = sc.candidates[b]
        if b not in start:
            reasons.append(
                {"kind": "dependency", "before": before.id, "text": f'depends on "{before.id}", which is not funded'}
            )
        else:
            earliest = max(earliest, start[b] + before.duration)
    starts = [s for s in c.starts if s >= earliest]
    if not starts and all(b in start for b in links.before[i]):
        names = ", ".join(f'"{sc.candidates[b].id}"' for b in links.before[i])
        reasons.append(
            {
                "kind": "dependency",
                "before": sc.candidates[links.before[i][0]].id,
                "text": f"must wait for {names} to finish (quarter {earliest}), too late to finish by "
                f"quarter {c.deadline}",
            }
        )
    missing = [sc.candidates[j].id for j in links.bundle[i] if j != i and j not in start]
    if missing:
        reasons.append(
            {
                "kind": "together",
                "with": missing,
                "text": "funded only together with " + ", ".join(f'"{m}"' for m in missing),
            }
        )
    shortfalls = _closest_fit(pl, i, starts or list(c.starts))
    reasons.extend(shortfalls)
    if not reasons:
        if c.value <= 0:
            reasons.append({"kind": "value", "text": "adds no value"})
        else:  # cannot happen after fill; said plainly rather than hidden
            reasons.append({"kind": "choice", "text": "fits, but was not chosen"})
    return reasons


def _closest_fit(pl: Placement, i: int, starts: list[int]) -> list[Json]:
    """The shortfalls at the start with the fewest of them (ties: the earliest start)."""
    best: list[Json] | None = None
    for s in starts:
        short = _shortfalls(pl, i, s)
        if best is None or len(short) < len(best):
            best = short
            if not short:
                break
    return best or []


def _shortfalls(pl: Placement, i: int, s: int) -> list[Json]:
    sc = pl.sc
    c = sc.candidates[i]
    need: dict[int, int] = {}
    for year, cents in pl.year_costs(i, s):
        need[year] = need.get(year, 0) + cents
    result: list[Json] = []
    for year, cents in sorted(need.items()):
        short = cents - pl.budget_left[year]
        if short > 0:
            result.append(
                {
                    "kind": "budget",
                    "year": year,
                    "start": s,
                    "shortBy": cents_to_json(short),
                    "text": f"starting in quarter {s}, the {year_label(year)} budget is {format_euros(short)} short",
                }
            )
    for team, series in c.demand:
        left = pl.capacity_left[team]
        for k, amount in enumerate(series):
            q = s + k
            short_by = amount - left[q]
            if amount and short_by > team_slack(sc.teams[team].capacity[q]):
                result.append(
                    {
                        "kind": "team",
                        "team": sc.teams[team].id,
                        "quarter": q,
                        "start": s,
                        "shortBy": round(short_by, 9),
                        "text": f'starting in quarter {s}, team "{sc.teams[team].id}" is '
                        f"{short_by:.6g} short in quarter {q}",
                    }
                )
    return result


def binding_limits(
    sc: Scenario, pl: Placement, budget_duals: list[float], team_duals: list[list[float]], tolerance: float = 1e-9
) -> list[Json]:
    """Budget years and team-quarters with a positive LP shadow value, and their use in the plan.

    ``budget_duals`` are in value per euro, ``team_duals`` in value per unit of
    team capacity (e.g. per FTE-quarter).
    """
    result: list[Json] = []
    for year, dual in enumerate(budget_duals):
        if dual > tolerance:
            used = sc.budget[year] - pl.budget_left[year]
            result.append(
                {
                    "kind": "budget",
                    "year": year,
                    "shadowValue": dual,
                    "used": cents_to_json(used),
                    "available": cents_to_json(sc.budget[year]),
                    "text": f"{year_label(year)} budget: €1,000 more is worth {1000 * dual:.6g} (in the LP relaxation)",
                }
            )
    for t, duals in enumerate(team_duals):
        team = sc.teams[t]
        for q, dual in enumerate(duals):
            if dual > tolerance:
                used_units = team.capacity[q] - pl.capacity_left[t][q]
                result.append(
                    {
                        "kind": "team",
                        "team": team.id,
                        "quarter": q,
                        "shadowValue": dual,
                        "used": round(used_units, 9),
                        "available": team.capacity[q],
                        "text": f'team "{team.id}" in quarter {q}: one more unit of capacity is worth '
                        f"{dual:.6g} (in the LP relaxation)",
                    }
                )
    return result
