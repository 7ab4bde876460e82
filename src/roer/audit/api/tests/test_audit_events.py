"""The audit trail over the API: auditors only, within the units they audit."""

from __future__ import annotations

from typing import Any

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.audit.models import AuditEvent
from roer.conftest import World

URL = BASE + "/audit-events"
FIELDS = {
    "id", "occurredAt", "actor", "actorLabel", "source", "action", "objectType", "objectId",
    "objectRepr", "before", "after", "changedFields",
}  # fmt: skip


def _results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return response.json()["results"]  # type: ignore[no-any-return]


def _change_by_api(world: World) -> None:
    response = session_client(world.alice).patch(
        f"{BASE}/initiatives/{world.initiative.code}", {"problemStatement": "Nieuw"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 200


def test_an_auditor_reads_the_events_with_camel_case_fields(world: World) -> None:
    _change_by_api(world)
    results = _results(
        session_client(world.audrey).get(URL, {"objectType": "portfolio.initiative", "action": "update"})
    )
    assert len(results) == 1
    event = results[0]
    assert set(event) == FIELDS
    assert (event["actor"], event["actorLabel"], event["source"]) == (world.alice.pk, "alice", "api")
    assert (event["objectType"], event["objectId"]) == ("portfolio.initiative", str(world.initiative.pk))
    assert event["changedFields"] == ["problemStatement", "updatedAt", "version"]
    assert event["before"]["problemStatement"] != event["after"]["problemStatement"] == "Nieuw"
    assert event["after"]["orgUnit"] == world.directorate.pk


def test_audit_filters(world: World) -> None:
    _change_by_api(world)
    client = session_client(world.audrey)
    assert {e["source"] for e in _results(client.get(URL, {"source": "api"}))} == {"api"}
    assert {e["actorLabel"] for e in _results(client.get(URL, {"actor": world.alice.pk}))} == {"alice"}
    by_object = _results(client.get(URL, {"objectType": "portfolio.initiative", "objectId": str(world.initiative.pk)}))
    assert [e["action"] for e in by_object] == ["update", "create"]
    latest: Any = AuditEvent.objects.latest("occurred_at", "pk").occurred_at.isoformat()
    assert _results(client.get(URL, {"occurredAfter": latest, "source": "api"}))
    assert not _results(client.get(URL, {"occurredBefore": "2000-01-01T00:00:00+01:00"}))
    assert invalid_names(client.get(URL, {"occurredAfter": "gisteren", "action": "x"})) == {"occurredAfter", "action"}


def test_an_auditor_sees_only_the_units_they_audit(world: World) -> None:
    client = session_client(world.audrey)
    about = {e["objectRepr"] for e in _results(client.get(URL, {"pageSize": 200}))}
    assert "Gemeente Anders" not in about and "Ministerie van Binnenzaken" in about
    foreign = AuditEvent.objects.for_object(world.other_org).first()
    assert foreign is not None
    assert_problem(client.get(f"{URL}/{foreign.pk}"), 404)
    mine = AuditEvent.objects.for_object(world.initiative).get()
    assert client.get(f"{URL}/{mine.pk}").json()["id"] == mine.pk


def test_non_auditors_are_refused(world: World) -> None:
    event = AuditEvent.objects.for_object(world.initiative).get()
    for person in (world.alice, world.bob, world.frank):
        client = session_client(person)
        assert_problem(client.get(URL), 403)
        assert_problem(client.get(f"{URL}/{event.pk}"), 403)


def test_the_audit_trail_is_read_only(world: World) -> None:
    event = AuditEvent.objects.for_object(world.initiative).get()
    client = session_client(world.audrey)
    assert_problem(client.delete(f"{URL}/{event.pk}"), 405)
    assert_problem(client.post(URL, {}, format="json"), 405)
