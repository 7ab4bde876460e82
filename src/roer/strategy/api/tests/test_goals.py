"""The goals resource: scope (including the goals above), filters, changes under If-Match, deletion."""

from __future__ import annotations

from typing import Any

import pytest

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.roles import Role
from roer.organisation.tests.factories import RoleAssignmentFactory
from roer.strategy.models import Goal
from roer.strategy.tests.factories import ContributionFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")

URL = BASE + "/goals"
FIELDS = {"id", "orgUnit", "parent", "level", "title", "description", "owner", "horizonStart", "horizonEnd", "version"}


def _titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["results"])


def test_alice_sees_her_goals_and_the_organisation_goals_above_them(world: World, goals: Goals) -> None:
    response = session_client(world.alice).get(URL)
    assert _titles(response) == ["Dienstverlening die werkt", "Digitaal eerst", "Inloggen zonder gedoe"]
    objective = next(item for item in response.json()["results"] if item["title"] == "Inloggen zonder gedoe")
    assert set(objective) == FIELDS
    assert (objective["orgUnit"], objective["parent"], objective["level"]) == (
        world.department.pk,
        goals.strategic.pk,
        "objective",
    )


def test_an_outsider_sees_no_goal(world: World, goals: Goals) -> None:
    client = session_client(world.charlie)
    assert _titles(client.get(URL)) == []
    assert_problem(client.get(f"{URL}/{goals.objective.pk}"), 404)


def test_filters(world: World, goals: Goals) -> None:
    client = session_client(world.frank)
    assert _titles(client.get(URL, {"orgUnit": world.department.pk})) == ["Inloggen zonder gedoe"]
    assert _titles(client.get(URL, {"level": "ambition"})) == ["Betaalbaar wonen", "Dienstverlening die werkt"]
    assert _titles(client.get(URL, {"parent": goals.ambition.pk})) == ["Digitaal eerst"]
    assert _titles(client.get(URL, {"search": "inloggen"})) == ["Inloggen zonder gedoe"]
    assert invalid_names(client.get(URL, {"level": "wish", "parent": "x"})) == {"level", "parent"}


def test_the_detail_carries_the_version_as_etag(world: World, goals: Goals) -> None:
    response = session_client(world.bob).get(f"{URL}/{goals.strategic.pk}")
    assert response.status_code == 200 and response["ETag"] == '"1"'


def _new(world: World, goals: Goals, **extra: Any) -> dict[str, Any]:
    return {
        "orgUnit": world.department.pk,
        "level": "objective",
        "parent": goals.strategic.pk,
        "title": "Alles in één keer goed",
        "horizonEnd": "2027-12-31",
        **extra,
    }


def test_alice_adds_a_goal_and_it_is_audited_as_api(world: World, goals: Goals) -> None:
    response = token_client(world.alice).post(URL, _new(world, goals), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["title"], body["horizonEnd"], body["version"]) == ("Alles in één keer goed", "2027-12-31", 1)
    assert response["Location"].endswith(f"{URL}/{body['id']}") and response["ETag"] == '"1"'
    event = AuditEvent.objects.for_object(Goal.objects.get(pk=body["id"])).get()
    assert (event.action, event.source, event.actor) == ("create", "api", world.alice)


def test_adding_goals_needs_the_right_in_that_unit(world: World, goals: Goals) -> None:
    assert_problem(session_client(world.bob).post(URL, _new(world, goals), format="json"), 403)
    # A unit outside her scope does not exist for her; one where she only views is refused.
    data = _new(world, goals, orgUnit=world.ministry.pk, level="ambition", parent=None)
    assert invalid_names(session_client(world.alice).post(URL, data, format="json")) == {"orgUnit"}
    RoleAssignmentFactory(person=world.alice, role=Role.VIEWER, org_unit=world.ministry)
    body = assert_problem(session_client(world.alice).post(URL, data, format="json"), 403)
    assert body["detail"] == "You may not manage goals in Ministerie van Binnenzaken."


def test_invalid_goals_are_400_with_the_fields(world: World, goals: Goals) -> None:
    client = session_client(world.alice)
    assert invalid_names(client.post(URL, _new(world, goals, parent=None), format="json")) == {"parent"}
    response = client.post(URL, _new(world, goals, parent=goals.elsewhere.pk, horizonEnd="eind"), format="json")
    assert invalid_names(response) == {"parent", "horizonEnd"}
    response = client.post(URL, _new(world, goals, horizonStart="2028-01-01"), format="json")
    assert invalid_names(response) == {"horizonEnd"}


def test_a_change_needs_if_match_and_bumps_the_version(world: World, goals: Goals) -> None:
    url, client = f"{URL}/{goals.objective.pk}", session_client(world.alice)
    assert_problem(client.patch(url, {"title": "Blind"}, format="json"), 428)
    response = client.patch(url, {"title": "Inloggen in één stap"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200 and response["ETag"] == '"2"'
    body = assert_problem(client.patch(url, {"title": "Oud"}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert body["current"]["title"] == "Inloggen in één stap" and response.json()["version"] == 2


def test_who_sees_a_goal_but_may_not_change_it_gets_403(world: World, goals: Goals) -> None:
    assert_problem(
        session_client(world.alice).patch(
            f"{URL}/{goals.strategic.pk}", {"title": "X"}, format="json", HTTP_IF_MATCH='"1"'
        ),
        403,
    )
    assert_problem(
        session_client(world.bob).put(
            f"{URL}/{goals.objective.pk}", _new(world, goals), format="json", HTTP_IF_MATCH='"1"'
        ),
        403,
    )


def test_deleting_a_goal(world: World, goals: Goals) -> None:
    client = session_client(world.frank)
    body = assert_problem(client.delete(f"{URL}/{goals.strategic.pk}"), 400)
    assert "1 sub-goal" in body["invalidParams"][0]["reason"]
    ContributionFactory(initiative=world.initiative, goal=goals.objective)
    body = assert_problem(client.delete(f"{URL}/{goals.objective.pk}"), 400)
    assert (
        body["invalidParams"][0]["name"] == "nonFieldErrors" and "1 contribution" in body["invalidParams"][0]["reason"]
    )
    assert_problem(session_client(world.alice).delete(f"{URL}/{goals.ambition.pk}"), 403)
    assert client.delete(f"{URL}/{goals.elsewhere.pk}").status_code == 204
    assert not Goal.objects.filter(pk=goals.elsewhere.pk).exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_an_outsider_cannot_change_or_delete(world: World, goals: Goals, method: str) -> None:
    client = session_client(world.charlie)
    response = getattr(client, method)(f"{URL}/{goals.objective.pk}", {}, format="json", HTTP_IF_MATCH='"1"')
    assert_problem(response, 404)
