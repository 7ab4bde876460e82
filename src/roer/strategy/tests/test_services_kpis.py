"""KPIs and their links to goals through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.models import KPI, GoalKpi
from roer.strategy.services import StaleVersion, create_kpi, link_kpi, unlink_kpi, update_kpi
from roer.strategy.tests.factories import ContributionFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def _kpi_values(world: World, **extra: object) -> dict[str, object]:
    return {
        "org_unit": world.department,
        "name": "Klanttevredenheid",
        "unit_of_measure": "cijfer",
        "direction": "higher",
        "baseline_value": Decimal("6.8"),
        "baseline_date": datetime.date(2024, 12, 31),
        "target_value": Decimal("7.5"),
        "target_date": datetime.date(2027, 12, 31),
        "frequency": "yearly",
        **extra,
    }


def _errors(info: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(info.value.message_dict)


def test_a_new_kpi_can_measure_two_goals_at_once(world: World, goals: Goals) -> None:
    kpi = create_kpi(world.frank, _kpi_values(world, goals=[goals.objective, goals.strategic]))
    assert set(kpi.goals.all()) == {goals.objective, goals.strategic} and kpi.version == 1
    assert AuditEvent.objects.for_object(kpi).get().action == "create"
    assert AuditEvent.objects.filter(content_type__model="goalkpi", action="create").count() == 5  # 3 from the fixture


def test_linking_to_a_goal_needs_the_right_to_change_that_goal(world: World, goals: Goals) -> None:
    # alice sees the ministry goal but may not change it; nothing of the KPI is kept.
    with pytest.raises(PermissionDenied):
        create_kpi(world.alice, _kpi_values(world, goals=[goals.objective, goals.ambition]))
    assert not KPI.objects.filter(name="Klanttevredenheid").exists()


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_viewers_and_outsiders_may_not_create_kpis(world: World, who: str) -> None:
    with pytest.raises(PermissionDenied, match="You may not manage KPIs in"):
        create_kpi(getattr(world, who), _kpi_values(world))


def test_target_date_direction_and_name_are_checked(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        create_kpi(world.alice, _kpi_values(world, target_date=datetime.date(2024, 1, 1)))
    assert _errors(info) == {"target_date"}
    with pytest.raises(ValidationError) as info:
        create_kpi(world.alice, _kpi_values(world, direction="lower"))
    assert _errors(info) == {"target_value"}
    with pytest.raises(ValidationError) as info:
        create_kpi(world.alice, _kpi_values(world, name=goals.kpi.name))
    assert _errors(info) == {"name"}
    # The same name in another unit is fine: the import tells them apart by id.
    assert create_kpi(world.frank, _kpi_values(world, name=goals.kpi.name, org_unit=world.ministry)).pk


def test_an_update_bumps_the_version_and_a_stale_one_is_refused(world: World, goals: Goals) -> None:
    saved = update_kpi(world.alice, goals.kpi, {"target_value": Decimal("90")}, 1)
    assert (saved.target_value, saved.version) == (Decimal("90"), 2)
    with pytest.raises(StaleVersion):
        update_kpi(world.alice, goals.kpi, {"target_value": Decimal("95")}, 1)
    goals.kpi.refresh_from_db()
    assert goals.kpi.target_value == Decimal("90")


def test_alice_may_not_change_the_organisation_kpi_or_move_hers_out_of_her_scope(world: World, goals: Goals) -> None:
    with pytest.raises(PermissionDenied):
        update_kpi(world.alice, goals.org_kpi, {"name": "Gekaapt"}, 1)
    with pytest.raises(PermissionDenied):
        update_kpi(world.alice, goals.kpi, {"org_unit": world.ministry}, 1)
    with pytest.raises(PermissionDenied):
        update_kpi(world.bob, goals.kpi, {"name": "Gekaapt"}, 1)


def test_an_update_with_goals_sets_exactly_those_links(world: World, goals: Goals) -> None:
    other = create_kpi(world.alice, _kpi_values(world, goals=[goals.objective]))
    saved = update_kpi(world.frank, other, {"goals": [goals.strategic, goals.ambition]}, 1)
    assert set(saved.goals.all()) == {goals.strategic, goals.ambition} and saved.version == 2


def test_alice_links_an_organisation_kpi_to_her_objective(world: World, goals: Goals) -> None:
    link = link_kpi(world.alice, goals.org_kpi, goals.objective)
    assert link.pk and AuditEvent.objects.for_object(link).get().action == "create"
    with pytest.raises(ValidationError, match="already measures"):
        link_kpi(world.alice, goals.org_kpi, goals.objective)


def test_a_kpi_outside_the_scope_cannot_be_linked(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        link_kpi(world.alice, goals.other_kpi, goals.objective)
    assert _errors(info) == {"kpi"}
    with pytest.raises(PermissionDenied):
        link_kpi(world.charlie, goals.kpi, goals.objective)


def test_unlinking_is_refused_while_a_contribution_expects_an_effect_through_the_link(
    world: World, goals: Goals
) -> None:
    ContributionFactory(initiative=world.initiative, goal=goals.objective, kpi=goals.kpi)
    with pytest.raises(ValidationError, match="1 contribution expects an effect"):
        unlink_kpi(world.alice, goals.kpi, goals.objective)
    assert GoalKpi.objects.filter(goal=goals.objective, kpi=goals.kpi).exists()


def test_unlinking(world: World, goals: Goals) -> None:
    unlink_kpi(world.alice, goals.kpi, goals.objective)
    assert not GoalKpi.objects.filter(goal=goals.objective, kpi=goals.kpi).exists()
    assert AuditEvent.objects.filter(content_type__model="goalkpi", action="delete").count() == 1
    with pytest.raises(ValidationError, match="does not measure"):
        unlink_kpi(world.alice, goals.kpi, goals.objective)
    with pytest.raises(PermissionDenied):
        unlink_kpi(world.bob, goals.org_kpi, goals.strategic)
