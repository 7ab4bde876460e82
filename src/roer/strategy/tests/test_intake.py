"""The intake rule: leaving the idea phase needs a problem statement and a contribution to a goal,
or, for an initiative that is mandatory by law, its legal basis instead of the contribution.

It lives in the portfolio services, so the pages and the API obey it alike.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.services import IntakeIncomplete, create_initiative, update_initiative
from roer.strategy.tests.factories import ContributionFactory, GoalFactory

LAW = "Wet digitale overheid, artikel 7"
NO_STATEMENT = "add a problem statement"
NO_CONTRIBUTION = "add at least one contribution to a goal (or mark it mandatory by law with its legal basis)"
NO_BASIS = "add the legal basis that makes it mandatory by law"


def _contribute(initiative: Initiative) -> None:
    ContributionFactory(initiative=initiative, goal=GoalFactory(org_unit=initiative.org_unit))


def _idea(world: World, **fields: Any) -> Initiative:
    initiative = world.initiative
    for name, value in fields.items():
        setattr(initiative, name, value)
    initiative.save()
    return initiative


def _refusal(world: World, values: dict[str, Any]) -> str:
    with pytest.raises(IntakeIncomplete) as info:
        update_initiative(world.alice, world.initiative, values, world.initiative.version)
    assert info.value.field == "phase"
    return str(info.value.message)


def test_without_statement_or_contribution_the_refusal_names_both(world: World) -> None:
    _idea(world, problem_statement="")
    message = _refusal(world, {"phase": Phase.INTAKE})
    assert message == (
        "Cannot leave the idea phase: add a problem statement; add at least one contribution to a goal "
        "(or mark it mandatory by law with its legal basis)."
    )


def test_a_missing_problem_statement_alone(world: World) -> None:
    _idea(world, problem_statement="  \n")  # blanks are no statement
    _contribute(world.initiative)
    assert _refusal(world, {"phase": Phase.INTAKE}) == f"Cannot leave the idea phase: {NO_STATEMENT}."


def test_a_missing_contribution_alone(world: World) -> None:
    assert _refusal(world, {"phase": Phase.APPROVED}) == f"Cannot leave the idea phase: {NO_CONTRIBUTION}."


def test_mandatory_without_legal_basis_is_refused_even_with_a_contribution(world: World) -> None:
    assert _refusal(world, {"phase": Phase.INTAKE, "mandatory": True}) == f"Cannot leave the idea phase: {NO_BASIS}."
    _contribute(world.initiative)
    assert _refusal(world, {"phase": Phase.INTAKE, "mandatory": True, "legal_basis": " "}).endswith(f"{NO_BASIS}.")


def test_mandatory_with_legal_basis_needs_no_contribution_but_still_a_statement(world: World) -> None:
    _idea(world, problem_statement="")
    values = {"phase": Phase.INTAKE, "mandatory": True, "legal_basis": LAW}
    assert _refusal(world, values) == f"Cannot leave the idea phase: {NO_STATEMENT}."
    saved = update_initiative(world.alice, world.initiative, {**values, "problem_statement": "Wettelijke plicht."}, 1)
    assert (saved.phase, saved.mandatory, saved.legal_basis) == (Phase.INTAKE, True, LAW)


@pytest.mark.parametrize(
    "phase", [Phase.INTAKE, Phase.APPROVED, Phase.EXECUTION, Phase.LIVE, Phase.CLOSED, Phase.ON_HOLD]
)
def test_with_statement_and_contribution_it_leaves_for_any_phase(world: World, phase: Phase) -> None:
    _contribute(world.initiative)
    assert update_initiative(world.alice, world.initiative, {"phase": phase}, 1).phase == phase


def test_stopping_an_idea_needs_nothing(world: World) -> None:
    _idea(world, problem_statement="")
    assert update_initiative(world.alice, world.initiative, {"phase": Phase.STOPPED}, 1).phase == Phase.STOPPED


def test_a_refusal_changes_nothing(world: World) -> None:
    _refusal(world, {"phase": Phase.INTAKE, "name": "Nieuw"})
    world.initiative.refresh_from_db()
    assert (world.initiative.phase, world.initiative.name, world.initiative.version) == (
        Phase.IDEA,
        "Regie op gegevens",
        1,
    )
    assert not AuditEvent.objects.for_object(world.initiative).filter(action="update").exists()


def test_resuming_a_stopped_initiative_is_checked_too(world: World) -> None:
    _idea(world, phase=Phase.STOPPED)
    assert _refusal(world, {"phase": Phase.EXECUTION}) == f"Cannot resume this stopped initiative: {NO_CONTRIBUTION}."


def test_moves_between_later_phases_are_not_the_intake(world: World) -> None:
    # Registered before the rule existed: it may move on; the orphan analysis will show it.
    _idea(world, phase=Phase.EXECUTION)
    assert update_initiative(world.alice, world.initiative, {"phase": Phase.LIVE}, 1).phase == Phase.LIVE


def _new(world: World, **extra: Any) -> dict[str, Any]:
    return {"name": "Digitale kluis", "org_unit": world.department, "problem_statement": "Papier.", **extra}


@pytest.mark.parametrize("phase", [Phase.IDEA, Phase.STOPPED])
def test_registering_as_an_idea_or_stopped_needs_nothing(world: World, phase: Phase) -> None:
    assert create_initiative(world.alice, _new(world, phase=phase, problem_statement="")).phase == phase


def test_registering_past_the_idea_phase_obeys_the_same_rule(world: World) -> None:
    with pytest.raises(IntakeIncomplete) as info:
        create_initiative(world.alice, _new(world, phase=Phase.EXECUTION, problem_statement=""))
    assert str(info.value.message) == (
        "Cannot leave the idea phase: add a problem statement; register it as an idea and add at least one "
        "contribution to a goal first (or mark it mandatory by law with its legal basis)."
    )
    with pytest.raises(IntakeIncomplete):
        create_initiative(world.alice, _new(world, phase=Phase.EXECUTION, mandatory=True))
    assert not Initiative.objects.filter(name="Digitale kluis").exists()
    created = create_initiative(world.alice, _new(world, phase=Phase.EXECUTION, mandatory=True, legal_basis=LAW))
    assert created.phase == Phase.EXECUTION


# --- the page and the API ---------------------------------------------------------------------------


def _form(initiative: Initiative, **changes: Any) -> dict[str, Any]:
    data = {
        "name": initiative.name,
        "org_unit": initiative.org_unit_id,
        "phase": initiative.phase,
        "sponsor": "",
        "manager": "",
        "problem_statement": initiative.problem_statement,
        "description": "",
        "legal_basis": "",
        "version": initiative.version,
    }
    return {**data, **changes}


def test_the_form_shows_the_refusal_at_the_phase_field(client: Any, world: World) -> None:
    client.force_login(world.alice)
    url = reverse("portfolio:initiative-edit", args=[world.initiative.code])
    response = client.post(url, _form(world.initiative, phase="intake"))
    assert response.status_code == 200
    assert response.context["form"].errors == {"phase": [f"Cannot leave the idea phase: {NO_CONTRIBUTION}."]}
    assert "mandatory" in response.context["form"].fields and "legal_basis" in response.context["form"].fields


def test_the_form_marks_an_initiative_mandatory_with_its_legal_basis(client: Any, world: World) -> None:
    client.force_login(world.alice)
    url = reverse("portfolio:initiative-edit", args=[world.initiative.code])
    response = client.post(url, _form(world.initiative, phase="intake", mandatory="on", legal_basis=LAW))
    assert response.status_code == 302
    world.initiative.refresh_from_db()
    assert (world.initiative.phase, world.initiative.mandatory, world.initiative.legal_basis) == ("intake", True, LAW)


def test_the_api_answers_a_missing_requirement_with_400_at_phase(world: World) -> None:
    url = f"{BASE}/initiatives/{world.initiative.code}"
    client = session_client(world.alice)
    body = assert_problem(client.patch(url, {"phase": "intake"}, format="json", HTTP_IF_MATCH='"1"'), 400)
    assert body["invalidParams"] == [
        {"name": "phase", "code": "invalid", "reason": f"Cannot leave the idea phase: {NO_CONTRIBUTION}."}
    ]
    response = client.patch(
        url, {"phase": "intake", "mandatory": True, "legalBasis": LAW}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 200, response.content
    assert (response.json()["mandatory"], response.json()["legalBasis"]) == (True, LAW)


def test_the_api_refuses_registering_past_the_idea_phase_with_400(world: World) -> None:
    data = {"name": "Digitale kluis", "orgUnit": world.department.pk, "phase": "execution", "problemStatement": "X"}
    body = assert_problem(session_client(world.alice).post(f"{BASE}/initiatives", data, format="json"), 400)
    assert [param["name"] for param in body["invalidParams"]] == ["phase"]
