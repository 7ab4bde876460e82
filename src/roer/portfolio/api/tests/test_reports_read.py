"""Status reports with their three ratings, CIO opinions and early warnings over the API."""

from __future__ import annotations

from typing import Any

from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.conftest import World
from roer.portfolio.api.tests.records import record


def _results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return response.json()["results"]  # type: ignore[no-any-return]


def test_a_status_report_carries_the_own_independent_and_cio_ratings(world: World) -> None:
    report = record("status-reports", world.initiative, world.alice)
    body = session_client(world.bob).get(f"{BASE}/status-reports/{report.pk}").json()
    assert body["periodEnd"] == "2025-03-31"
    assert (body["overall"], body["independentOverall"], body["cioRating"]) == ("amber", "red", 2)
    assert body["independentBy"] == body["cioRatedBy"] == body["reportedBy"] == world.alice.pk


def test_status_reports_come_newest_first_and_filter_by_overall_rating(world: World) -> None:
    older = record("status-reports", world.initiative, world.alice)
    newer = record("status-reports", world.initiative, world.alice)
    client = session_client(world.alice)
    assert [r["id"] for r in _results(client.get(f"{BASE}/status-reports"))] == [newer.pk, older.pk]
    ordered = client.get(f"{BASE}/status-reports", {"ordering": "periodEnd"})
    assert [r["id"] for r in _results(ordered)] == [older.pk, newer.pk]
    assert _results(client.get(f"{BASE}/status-reports", {"overall": "green"})) == []
    assert_problem(client.get(f"{BASE}/status-reports", {"overall": "purple"}), 400)


def test_cio_opinions_filter_by_opinion(world: World) -> None:
    opinion = record("cio-opinions", world.initiative, world.alice)
    client = session_client(world.alice)
    assert [o["id"] for o in _results(client.get(f"{BASE}/cio-opinions", {"opinion": "positive"}))] == [opinion.pk]
    assert _results(client.get(f"{BASE}/cio-opinions", {"opinion": "negative"})) == []


def test_an_early_warning_says_what_it_found_and_filters_by_rule_and_severity(world: World) -> None:
    warning = record("early-warnings", world.initiative, world.alice)
    client = session_client(world.alice)
    body = client.get(f"{BASE}/early-warnings/{warning.pk}").json()
    assert body["rule"] == "team_size" and body["severity"] == "amber" and body["firstSeen"] == "2025-03-31"
    assert isinstance(body["message"], str) and body["message"]
    assert [w["id"] for w in _results(client.get(f"{BASE}/early-warnings", {"rule": "team_size"}))] == [warning.pk]
    assert _results(client.get(f"{BASE}/early-warnings", {"severity": "red"})) == []
