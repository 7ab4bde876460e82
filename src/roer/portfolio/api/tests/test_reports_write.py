"""Recording status reports over the API: who may, and what is refused as invalid."""

from __future__ import annotations

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.conftest import World
from roer.portfolio.api.tests.records import REPORT
from roer.portfolio.models import StatusReport

URL = BASE + "/status-reports"


def test_alice_records_a_status_report(world: World) -> None:
    response = session_client(world.alice).post(URL, {**REPORT, "initiative": "MINBZ-0001"}, format="json")
    assert response.status_code == 201, response.content
    report = StatusReport.objects.get()
    assert report.reported_by == world.alice and report.initiative == world.initiative
    body = response.json()
    assert body["id"] == report.pk and body["periodEnd"] == "2025-06-30" and body["scope"] == "amber"
    assert response["Location"].endswith(f"/status-reports/{report.pk}")


def test_a_sponsor_records_a_report_for_their_initiative(world: World) -> None:
    world.other_initiative.sponsor = world.charlie
    world.other_initiative.save()
    response = session_client(world.charlie).post(URL, {**REPORT, "initiative": "MINBZ-0002"}, format="json")
    assert response.status_code == 201, response.content


def test_a_viewer_may_not_record_a_report(world: World) -> None:
    assert_problem(session_client(world.bob).post(URL, {**REPORT, "initiative": "MINBZ-0001"}, format="json"), 403)
    assert not StatusReport.objects.exists()


def test_an_initiative_outside_the_scope_is_an_invalid_value(world: World) -> None:
    world.other_initiative.org_unit = world.other_org
    world.other_initiative.save()
    response = session_client(world.alice).post(URL, {**REPORT, "initiative": "MINBZ-0002"}, format="json")
    assert invalid_names(response) == {"initiative"}


def test_invalid_values_are_400_with_invalid_params(world: World) -> None:
    body = {**REPORT, "initiative": "MINBZ-0001", "cost": "purple", "periodEnd": "soon"}
    del body["narrative"]
    response = session_client(world.alice).post(URL, body, format="json")
    assert invalid_names(response) == {"cost", "narrative", "periodEnd"}


def test_one_report_per_period(world: World) -> None:
    client = session_client(world.alice)
    assert client.post(URL, {**REPORT, "initiative": "MINBZ-0001"}, format="json").status_code == 201
    assert_problem(client.post(URL, {**REPORT, "initiative": "MINBZ-0001"}, format="json"), 400)
    assert StatusReport.objects.count() == 1
