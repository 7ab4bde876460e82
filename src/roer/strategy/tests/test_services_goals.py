"""Goals through the services: who may, what is valid, stale versions, deletion, audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.models import Goal, GoalKpi, GoalLevel
from roer.strategy.services import StaleVersion, create_goal, delete_goal, update_goal
from roer.strategy.tests.factories import ContributionFactory, GoalFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def _objective(world: World, goals: Goals, **extra: object) -> dict[str, object]:
    return {
        "org_unit": world.department,
        "level": GoalLevel.OBJECTIVE,
        "parent": goals.strategic,
        "title": "Alles in één keer goed",
        **extra,
    }


def _errors(info: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(info.value.message_dict)


def test_alice_adds_an_objective_to_an_organisation_goal_and_it_is_audited(world: World, goals: Goals) -> None:
    with acting(actor=world.alice, source=Source.WEB):
        goal = create_goal(world.alice, _objective(world, goals, owner=world.bob))
    assert (goal.parent, goal.owner, goal.version) == (goals.strategic, world.bob, 1)
    event = AuditEvent.objects.for_object(goal).get()
    assert (event.action, event.actor, event.source) == ("create", world.alice, "web")
    assert event.after["title"] == "Alles in één keer goed"


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_a_viewer_and_an_outsider_may_not_add_goals(world: World, goals: Goals, who: str) -> None:
    with pytest.raises(PermissionDenied):
        create_goal(getattr(world, who), _objective(world, goals))
    assert not Goal.objects.filter(title="Alles in één keer goed").exists()


@pytest.mark.parametrize("unit", ["ministry", "other_department"])
def test_alice_may_not_add_goals_above_or_beside_her_department(world: World, unit: str) -> None:
    with pytest.raises(PermissionDenied, match="You may not manage goals in"):
        create_goal(world.alice, {"org_unit": getattr(world, unit), "level": "ambition", "title": "Eigen koers"})


def test_the_functional_administrator_of_the_ministry_adds_organisation_goals(world: World) -> None:
    goal = create_goal(world.frank, {"org_unit": world.ministry, "level": "ambition", "title": "Open overheid"})
    assert goal.pk


def test_the_tree_rules_of_the_model_apply(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        create_goal(world.alice, _objective(world, goals, parent=None))
    assert _errors(info) == {"parent"}
    with pytest.raises(ValidationError) as info:
        create_goal(world.alice, _objective(world, goals, parent=goals.ambition))
    assert _errors(info) == {"parent"}


def test_the_owner_must_be_someone_alice_can_see(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        create_goal(world.alice, _objective(world, goals, owner=world.charlie))
    assert _errors(info) == {"owner"}


def test_an_update_bumps_the_version_and_records_before_and_after(world: World, goals: Goals) -> None:
    with acting(actor=world.alice, source=Source.API):
        saved = update_goal(world.alice, goals.objective, {"title": "Inloggen in één stap"}, 1)
    assert (saved.title, saved.version) == ("Inloggen in één stap", 2)
    event = AuditEvent.objects.for_object(goals.objective).get(action="update")
    assert event.before["title"] == "Inloggen zonder gedoe" and event.after["title"] == "Inloggen in één stap"
    assert {"title", "version"} <= set(event.changed_fields)


def test_a_stale_update_is_refused_and_changes_nothing(world: World, goals: Goals) -> None:
    update_goal(world.alice, goals.objective, {"title": "Eerste"}, 1)
    with pytest.raises(StaleVersion) as info:
        update_goal(world.alice, goals.objective, {"title": "Tweede"}, 1)
    assert (info.value.current.title, info.value.current.version) == ("Eerste", 2)
    goals.objective.refresh_from_db()
    assert goals.objective.title == "Eerste"


def test_alice_sees_but_may_not_change_organisation_goals(world: World, goals: Goals) -> None:
    assert Goal.objects.for_user(world.alice).filter(pk=goals.strategic.pk).exists()
    with pytest.raises(PermissionDenied):
        update_goal(world.alice, goals.strategic, {"title": "Gekaapt"}, 1)
    with pytest.raises(PermissionDenied):
        update_goal(world.bob, goals.objective, {"title": "Gekaapt"}, 1)


def test_moving_a_goal_needs_the_right_in_the_new_unit_too(world: World, goals: Goals) -> None:
    with pytest.raises(PermissionDenied):
        update_goal(world.alice, goals.objective, {"org_unit": world.other_department}, 1)
    moved = update_goal(world.alice, goals.objective, {"org_unit": world.directorate}, 1)
    assert moved.org_unit == world.directorate


def test_a_goal_with_sub_goals_keeps_its_level_and_stays_above_them(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        update_goal(world.frank, goals.strategic, {"org_unit": world.other_department}, 1)
    assert _errors(info) == {"org_unit"}
    assert "Inloggen zonder gedoe" in str(info.value)
    with pytest.raises(ValidationError) as info:
        update_goal(world.frank, goals.strategic, {"level": "ambition", "parent": None}, 1)
    assert _errors(info) == {"level"}


def test_deleting_a_goal_with_sub_goals_or_contributions_is_refused_with_what_depends_on_it(
    world: World, goals: Goals
) -> None:
    ContributionFactory(initiative=world.initiative, goal=goals.strategic)
    with pytest.raises(ValidationError) as info:
        delete_goal(world.frank, goals.strategic)
    assert info.value.messages == [
        "This goal cannot be deleted. First move or delete what depends on it: 1 sub-goal and 1 contribution."
    ]
    assert Goal.objects.filter(pk=goals.strategic.pk).exists()


def test_deleting_a_goal_removes_its_kpi_links_but_keeps_the_kpis(world: World, goals: Goals) -> None:
    with acting(actor=world.alice, source=Source.WEB):
        delete_goal(world.alice, goals.objective)
    assert not Goal.objects.filter(pk=goals.objective.pk).exists()
    assert goals.kpi.pk and not GoalKpi.objects.filter(kpi=goals.kpi).exists()
    deletions = AuditEvent.objects.filter(action="delete", actor=world.alice)
    assert {event.content_type.model for event in deletions} == {"goal", "goalkpi"}


def test_only_someone_who_manages_the_goal_may_delete_it(world: World, goals: Goals) -> None:
    lone = GoalFactory(org_unit=world.ministry)
    for person in (world.alice, world.bob, world.charlie):
        with pytest.raises(PermissionDenied):
            delete_goal(person, lone)
    delete_goal(world.frank, lone)
