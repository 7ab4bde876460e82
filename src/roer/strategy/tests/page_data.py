"""A small goal–effort network on top of the ``world`` fixture, for the page and browser tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal as D
from typing import Any

from roer.portfolio.models import CostLine, Initiative, Phase
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement


@dataclass
class Goals:
    ambition: Goal
    strategic: Goal
    objective: Goal
    lonely: Goal
    elsewhere: Goal  # in the other department: alice and bob do not see it
    shared: KPI  # measures the strategic goal and the lonely one
    satisfaction: KPI  # measures the objective, never measured
    closed: Initiative
    idle: Initiative


def goal(unit: Any, title: str, level: str = "ambition", parent: Goal | None = None) -> Goal:
    return Goal.objects.create(org_unit=unit, title=title, level=level, parent=parent)


def kpi(unit: Any, name: str, *goals: Goal, **fields: Any) -> KPI:
    values: dict[str, Any] = {
        "unit_of_measure": "%",
        "direction": "higher",
        "baseline_value": D("40"),
        "baseline_date": datetime.date(2024, 1, 1),
        "target_value": D("80"),
        "target_date": datetime.date(2030, 12, 31),
        "frequency": "quarterly",
        "source": "CBS",
    }
    values.update(fields)
    made = KPI.objects.create(org_unit=unit, name=name, **values)
    for served in goals:
        GoalKpi.objects.create(goal=served, kpi=made)
    return made


def money(initiative: Initiative, planned: str, spent: str | None = None) -> None:
    CostLine.objects.create(initiative=initiative, year=2026, category="software", kind="plan", amount=D(planned))
    if spent is not None:
        CostLine.objects.create(initiative=initiative, year=2025, category="software", kind="actual", amount=D(spent))


def measure(indicator: KPI, *values: tuple[str, str]) -> None:
    for day, value in values:
        Measurement.objects.create(kpi=indicator, measured_on=datetime.date.fromisoformat(day), value=D(value))


def build(world: Any) -> Goals:
    ambition = goal(world.ministry, "Dienstverlening die werkt")
    strategic = goal(world.ministry, "Digitaal eerst", "strategic_goal", ambition)
    objective = goal(world.department, "Inloggen zonder gedoe", "objective", strategic)
    lonely = goal(world.ministry, "Minder papier")
    elsewhere = goal(world.other_department, "Betaalbaar wonen")
    shared = kpi(world.ministry, "Digitaal afgehandelde aanvragen", strategic, lonely)
    measure(shared, ("2024-06-30", "45"), ("2025-01-01", "52"), ("2025-06-30", "58"), ("2025-12-31", "63"))
    satisfaction = kpi(
        world.department, "Klanttevredenheid", objective, unit_of_measure="score", baseline_value=D("6.5")
    )

    world.initiative.phase = Phase.EXECUTION
    world.initiative.save()
    money(world.initiative, "900000", "300000")
    Contribution.objects.create(initiative=world.initiative, goal=objective, weight=D("2"), confidence="high")
    Contribution.objects.create(
        initiative=world.initiative,
        goal=strategic,
        kpi=shared,
        weight=D("1"),
        expected_change=D("5"),
        expected_by=datetime.date(2027, 12, 31),
    )
    closed = InitiativeFactory(code="MINBZ-0400", name="Digitale brievenbus", org_unit=world.directorate)
    closed.phase = Phase.CLOSED
    closed.save()
    money(closed, "200000", "180000")
    Contribution.objects.create(
        initiative=closed,
        goal=strategic,
        kpi=shared,
        expected_change=D("10"),
        effect_from=datetime.date(2024, 6, 30),
        expected_by=datetime.date(2025, 12, 31),
    )
    idle = InitiativeFactory(
        code="MINBZ-0300",
        name="Printerpark vervangen",
        org_unit=world.department,
        phase=Phase.APPROVED,
        mandatory=True,
        legal_basis="Archiefwet art. 3",
    )
    money(idle, "50000")
    return Goals(ambition, strategic, objective, lonely, elsewhere, shared, satisfaction, closed, idle)


def build_many(world: Any, initiatives: int = 40, kpis: int = 8, measurements: int = 12) -> Goals:
    """The small network and a larger portfolio around it: for the query-count tests."""
    goals = build(world)
    tree = [goals.ambition, goals.strategic, goals.objective]
    for n in range(4):
        tree.append(goal(world.department, f"Subdoel {n}", "objective", goals.strategic))
    indicators = []
    for n in range(kpis):
        indicator = kpi(world.department, f"Indicator {n}", tree[2 + n % 5])
        measure(indicator, *((f"{2023 + m // 4}-{1 + 3 * (m % 4):02d}-15", str(40 + m)) for m in range(measurements)))
        indicators.append(indicator)
    for n in range(initiatives):
        unit = world.directorate if n % 2 else world.department
        initiative = InitiativeFactory(code=f"MINBZ-1{n:03d}", org_unit=unit, phase=Phase.EXECUTION)
        money(initiative, str(10000 * (n + 1)), str(5000 * n))
        if n % 5 == 4:
            continue  # an orphan now and then
        target = tree[2 + n % 5]
        Contribution.objects.create(initiative=initiative, goal=target, weight=D(1 + n % 3))
        Contribution.objects.create(
            initiative=initiative, goal=goals.lonely, kpi=goals.shared, weight=D("1"), expected_change=D("2")
        )
    return goals
