"""The contributions resource: by initiative code, the KPI must measure the goal, the last one stays."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.portfolio.models import Phase
from roer.strategy.models import Contribution
from roer.strategy.tests.factories import ContributionFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")

URL = BASE + "/contributions"
FIELDS = {
    "id", "initiative", "goal", "kpi", "expectedChange", "expectedBy", "effectFrom", "confidence", "weight",
    "rationale",
}  # fmt: skip


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_lists_and_filters(world: World, goals: Goals) -> None:
    first = ContributionFactory(initiative=world.initiative, goal=goals.objective, kpi=goals.kpi)
    second = ContributionFactory(initiative=world.initiative, goal=goals.strategic)
    hidden = ContributionFactory(initiative=world.other_initiative, goal=goals.elsewhere)
    client = session_client(world.bob)
    response = client.get(URL)
    assert sorted(_ids(response)) == [first.pk, second.pk]
    assert set(response.json()["results"][0]) == FIELDS
    assert _ids(client.get(URL, {"initiative": "minbz-0001", "kpi": str(goals.kpi.pk)})) == [first.pk]
    assert _ids(client.get(URL, {"goal": goals.strategic.pk})) == [second.pk]
    assert _ids(client.get(URL, {"initiative": world.other_initiative.code})) == []
    assert _ids(session_client(world.charlie).get(URL)) == []
    assert_problem(client.get(f"{URL}/{hidden.pk}"), 404)


def _new(world: World, goals: Goals, **extra: Any) -> dict[str, Any]:
    return {
        "initiative": world.initiative.code,
        "goal": goals.objective.pk,
        "kpi": goals.kpi.pk,
        "expectedChange": "5",
        "expectedBy": "2027-12-31",
        "confidence": "high",
        "weight": "2",
        "rationale": "Minder uitval bij inloggen.",
        **extra,
    }


def test_alice_adds_a_contribution(world: World, goals: Goals) -> None:
    response = session_client(world.alice).post(URL, _new(world, goals), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["initiative"], body["weight"], body["expectedChange"]) == ("MINBZ-0001", "2.00", "5.0000")
    event = AuditEvent.objects.for_object(Contribution.objects.get()).get()
    assert (event.action, event.source) == ("create", "api")


def test_invalid_contributions_are_400_with_the_fields(world: World, goals: Goals) -> None:
    client = session_client(world.alice)
    assert invalid_names(client.post(URL, _new(world, goals, kpi=goals.org_kpi.pk), format="json")) == {"kpi"}
    assert invalid_names(client.post(URL, _new(world, goals, weight="0"), format="json")) == {"weight"}
    response = client.post(URL, _new(world, goals, initiative=world.other_initiative.code), format="json")
    assert invalid_names(response) == {"initiative"}
    client.post(URL, _new(world, goals), format="json")
    assert invalid_names(client.post(URL, _new(world, goals), format="json")) == {"kpi"}


def test_who_may_change_the_initiative_may_add_contributions(world: World, goals: Goals) -> None:
    assert_problem(session_client(world.bob).post(URL, _new(world, goals), format="json"), 403)
    world.initiative.manager = world.bob
    world.initiative.save()
    assert session_client(world.bob).post(URL, _new(world, goals), format="json").status_code == 201


def test_a_change_keeps_the_initiative(world: World, goals: Goals) -> None:
    contribution = ContributionFactory(initiative=world.initiative, goal=goals.objective)
    url, client = f"{URL}/{contribution.pk}", session_client(world.alice)
    response = client.patch(url, {"weight": "0.5", "initiative": world.other_initiative.code}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["weight"], response.json()["initiative"]) == ("0.50", world.initiative.code)
    contribution.refresh_from_db()
    assert contribution.weight == Decimal("0.5")
    assert_problem(session_client(world.bob).patch(url, {"weight": "9"}, format="json"), 403)


def test_the_last_contribution_of_a_running_initiative_cannot_be_deleted(world: World, goals: Goals) -> None:
    contribution = ContributionFactory(initiative=world.initiative, goal=goals.objective)
    world.initiative.phase = Phase.EXECUTION
    world.initiative.save()
    client = session_client(world.alice)
    body = assert_problem(client.delete(f"{URL}/{contribution.pk}"), 400)
    assert "only contribution" in body["invalidParams"][0]["reason"]
    world.initiative.phase = Phase.IDEA
    world.initiative.save()
    assert client.delete(f"{URL}/{contribution.pk}").status_code == 204
