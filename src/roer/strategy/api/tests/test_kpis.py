"""The KPIs resource: scope, the goals they measure (as far as one can see), changes under If-Match."""

from __future__ import annotations

from typing import Any

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.models import KPI, GoalKpi
from roer.strategy.tests.factories import GoalKpiFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")

URL = BASE + "/kpis"
FIELDS = {
    "id", "orgUnit", "name", "description", "unitOfMeasure", "direction", "baselineValue", "baselineDate",
    "targetValue", "targetDate", "source", "frequency", "goals", "version",
}  # fmt: skip


def _names(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["results"])


def test_alice_sees_her_kpis_and_those_above_with_only_the_goals_she_can_see(world: World, goals: Goals) -> None:
    GoalKpiFactory(goal=goals.elsewhere, kpi=goals.org_kpi)  # the ministry KPI also serves the other department
    response = session_client(world.alice).get(URL)
    assert _names(response) == ["Digitaal afgehandelde aanvragen", "Gebruik DigiD-machtigen"]
    org_kpi = next(item for item in response.json()["results"] if item["id"] == goals.org_kpi.pk)
    assert set(org_kpi) == FIELDS
    assert org_kpi["goals"] == [goals.strategic.pk]
    assert (org_kpi["baselineValue"], org_kpi["baselineDate"], org_kpi["targetDate"]) == (
        "40.0000",
        "2024-01-01",
        "2027-12-31",
    )
    assert _names(session_client(world.charlie).get(URL)) == []


def test_filters(world: World, goals: Goals) -> None:
    client = session_client(world.alice)
    assert _names(client.get(URL, {"goal": goals.objective.pk})) == ["Gebruik DigiD-machtigen"]
    assert _names(client.get(URL, {"orgUnit": world.department.pk})) == ["Gebruik DigiD-machtigen"]
    assert _names(client.get(URL, {"search": "digitaal"})) == ["Digitaal afgehandelde aanvragen"]
    assert _names(client.get(URL, {"ordering": "-name"})) == [
        "Digitaal afgehandelde aanvragen",
        "Gebruik DigiD-machtigen",
    ]
    assert invalid_names(client.get(URL, {"direction": "up"})) == {"direction"}


def _new(world: World, tree: Goals, **extra: Any) -> dict[str, Any]:
    return {
        "orgUnit": world.department.pk,
        "name": "Klanttevredenheid",
        "unitOfMeasure": "cijfer",
        "direction": "higher",
        "baselineValue": "6.8",
        "baselineDate": "2024-12-31",
        "targetValue": "7.5",
        "targetDate": "2027-12-31",
        "frequency": "yearly",
        "goals": [tree.objective.pk],
        **extra,
    }


def test_alice_creates_a_kpi_for_her_objective(world: World, goals: Goals) -> None:
    response = session_client(world.alice).post(URL, _new(world, goals), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["goals"], body["targetValue"], body["version"]) == ([goals.objective.pk], "7.5000", 1)
    assert response["ETag"] == '"1"' and response["Location"].endswith(f"{URL}/{body['id']}")
    assert AuditEvent.objects.for_object(KPI.objects.get(pk=body["id"])).get().source == "api"


def test_creating_needs_the_right_and_valid_values(world: World, goals: Goals) -> None:
    assert_problem(session_client(world.bob).post(URL, _new(world, goals), format="json"), 403)
    client = session_client(world.alice)
    assert_problem(client.post(URL, _new(world, goals, goals=[goals.strategic.pk]), format="json"), 403)
    response = client.post(URL, _new(world, goals, targetDate="2020-01-01", baselineValue="zes"), format="json")
    assert invalid_names(response) == {"baselineValue"}
    assert invalid_names(client.post(URL, _new(world, goals, targetDate="2020-01-01"), format="json")) == {"targetDate"}
    assert invalid_names(client.post(URL, _new(world, goals, goals=[goals.elsewhere.pk]), format="json")) == {"goals"}


def test_a_change_replaces_the_visible_goals_and_keeps_the_others(world: World, goals: Goals) -> None:
    GoalKpiFactory(goal=goals.elsewhere, kpi=goals.kpi)  # made by someone who sees the other department
    url, client = f"{URL}/{goals.kpi.pk}", session_client(world.alice)
    response = client.get(url)
    assert response.json()["goals"] == [goals.objective.pk]
    other = client.post(
        BASE + "/goals", {"orgUnit": world.department.pk, "level": "ambition", "title": "Eigen"}, format="json"
    )
    response = client.patch(url, {"goals": [other.json()["id"]]}, format="json", HTTP_IF_MATCH=response["ETag"])
    assert response.status_code == 200, response.content
    assert (response.json()["goals"], response["ETag"]) == ([other.json()["id"]], '"2"')
    assert set(GoalKpi.objects.filter(kpi=goals.kpi).values_list("goal_id", flat=True)) == {
        other.json()["id"],
        goals.elsewhere.pk,
    }


def test_stale_and_blind_changes_are_refused(world: World, goals: Goals) -> None:
    url, client = f"{URL}/{goals.kpi.pk}", session_client(world.alice)
    assert_problem(client.patch(url, {"name": "Blind"}, format="json"), 428)
    client.patch(url, {"name": "Nieuw"}, format="json", HTTP_IF_MATCH='"1"')
    body = assert_problem(client.patch(url, {"name": "Oud"}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert (body["current"]["name"], body["current"]["goals"]) == ("Nieuw", [goals.objective.pk])


def test_the_organisation_kpi_is_read_only_for_alice_and_kpis_are_never_deleted(world: World, goals: Goals) -> None:
    client = session_client(world.alice)
    assert_problem(client.patch(f"{URL}/{goals.org_kpi.pk}", {"name": "X"}, format="json", HTTP_IF_MATCH='"1"'), 403)
    assert_problem(client.delete(f"{URL}/{goals.kpi.pk}"), 405)
    assert_problem(session_client(world.charlie).get(f"{URL}/{goals.kpi.pk}"), 404)
