"""A small portfolio for the scenario tests: the department of ``world`` with costed, dated initiatives."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from roer.conftest import World
from roer.planning.models import Scenario
from roer.planning.services.scenarios import create_scenario
from roer.portfolio.models import Baseline, BaselineKind, CostCategory, CostKind, CostLine, Initiative, Phase
from roer.portfolio.tests.factories import InitiativeFactory


def plan_costs(initiative: Initiative, per_year: dict[int, str]) -> None:
    for year, amount in per_year.items():
        CostLine.objects.create(
            initiative=initiative,
            year=year,
            category=CostCategory.EXTERNAL_STAFF,
            kind=CostKind.PLAN,
            amount=Decimal(amount),
        )


def baseline(initiative: Initiative, start: dt.date, end: dt.date, by: Any) -> None:
    Baseline.objects.create(
        initiative=initiative,
        number=0,
        kind=BaselineKind.INITIAL,
        recorded_on=start,
        start_date=start,
        end_date=end,
        recorded_by=by,
    )


def portfolio(world: World) -> dict[str, Initiative]:
    """Three candidates in the department (one running, one mandatory), one closed, one without dates."""
    unit = world.directorate
    a = world.initiative  # MINBZ-0001: two years, 2027–2028
    a.start_date = dt.date(2027, 1, 1)
    a.team_size = 4
    a.save()
    baseline(a, dt.date(2027, 1, 1), dt.date(2028, 12, 31), world.alice)
    plan_costs(a, {2027: "400000", 2028: "400000"})
    b = InitiativeFactory(code="MINBZ-0003", name="Digitaal loket", org_unit=unit, team_size=3, mandatory=True)
    baseline(b, dt.date(2027, 4, 1), dt.date(2027, 12, 31), world.alice)
    plan_costs(b, {2027: "300000.03"})
    c = InitiativeFactory(
        code="MINBZ-0004", name="Basisregistratie", org_unit=unit, phase=Phase.EXECUTION, team_size=2,
        start_date=dt.date(2026, 1, 1),
    )  # fmt: skip
    baseline(c, dt.date(2026, 1, 1), dt.date(2027, 6, 30), world.alice)
    plan_costs(c, {2026: "200000", 2027: "200000"})
    closed = InitiativeFactory(code="MINBZ-0005", name="Oud archief", org_unit=unit, phase=Phase.CLOSED)
    plan_costs(closed, {2027: "100000"})
    undated = InitiativeFactory(code="MINBZ-0006", name="Nog vaag", org_unit=unit)
    return {"a": a, "b": b, "c": c, "closed": closed, "undated": undated}


def scenario(world: World, budget: str = "600000", capacity: str = "10") -> Scenario:
    return create_scenario(
        world.alice,
        {"name": "Plan 2027", "org_unit": world.department, "start_year": 2027, "start_quarter": 1, "quarters": 8},
        Decimal(budget),
        Decimal(capacity),
    )
