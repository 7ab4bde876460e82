"""Contributions through the services: the initiative's rights, KPI and goal checks, the last one kept."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.portfolio.models import Phase
from roer.strategy.models import Contribution
from roer.strategy.services import add_contribution, delete_contribution, update_contribution
from roer.strategy.tests.factories import ContributionFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def _errors(info: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(info.value.message_dict)


def test_alice_links_an_initiative_to_her_objective_through_its_kpi(world: World, goals: Goals) -> None:
    values = {
        "goal": goals.objective,
        "kpi": goals.kpi,
        "expected_change": Decimal("5"),
        "expected_by": datetime.date(2027, 12, 31),
        "confidence": "high",
        "weight": Decimal("2"),
        "rationale": "Minder uitval bij inloggen.",
    }
    with acting(actor=world.alice, source=Source.WEB):
        contribution = add_contribution(world.alice, world.initiative, values)
    assert (contribution.initiative, contribution.weight) == (world.initiative, Decimal("2"))
    event = AuditEvent.objects.for_object(contribution).get()
    assert (event.action, event.actor, event.scope_path) == ("create", world.alice, world.directorate.path)


def test_an_organisation_goal_above_her_scope_can_be_served(world: World, goals: Goals) -> None:
    assert add_contribution(world.alice, world.initiative, {"goal": goals.strategic, "kpi": goals.org_kpi}).pk


def test_the_kpi_must_measure_the_goal_and_the_weight_be_positive(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        add_contribution(world.alice, world.initiative, {"goal": goals.objective, "kpi": goals.org_kpi})
    assert info.value.message_dict == {"kpi": ["This KPI does not measure the chosen goal."]}
    for weight in ("0", "-1"):
        with pytest.raises(ValidationError) as info:
            add_contribution(world.alice, world.initiative, {"goal": goals.objective, "weight": Decimal(weight)})
        assert info.value.message_dict == {"weight": ["The weight must be more than zero."]}
    with pytest.raises(ValidationError) as info:
        add_contribution(world.alice, world.initiative, {"goal": goals.objective, "expected_change": Decimal("5")})
    assert _errors(info) == {"kpi"}
    assert not Contribution.objects.exists()


def test_goals_and_kpis_outside_the_scope_are_not_found(world: World, goals: Goals) -> None:
    with pytest.raises(ValidationError) as info:
        add_contribution(world.alice, world.initiative, {"goal": goals.elsewhere, "kpi": goals.other_kpi})
    assert _errors(info) == {"goal", "kpi"}


def test_the_same_contribution_cannot_be_added_twice(world: World, goals: Goals) -> None:
    add_contribution(world.alice, world.initiative, {"goal": goals.objective})
    with pytest.raises(ValidationError) as info:
        add_contribution(world.alice, world.initiative, {"goal": goals.objective, "weight": Decimal("3")})
    assert _errors(info) == {"goal"}
    # Through a KPI it is another contribution to the same goal.
    assert add_contribution(world.alice, world.initiative, {"goal": goals.objective, "kpi": goals.kpi}).pk


def test_who_may_change_the_initiative_may_change_its_contributions(world: World, goals: Goals) -> None:
    for person in (world.bob, world.charlie):
        with pytest.raises(PermissionDenied):
            add_contribution(person, world.initiative, {"goal": goals.objective})
    world.initiative.manager = world.bob
    world.initiative.save()
    assert add_contribution(world.bob, world.initiative, {"goal": goals.objective}).pk


def test_updating_keeps_the_initiative_and_is_audited(world: World, goals: Goals) -> None:
    contribution = ContributionFactory(initiative=world.initiative, goal=goals.objective)
    with acting(actor=world.alice, source=Source.WEB):
        saved = update_contribution(
            world.alice,
            contribution,
            {"weight": Decimal("0.5"), "kpi": goals.kpi, "initiative": world.other_initiative},
        )
    assert (saved.weight, saved.kpi, saved.initiative) == (Decimal("0.5"), goals.kpi, world.initiative)
    event = AuditEvent.objects.for_object(contribution).get(action="update")
    assert (event.before["weight"], event.after["weight"]) == ("1.00", "0.50")
    with pytest.raises(ValidationError):
        update_contribution(world.alice, contribution, {"goal": goals.strategic})  # its KPI measures the objective
    with pytest.raises(PermissionDenied):
        update_contribution(world.bob, contribution, {"weight": Decimal("9")})


def test_the_only_contribution_of_an_initiative_past_the_idea_phase_stays(world: World, goals: Goals) -> None:
    first = ContributionFactory(initiative=world.initiative, goal=goals.objective)
    second = ContributionFactory(initiative=world.initiative, goal=goals.strategic)
    world.initiative.phase = Phase.EXECUTION
    world.initiative.save()
    delete_contribution(world.alice, second)
    with pytest.raises(ValidationError, match="only contribution of an initiative past the idea phase"):
        delete_contribution(world.alice, first)
    world.initiative.mandatory, world.initiative.legal_basis = True, "Wet digitale overheid, art. 5"
    world.initiative.save()
    delete_contribution(world.alice, first)
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("phase", [Phase.IDEA, Phase.STOPPED])
def test_ideas_and_stopped_initiatives_may_lose_their_last_contribution(
    world: World, goals: Goals, phase: Phase
) -> None:
    world.initiative.phase = phase
    world.initiative.save()
    contribution = ContributionFactory(initiative=world.initiative, goal=goals.objective)
    with pytest.raises(PermissionDenied):
        delete_contribution(world.bob, contribution)
    delete_contribution(world.alice, contribution)
    assert AuditEvent.objects.filter(content_type__model="contribution", action="delete").count() == 1
