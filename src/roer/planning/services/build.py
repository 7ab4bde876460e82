"""A scenario's optimiser input, built from the portfolio (docs/planning/scenarios.md).

- Candidates: the initiatives of the scenario's unit and below that are not closed or
  stopped, minus those a what-if leaves out.
- ``value``: the initiative's score (``roer.planning.scoring.services.scores_for``).
- Duration and cost: the initiative runs from its start date (else the start of its initial
  baseline) to the end of its latest baseline; without those dates, over the years of its plan
  cost lines. Each year's plan costs are spread evenly over that year's quarters of the run.
- Demand: the team size per quarter, on the team of the nearest unit at or above the
  initiative's unit; no team, no demand.
- Initiatives in execution or live are running: ``fixedStart``, with only the part inside the
  horizon. Mandatory by law, or forced in by a what-if: ``mandatory``.
- The scenario's links (``ScenarioLink``, ``ScenarioGroup``) as ``dependencies``,
  ``exclusive`` and ``together``, on the candidates only; what is dropped is in ``skipped``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from roer.planning.models.links import GroupKind
from roer.planning.models.scenarios import Scenario, Team
from roer.planning.optimiser.money import cents_to_json
from roer.planning.services.texts import skip_text
from roer.portfolio import overview
from roer.portfolio.models import CostKind, CostLine, Initiative, Phase

RUNNING = (Phase.EXECUTION, Phase.LIVE)
EXCLUDED_PHASES = (Phase.CLOSED, Phase.STOPPED)


@dataclass
class Built:
    data: dict[str, Any]  # the optimiser's scenario JSON
    details: dict[str, dict[str, Any]] = field(default_factory=dict)  # code → name, unit, pk, running, team
    skipped: list[dict[str, Any]] = field(default_factory=list)  # code, name, kind, reason; links: link, missing


def absolute_quarter(day: datetime.date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def quarter_start(absolute: int) -> datetime.date:
    return datetime.date(absolute // 4, absolute % 4 * 3 + 1, 1)


def horizon_start(scenario: Scenario) -> int:
    return scenario.start_year * 4 + scenario.start_quarter - 1


def eligible_initiatives(scenario: Scenario) -> QuerySet[Initiative]:
    """The initiatives of the scenario's unit and below that are not closed or stopped."""
    return Initiative.objects.filter(org_unit__path__startswith=scenario.org_unit.path).exclude(
        phase__in=EXCLUDED_PHASES
    )


def candidates_of(scenario: Scenario) -> QuerySet[Initiative]:
    return overview.with_dates(eligible_initiatives(scenario)).select_related("org_unit").order_by("code")


def team_for(unit_path: str, teams: list[Team]) -> Team | None:
    """The team of the nearest unit at or above ``unit_path``."""
    matching = [team for team in teams if unit_path.startswith(team.org_unit.path)]
    return max(matching, key=lambda team: len(team.org_unit.path), default=None)


def _spread(plan: dict[int, int], first: int, last: int) -> list[int]:
    """Cents per quarter from ``first`` to ``last`` (absolute): each year's plan evenly over its quarters here."""
    quarters_in_year: dict[int, list[int]] = defaultdict(list)
    for q in range(first, last + 1):
        quarters_in_year[q // 4].append(q)
    cost = {q: 0 for q in range(first, last + 1)}
    for year, quarters in quarters_in_year.items():
        total = plan.get(year, 0)
        share, rest = divmod(total, len(quarters))
        for q in quarters:
            cost[q] = share
        cost[quarters[-1]] += rest
    return [cost[q] for q in range(first, last + 1)]


def _window(initiative: Any, plan: dict[int, int]) -> tuple[int, int] | None:
    start: datetime.date | None = initiative.roadmap_start
    end: datetime.date | None = initiative.roadmap_end
    if start is not None and end is not None and end >= start:
        return absolute_quarter(start), absolute_quarter(end)
    if plan:
        first = absolute_quarter(start) if start is not None else min(plan) * 4
        return first, max(first, max(plan) * 4 + 3)
    return None


def _values(initiatives: list[Initiative]) -> dict[int, float]:
    from roer.planning.scoring.services import scores_for

    scores = scores_for(initiatives)
    return {pk: max(0.0, float(breakdown.value)) for pk, breakdown in scores.items()}


def build(scenario: Scenario) -> Built:
    """The optimiser's scenario JSON for ``scenario`` as the portfolio stands now."""
    first_quarter = horizon_start(scenario)
    horizon = scenario.quarters
    teams = list(scenario.teams.select_related("org_unit"))
    initiatives = list(candidates_of(scenario))
    plans: dict[int, dict[int, int]] = defaultdict(dict)
    for initiative_id, year, amount in CostLine.objects.filter(
        initiative__in=[i.pk for i in initiatives], kind=CostKind.PLAN
    ).values_list("initiative_id", "year", "amount"):
        plans[initiative_id][year] = plans[initiative_id].get(year, 0) + int(Decimal(amount) * 100)
    values = _values(initiatives) if initiatives else {}
    built = Built(
        data={
            "quarters": horizon,
            "discountRatePerYear": float(scenario.discount_rate / 100),
            "budgetPerYear": [cents_to_json(int(b * 100)) for b in scenario.budget_amounts()],
            "teams": [
                {"id": team.code, "capacity": [float(c) for c in team.capacity_amounts(horizon)]} for team in teams
            ],
            "candidates": [],
        }
    )
    forced_in, forced_out = set(scenario.forced_in), set(scenario.forced_out)

    def skip(initiative: Initiative, kind: str, count: int | None = None) -> None:
        item: dict[str, Any] = {"code": initiative.code, "name": initiative.name, "kind": kind}
        if count is not None:
            item["count"] = count
        item["reason"] = skip_text(item)
        built.skipped.append(item)

    for initiative in initiatives:
        if initiative.code in forced_out:
            skip(initiative, "left_out")
            continue
        plan = plans.get(initiative.pk, {})
        window = _window(initiative, plan)
        if window is None:
            skip(initiative, "undated")
            continue
        first, last = window
        whole = dict(zip(range(first, last + 1), _spread(plan, first, last), strict=True))
        running = initiative.phase in RUNNING
        candidate: dict[str, Any] = {"id": initiative.code, "value": round(values.get(initiative.pk, 0.0), 6)}
        if running:
            if last < first_quarter:
                skip(initiative, "ended")
                continue
            if first >= first_quarter + horizon:
                skip(initiative, "later")
                continue
            fixed = max(0, first - first_quarter)
            first = first_quarter + fixed
            last = min(last, first_quarter + horizon - 1)
            candidate["fixedStart"] = fixed
        elif last - first + 1 > horizon:
            skip(initiative, "too_long", last - first + 1)
            continue
        duration = last - first + 1
        candidate["duration"] = duration
        candidate["cost"] = [cents_to_json(whole[q]) for q in range(first, last + 1)]
        team = team_for(initiative.org_unit.path, teams)
        candidate["demand"] = (
            {team.code: [float(initiative.team_size)] * duration} if team is not None and initiative.team_size else {}
        )
        if initiative.mandatory or initiative.code in forced_in:
            candidate["mandatory"] = True
        built.data["candidates"].append(candidate)
        built.details[initiative.code] = {
            "pk": initiative.pk,
            "name": initiative.name,
            "unit": initiative.org_unit.name,
            "phase": initiative.get_phase_display(),
            "running": running,
            "team": team.org_unit.name if team else "",
            "plannedStart": first - first_quarter,
            "startDate": initiative.start_date.isoformat() if initiative.start_date else None,
        }
    add_links(scenario, built)
    return built


def _skip_link(built: Built, kind: str, code: str, name: str, missing: list[str]) -> None:
    item: dict[str, Any] = {"code": code, "name": name, "kind": kind, "link": True, "missing": ", ".join(missing)}
    item["reason"] = skip_text(item)
    built.skipped.append(item)


def add_links(scenario: Scenario, built: Built) -> None:
    """The scenario's dependencies and groups on the candidates built; the rest reported as skipped.

    A dependency on a non-candidate is dropped (closed work is done; left-out work is not
    planned). A group keeps its candidate members when two or more remain.
    """
    present = set(built.details)
    dependencies = []
    for link in scenario.links.select_related("before", "after"):
        ends = [link.before.code, link.after.code]
        missing = [code for code in ends if code not in present]
        if missing:
            _skip_link(built, "dependency_skipped", " → ".join(ends), "", missing)
        else:
            dependencies.append({"before": ends[0], "after": ends[1]})
    groups: dict[str, list[list[str]]] = {GroupKind.EXCLUSIVE: [], GroupKind.TOGETHER: []}
    for group in scenario.groups.prefetch_related("members__initiative"):
        codes = sorted(member.initiative.code for member in group.members.all())
        kept = [code for code in codes if code in present]
        missing = [code for code in codes if code not in present]
        if len(kept) >= 2:
            groups[group.kind].append(kept)
        if missing:
            outcome = "narrowed" if len(kept) >= 2 else "skipped"
            _skip_link(built, f"{group.kind}_{outcome}", ", ".join(codes), group.name, missing)
    for key, value in (
        ("dependencies", dependencies),
        ("exclusive", groups[GroupKind.EXCLUSIVE]),
        ("together", groups[GroupKind.TOGETHER]),
    ):
        if value:
            built.data[key] = value
