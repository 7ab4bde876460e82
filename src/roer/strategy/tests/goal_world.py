"""A small goal tree on top of ``world``, shared by the service, import and API tests.

Organisation-wide goals and a KPI sit on the ministry, above alice's department;
her department has an objective with its own KPI; the other department has a goal
she cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from roer.conftest import World
from roer.strategy.models import KPI, Goal, GoalLevel
from roer.strategy.tests.factories import GoalFactory, GoalKpiFactory, KpiFactory


@dataclass
class Goals:
    ambition: Goal  # ministry
    strategic: Goal  # ministry, serves the ambition
    objective: Goal  # alice's department, serves the strategic goal
    elsewhere: Goal  # the other department: outside alice's scope
    org_kpi: KPI  # ministry, measures the strategic goal
    kpi: KPI  # department, measures the objective
    other_kpi: KPI  # other department


@pytest.fixture(name="goals")
def goals_fixture(world: World) -> Goals:
    ambition = GoalFactory(org_unit=world.ministry, title="Dienstverlening die werkt")
    strategic = GoalFactory(
        org_unit=world.ministry, level=GoalLevel.STRATEGIC_GOAL, parent=ambition, title="Digitaal eerst"
    )
    objective = GoalFactory(
        org_unit=world.department, level=GoalLevel.OBJECTIVE, parent=strategic, title="Inloggen zonder gedoe"
    )
    elsewhere = GoalFactory(org_unit=world.other_department, title="Betaalbaar wonen")
    org_kpi = KpiFactory(org_unit=world.ministry, name="Digitaal afgehandelde aanvragen")
    kpi = KpiFactory(org_unit=world.department, name="Gebruik DigiD-machtigen", unit_of_measure="aantal")
    other_kpi = KpiFactory(org_unit=world.other_department, name="Wachttijd huurtoeslag")
    GoalKpiFactory(goal=strategic, kpi=org_kpi)
    GoalKpiFactory(goal=objective, kpi=kpi)
    GoalKpiFactory(goal=elsewhere, kpi=other_kpi)
    return Goals(ambition, strategic, objective, elsewhere, org_kpi, kpi, other_kpi)
