"""Registering and changing initiatives: permissions, optimistic concurrency, audit trail."""

from __future__ import annotations

from typing import Any

import pytest

from roer.api.tests.helpers import (
    BASE,
    assert_problem,
    invalid_names,
    session_client,
    token_client,
)
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.roles import Role
from roer.organisation.tests.factories import RoleAssignmentFactory
from roer.portfolio.models import Initiative
from roer.portfolio.services import StaleVersion
from roer.strategy.tests.factories import ContributionFactory

URL = BASE + "/initiatives"


def _detail(world: World) -> str:
    return f"{URL}/{world.initiative.code}"


def _events(initiative: Initiative) -> Any:
    return AuditEvent.objects.for_object(initiative).filter(action="update")


def test_alice_changes_an_initiative_with_if_match(world: World) -> None:
    ContributionFactory(initiative=world.initiative, goal__org_unit=world.department)  # the intake rule
    response = session_client(world.alice).patch(
        _detail(world), {"name": "Regie op gegevens 2.0", "phase": "intake"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"2"'
    assert response.json()["version"] == 2 and response.json()["phase"] == "intake"
    world.initiative.refresh_from_db()
    assert (world.initiative.name, world.initiative.version) == ("Regie op gegevens 2.0", 2)


def test_a_change_through_a_token_is_audited_as_api_with_the_person(world: World) -> None:
    response = token_client(world.alice).patch(
        _detail(world), {"problemStatement": "Burgers zien hun gegevens niet."}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 200
    event = _events(world.initiative).get()
    assert (event.source, event.actor, event.actor_label) == ("api", world.alice, "alice")
    assert event.before["problem_statement"] == "Burgers wachten te lang op een besluit."
    assert event.after["problem_statement"] == "Burgers zien hun gegevens niet."
    assert "problem_statement" in event.changed_fields


def test_put_replaces_the_editable_fields(world: World) -> None:
    ContributionFactory(initiative=world.initiative, goal__org_unit=world.department)  # the intake rule
    data = {"name": "Nieuw", "orgUnit": world.department.pk, "phase": "approved", "manager": world.bob.pk}
    response = session_client(world.alice).put(_detail(world), data, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200, response.content
    world.initiative.refresh_from_db()
    assert (world.initiative.org_unit, world.initiative.manager) == (world.department, world.bob)


def test_the_code_cannot_be_changed(world: World) -> None:
    response = session_client(world.alice).patch(_detail(world), {"code": "X-1"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.json()["code"] == world.initiative.code


def test_a_viewer_may_not_change(world: World) -> None:
    response = session_client(world.bob).patch(_detail(world), {"name": "Bob"}, format="json", HTTP_IF_MATCH='"1"')
    assert_problem(response, 403)
    world.initiative.refresh_from_db()
    assert world.initiative.name != "Bob"


def test_the_manager_may_change_their_initiative(world: World) -> None:
    world.initiative.manager = world.bob
    world.initiative.save()
    response = session_client(world.bob).patch(_detail(world), {"name": "Bob"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200


@pytest.mark.parametrize("if_match", ['"7"', '"0"', 'W/"1"', "1", '"2", "3"'])
def test_a_stale_change_gets_412_with_the_stored_values_and_changes_nothing(world: World, if_match: str) -> None:
    response = session_client(world.alice).patch(_detail(world), {"name": "Oud"}, format="json", HTTP_IF_MATCH=if_match)
    body = assert_problem(response, 412)
    assert body["current"]["name"] == "Regie op gegevens" and body["current"]["version"] == 1
    assert "problemStatement" in body["current"]
    assert response["ETag"] == '"1"'
    world.initiative.refresh_from_db()
    assert (world.initiative.name, world.initiative.version) == ("Regie op gegevens", 1)
    assert not _events(world.initiative).exists()


def test_a_change_based_on_an_older_version_shows_the_newer_values(world: World) -> None:
    client = session_client(world.alice)
    client.patch(_detail(world), {"name": "Eerste"}, format="json", HTTP_IF_MATCH='"1"')
    response = client.patch(_detail(world), {"name": "Tweede"}, format="json", HTTP_IF_MATCH='"1"')
    assert assert_problem(response, 412)["current"]["name"] == "Eerste"


def test_a_race_caught_by_the_service_is_412_too(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def lost_race(user: Any, initiative: Initiative, values: dict[str, Any], expected_version: int) -> Initiative:
        initiative.version = 5
        raise StaleVersion(initiative, expected_version)

    monkeypatch.setattr("roer.portfolio.api.viewsets.update_initiative", lost_race)
    response = session_client(world.alice).patch(_detail(world), {"name": "X"}, format="json", HTTP_IF_MATCH='"1"')
    assert assert_problem(response, 412)["current"]["version"] == 5


@pytest.mark.parametrize("headers", [{}, {"HTTP_IF_MATCH": "*"}], ids=["missing", "star"])
def test_a_change_without_if_match_gets_428(world: World, headers: dict[str, Any]) -> None:
    response = session_client(world.alice).patch(_detail(world), {"name": "Blind"}, format="json", **headers)
    assert assert_problem(response, 428)["code"] == "preconditionRequired"
    world.initiative.refresh_from_db()
    assert world.initiative.version == 1


def test_validation_errors_name_the_camel_case_fields(world: World) -> None:
    data = {"name": "", "orgUnit": world.other_org.pk, "problemStatement": None}
    response = session_client(world.alice).put(_detail(world), data, format="json", HTTP_IF_MATCH='"1"')
    assert invalid_names(response) == {"name", "orgUnit", "problemStatement"}
    codes = {param["name"]: param["code"] for param in response.json()["invalidParams"]}
    assert codes["orgUnit"] == "doesNotExist"


def test_moving_into_a_visible_unit_without_the_right_to_register_there_is_403(world: World) -> None:
    RoleAssignmentFactory(person=world.alice, role=Role.VIEWER, org_unit=world.other_department)
    data = {"orgUnit": world.other_department.pk}
    response = session_client(world.alice).patch(_detail(world), data, format="json", HTTP_IF_MATCH='"1"')
    assert_problem(response, 403)


def test_alice_registers_an_initiative(world: World) -> None:
    data = {"name": "Digitale kluis", "orgUnit": world.directorate.pk, "problemStatement": "Papieren archief."}
    response = session_client(world.alice).post(URL, data, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["code"] == "MINBZ-0003" and body["version"] == 1
    assert response["Location"].endswith(f"{URL}/MINBZ-0003")
    assert response["ETag"] == '"1"'
    event = AuditEvent.objects.for_object(Initiative.objects.get(code="MINBZ-0003")).get()
    assert (event.action, event.source, event.actor) == ("create", "api", world.alice)


def test_a_chosen_code_must_be_valid_and_free(world: World) -> None:
    client = session_client(world.alice)
    for code in ("lowercase", world.initiative.code):
        response = client.post(URL, {"code": code, "name": "X", "orgUnit": world.directorate.pk}, format="json")
        assert invalid_names(response) == {"code"}
    response = client.post(URL, {"code": "DGDO-7", "name": "X", "orgUnit": world.directorate.pk}, format="json")
    assert response.status_code == 201 and response.json()["code"] == "DGDO-7"


def test_registering_needs_the_right_to_register(world: World) -> None:
    data = {"name": "X", "orgUnit": world.directorate.pk}
    assert_problem(session_client(world.bob).post(URL, data, format="json"), 403)
    RoleAssignmentFactory(person=world.alice, role=Role.VIEWER, org_unit=world.other_department)
    data = {"name": "X", "orgUnit": world.other_department.pk}
    assert_problem(session_client(world.alice).post(URL, data, format="json"), 403)
    assert Initiative.objects.count() == 2


def test_initiatives_cannot_be_deleted(world: World) -> None:
    assert_problem(session_client(world.alice).delete(_detail(world)), 405)
    assert Initiative.objects.filter(pk=world.initiative.pk).exists()
