"""The measurements resource: filters by KPI and date range, recording one, correcting and deleting."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.models import Measurement
from roer.strategy.tests.factories import MeasurementFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")

URL = BASE + "/measurements"


def _days(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["measuredOn"] for item in response.json()["results"]]


def _series(goals: Goals) -> None:
    for month, value in ((3, "50"), (6, "52.5"), (9, "55")):
        MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, month, 28), value=Decimal(value))
    MeasurementFactory(kpi=goals.org_kpi, measured_on=datetime.date(2025, 6, 30))
    MeasurementFactory(kpi=goals.other_kpi, measured_on=datetime.date(2025, 6, 30))


def test_lists_filter_by_kpi_and_date_range(world: World, goals: Goals) -> None:
    _series(goals)
    client = session_client(world.bob)
    assert len(_days(client.get(URL))) == 4  # not the other department's
    response = client.get(URL, {"kpi": str(goals.kpi.pk), "measuredFrom": "2025-06-01", "measuredUntil": "2025-09-28"})
    assert _days(response) == ["2025-06-28", "2025-09-28"]
    assert response.json()["results"][0] == {
        "id": response.json()["results"][0]["id"],
        "kpi": goals.kpi.pk,
        "measuredOn": "2025-06-28",
        "value": "52.5000",
        "source": "",
        "note": "",
    }
    assert _days(client.get(URL, {"kpi": str(goals.kpi.pk), "ordering": "-measuredOn"}))[0] == "2025-09-28"
    assert invalid_names(client.get(URL, {"measuredFrom": "2025-13-01"})) == {"measuredFrom"}
    assert _days(session_client(world.charlie).get(URL)) == []


def test_alice_records_one_and_it_is_audited(world: World, goals: Goals) -> None:
    data = {"kpi": goals.kpi.pk, "measuredOn": "2025-03-31", "value": "52.5", "source": "CBS"}
    response = token_client(world.alice).post(URL, data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["value"] == "52.5000"
    event = AuditEvent.objects.for_object(Measurement.objects.get()).get()
    assert (event.source, event.actor) == ("api", world.alice)


def test_recording_needs_the_right_for_that_kpi(world: World, goals: Goals) -> None:
    data = {"kpi": goals.org_kpi.pk, "measuredOn": "2025-03-31", "value": "1"}
    body = assert_problem(session_client(world.alice).post(URL, data, format="json"), 403)
    assert body["detail"] == "You may not record measurements for the KPI Digitaal afgehandelde aanvragen."
    assert_problem(session_client(world.bob).post(URL, {**data, "kpi": goals.kpi.pk}, format="json"), 403)
    assert invalid_names(session_client(world.alice).post(URL, {**data, "kpi": goals.other_kpi.pk}, format="json")) == {
        "kpi"
    }


def test_duplicates_and_future_dates_are_400_at_the_date(world: World, goals: Goals) -> None:
    MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 3, 31))
    client = session_client(world.alice)
    data = {"kpi": goals.kpi.pk, "measuredOn": "2025-03-31", "value": "1"}
    assert invalid_names(client.post(URL, data, format="json")) == {"measuredOn"}
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert invalid_names(client.post(URL, {**data, "measuredOn": tomorrow}, format="json")) == {"measuredOn"}


def test_correcting_keeps_the_kpi_and_deleting(world: World, goals: Goals) -> None:
    measurement = MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 3, 31))
    url, client = f"{URL}/{measurement.pk}", session_client(world.alice)
    response = client.patch(url, {"value": "60", "kpi": goals.org_kpi.pk}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["value"], response.json()["kpi"]) == ("60.0000", goals.kpi.pk)
    assert_problem(session_client(world.bob).delete(url), 403)
    assert_problem(session_client(world.charlie).delete(url), 404)
    assert client.delete(url).status_code == 204
    assert not Measurement.objects.exists()
