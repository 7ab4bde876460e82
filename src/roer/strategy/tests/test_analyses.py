"""The analyses on a small hand-made network: money per goal, orphans, status, effects."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest

from roer.portfolio.models import CostLine, Phase
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.analyses import goal_overview, network, orphans, realised_effects
from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement
from roer.strategy.status import Status

TODAY = datetime.date(2026, 6, 30)


def _goal(unit, title, level="ambition", parent=None):
    return Goal.objects.create(org_unit=unit, title=title, level=level, parent=parent)


def _kpi(unit, name, *goals, **fields):
    values = {
        "unit_of_measure": "%",
        "direction": "higher",
        "baseline_value": D("40"),
        "baseline_date": datetime.date(2024, 1, 1),
        "target_value": D("80"),
        "target_date": datetime.date(2027, 12, 31),
        "frequency": "quarterly",
    }
    values.update(fields)
    kpi = KPI.objects.create(org_unit=unit, name=name, **values)
    for goal in goals:
        GoalKpi.objects.create(goal=goal, kpi=kpi)
    return kpi


def _money(initiative, planned, spent=None):
    CostLine.objects.create(initiative=initiative, year=2026, category="software", kind="plan", amount=D(planned))
    if spent is not None:
        CostLine.objects.create(initiative=initiative, year=2025, category="software", kind="actual", amount=D(spent))


@pytest.fixture
def network_world(world):
    ambition = _goal(world.ministry, "Dienstverlening die werkt")
    strategic = _goal(world.ministry, "Digitaal eerst", "strategic_goal", ambition)
    objective = _goal(world.department, "Inloggen zonder gedoe", "objective", strategic)
    lonely = _goal(world.ministry, "Minder papier")
    shared = _kpi(world.ministry, "Digitaal afgehandelde aanvragen", strategic, lonely)
    world.initiative.phase = Phase.EXECUTION
    world.initiative.save()
    _money(world.initiative, "900000", "300000")
    Contribution.objects.create(initiative=world.initiative, goal=objective, weight=D("2"))
    Contribution.objects.create(initiative=world.initiative, goal=strategic, kpi=shared, weight=D("1"))
    return {"ambition": ambition, "strategic": strategic, "objective": objective, "lonely": lonely, "shared": shared}


def test_money_is_split_by_weight_and_rolls_up(world, network_world):
    objective = goal_overview(world.alice, network_world["objective"], TODAY)
    assert objective.money.planned == D("600000.00") and objective.money.spent == D("200000.00")
    strategic = goal_overview(world.alice, network_world["strategic"], TODAY)
    assert strategic.money.planned == D("900000.00")  # its own third plus the objective's two thirds
    ambition = goal_overview(world.alice, network_world["ambition"], TODAY)
    assert ambition.money.planned == D("900000.00") and ambition.money.spent == D("300000.00")


def test_a_goal_served_only_by_a_mandatory_initiative_gets_its_money(world, network_world):
    law = InitiativeFactory(code="MINBZ-0200", org_unit=world.department, mandatory=True, legal_basis="Wdo art. 5")
    _money(law, "120000")
    Contribution.objects.create(initiative=law, goal=network_world["lonely"])
    overview = goal_overview(world.alice, network_world["lonely"], TODAY)
    assert overview.money.planned == D("120000.00")
    assert [c.initiative.code for c in overview.contributions] == ["MINBZ-0200"]
    assert network_world["lonely"] not in orphans(world.alice, today=TODAY).goals


def test_a_shared_kpi_shows_on_both_goals(world, network_world):
    for goal in ("strategic", "lonely"):
        names = [view.kpi.name for view in goal_overview(world.alice, network_world[goal], TODAY).kpis]
        assert names == ["Digitaal afgehandelde aanvragen"]


def test_kpi_without_measurements_has_no_data(world, network_world):
    (view,) = goal_overview(world.alice, network_world["strategic"], TODAY).kpis
    assert view.assessment.status is Status.NO_DATA


def test_kpi_status_after_the_target_date(world, network_world):
    kpi = network_world["shared"]
    kpi.target_date = datetime.date(2026, 1, 1)
    kpi.save()
    Measurement.objects.create(kpi=kpi, measured_on=datetime.date(2025, 12, 1), value=D("70"))
    (view,) = goal_overview(world.alice, network_world["strategic"], TODAY).kpis
    assert view.assessment.status is Status.OFF_TRACK


def test_orphans(world, network_world):
    found = orphans(world.alice, today=TODAY)
    assert list(found.initiatives) == []
    assert list(found.goals) == [network_world["lonely"]]  # the ambition is served through its objective
    stray = _kpi(world.department, "Klanttevredenheid")
    Measurement.objects.create(kpi=stray, measured_on=datetime.date(2026, 5, 1), value=D("7"))
    assert list(orphans(world.alice, today=TODAY).kpis) == [stray]
    # Nobody contributes to the shared KPI through it? It is linked by a contribution, so it is no orphan.
    idle = InitiativeFactory(code="MINBZ-0300", org_unit=world.department)
    _money(idle, "50000")
    found = orphans(world.alice, today=TODAY)
    rows = [(i.code, i.planned) for i in found.initiatives]  # type: ignore[attr-defined]
    assert rows == [("MINBZ-0300", D("50000.00"))]


def test_stale_kpis_follow_their_frequency(world, network_world):
    shared = network_world["shared"]
    Measurement.objects.create(kpi=shared, measured_on=datetime.date(2026, 1, 15), value=D("50"))
    assert list(orphans(world.alice, today=TODAY).stale_kpis) == [shared]  # quarterly, 166 days ago
    shared.frequency = "yearly"
    shared.save()
    assert list(orphans(world.alice, today=TODAY).stale_kpis) == []


def test_outsiders_see_nothing(world, network_world):
    found = orphans(world.charlie, today=TODAY)
    assert not found.initiatives.exists() and not found.goals.exists() and not found.kpis.exists()
    assert network(world.charlie).goals == [] and network(world.charlie).initiatives == []


def test_department_sees_organisation_wide_goals(world, network_world):
    graph = network(world.alice, unit=world.department)
    titles = {goal.title for goal in graph.goals}
    assert {"Dienstverlening die werkt", "Digitaal eerst", "Inloggen zonder gedoe"} <= titles
    assert [i.code for i in graph.initiatives] == [world.initiative.code]
    assert len(graph.contributions) == 2 and len(graph.goal_kpis) == 2


def test_realised_effect_of_a_closed_initiative(world, network_world):
    kpi = network_world["shared"]
    contribution = Contribution.objects.get(kpi=kpi)
    contribution.expected_change = D("10")
    contribution.effect_from = datetime.date(2024, 6, 30)
    contribution.expected_by = datetime.date(2025, 12, 31)
    contribution.save()
    for day, value in (("2024-03-31", "44"), ("2024-06-30", "45"), ("2025-06-30", "50"), ("2025-12-31", "53")):
        Measurement.objects.create(kpi=kpi, measured_on=datetime.date.fromisoformat(day), value=D(value))
    assert realised_effects(world.alice) == []  # not closed yet
    world.initiative.phase = Phase.CLOSED
    world.initiative.save()
    (effect,) = realised_effects(world.alice)
    assert effect.expected == D("10") and effect.realised == D("8") and effect.share_realised == D("0.8")
