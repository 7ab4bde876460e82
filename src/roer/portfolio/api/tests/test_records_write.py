"""Writing baselines, cost lines, delivery records, CIO opinions and the ratings of a status report
over the API: through the services (same rules as the pages), refused for who may not, audited,
and guarded by If-Match where a record can change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory
from roer.portfolio.api.tests.records import WRITES, record
from roer.portfolio.models import Baseline, CioOpinion, CostLine, Milestone, StatusReport

DELIVERY = ("milestones", "quality-reviews", "societal-benefits", "development-parties", "parliamentary-documents")


def _post(client: Any, name: str, code: str = "MINBZ-0001", **extra: Any) -> Any:
    return client.post(f"{BASE}/{name}", {**WRITES[name], "initiative": code, **extra}, format="json")


def _audited_by_api(obj: Any, person: Any) -> None:
    event = AuditEvent.objects.for_object(obj).get(action="create")
    assert event.source == "api" and event.actor == person


# --- baselines -------------------------------------------------------------------------


def test_alice_records_the_initial_baseline_and_a_re_baseline(world: World) -> None:
    client = session_client(world.alice)
    response = _post(client, "baselines")
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "initial" and response.json()["costs"][0]["amount"] == "1000.00"
    _audited_by_api(Baseline.objects.get(), world.alice)
    refused = _post(client, "baselines", costs=[{"category": "software", "amount": "1500.00"}], endDate="2027-06-30")
    assert invalid_names(refused) == {"reason", "decisionReference", "costChangeExplanation", "endChangeExplanation"}
    again = _post(
        client,
        "baselines",
        costs=[{"category": "software", "amount": "1500.00"}],
        endDate="2027-06-30",
        reason="Scope verruimd",
        decisionReference="BR-2025-12",
        costChangeExplanation="Extra koppelingen",
        endChangeExplanation="Later aanbesteed",
    )
    assert again.status_code == 201, again.content
    stored = Baseline.objects.get(number=1)
    assert stored.kind == "rebaseline" and stored.costs.get().amount == Decimal("1500.00")
    assert response.json()["id"] != again.json()["id"]


def test_baselines_are_refused_for_a_viewer_and_outside_the_scope(world: World) -> None:
    assert_problem(_post(session_client(world.bob), "baselines"), 403)
    assert invalid_names(_post(session_client(world.alice), "baselines", code="MINBZ-0002")) == {"initiative"}
    assert invalid_names(_post(session_client(world.alice), "baselines", endDate="2024-01-01")) == {"endDate"}
    assert not Baseline.objects.exists()


# --- cost lines --------------------------------------------------------------------------


def test_cost_lines_add_and_change_with_if_match(world: World) -> None:
    client = token_client(world.alice)
    created = _post(client, "cost-lines")
    assert created.status_code == 201, created.content
    line = CostLine.objects.get()
    assert line.amount == Decimal("10.00") and created["ETag"]
    _audited_by_api(line, world.alice)
    assert invalid_names(_post(client, "cost-lines")) == {"category"}  # the same cell again
    url = f"{BASE}/cost-lines/{line.pk}"
    etag = client.get(url)["ETag"]
    assert etag == created["ETag"]
    assert_problem(client.patch(url, {"amount": "12.50"}, format="json"), 428)
    changed = client.patch(url, {"amount": "12.50"}, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.content
    assert CostLine.objects.get().amount == Decimal("12.50") and changed["ETag"] != etag
    stale = client.patch(url, {"amount": "99.00"}, format="json", HTTP_IF_MATCH=etag)
    assert assert_problem(stale, 412)["current"]["amount"] == "12.50"
    invalid = client.patch(url, {"amount": "-1"}, format="json", HTTP_IF_MATCH=changed["ETag"])
    assert invalid_names(invalid) == {"amount"}
    moved = client.put(
        url, {**WRITES["cost-lines"], "year": 2027, "amount": "5.00"}, format="json", HTTP_IF_MATCH=changed["ETag"]
    )
    assert moved.status_code == 200, moved.content
    assert list(CostLine.objects.values_list("year", "amount")) == [(2027, Decimal("5.00"))]


def test_cost_lines_need_the_right_to_change_and_to_see_details(world: World) -> None:
    assert_problem(_post(session_client(world.bob), "cost-lines"), 403)
    line = record("cost-lines", world.initiative, world.alice)
    response = session_client(world.bob).patch(
        f"{BASE}/cost-lines/{line.pk}", {"amount": "1.00"}, format="json", HTTP_IF_MATCH='"0"'
    )
    assert response.status_code in (403, 404)
    assert CostLine.objects.get().amount == Decimal("99.95")


# --- delivery records --------------------------------------------------------------------


@pytest.mark.parametrize("name", DELIVERY)
def test_delivery_records_are_added_and_changed(world: World, name: str) -> None:
    client = session_client(world.alice)
    created = _post(client, name)
    assert created.status_code == 201, created.content
    url = created["Location"]
    assert created["ETag"] and url.endswith(f"/{name}/{created.json()['id']}")
    body = created.json()
    field = {"milestones": "description", "quality-reviews": "party", "societal-benefits": "explanation"}.get(
        name, "title" if name == "parliamentary-documents" else "role"
    )
    changed = client.patch(url, {field: "Gewijzigd"}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"])
    assert changed.status_code == 200, changed.content
    assert changed.json()[field] == "Gewijzigd" and changed.json()["id"] == body["id"]
    assert_problem(client.patch(url, {field: "Weer"}, format="json", HTTP_IF_MATCH=created["ETag"]), 412)
    assert_problem(client.put(url, {**WRITES[name], field: "Weer"}, format="json"), 428)
    replaced = client.put(url, {**WRITES[name], field: "Weer"}, format="json", HTTP_IF_MATCH=changed["ETag"])
    assert replaced.status_code == 200, replaced.content
    events = AuditEvent.objects.filter(source="api", object_id=str(body["id"]))
    assert {event.action for event in events} >= {"create", "update"}


@pytest.mark.parametrize("name", DELIVERY)
def test_delivery_records_are_refused_for_a_viewer(world: World, name: str) -> None:
    bob = session_client(world.bob)
    assert_problem(_post(bob, name), 403)
    entry = record(name, world.initiative, world.alice)
    url = f"{BASE}/{name}/{entry.pk}"
    etag = bob.get(url)["ETag"]
    assert_problem(bob.patch(url, {}, format="json", HTTP_IF_MATCH=etag), 403)


def test_delivery_rules_are_the_pages_rules(world: World) -> None:
    response = _post(session_client(world.alice), "milestones", achieved=True)
    assert invalid_names(response) == {"realisedDate"}
    assert not Milestone.objects.exists()


def test_a_sponsor_adds_a_milestone_to_their_initiative(world: World) -> None:
    world.other_initiative.sponsor = world.charlie
    world.other_initiative.save()
    assert _post(session_client(world.charlie), "milestones", code="MINBZ-0002").status_code == 201
    assert invalid_names(_post(session_client(world.charlie), "milestones")) == {"initiative"}


# --- CIO opinions --------------------------------------------------------------------------


def test_the_cio_gives_an_opinion_a_viewer_does_not(world: World) -> None:
    response = _post(session_client(world.alice), "cio-opinions")
    assert response.status_code == 201, response.content
    _audited_by_api(CioOpinion.objects.get(), world.alice)
    assert_problem(_post(session_client(world.bob), "cio-opinions"), 403)
    assert invalid_names(_post(session_client(world.alice), "cio-opinions", opinion="maybe")) == {"opinion"}


# --- ratings of a status report ------------------------------------------------------------


def _office(world: World) -> Any:
    person = PersonFactory(username="pim", home_unit=world.department)
    RoleAssignmentFactory(person=person, role=Role.PORTFOLIO_MANAGER, org_unit=world.department)
    return person


def test_independent_and_cio_ratings(world: World) -> None:
    report = StatusReport.objects.create(
        initiative=world.initiative,
        period_end="2025-06-30",
        cost="green",
        schedule="green",
        scope="green",
        risk="green",
        overall="green",
        narrative="Op koers",
        reported_by=world.alice,
    )
    url = f"{BASE}/status-reports/{report.pk}"
    office, alice = session_client(_office(world)), session_client(world.alice)
    etag = office.get(url)["ETag"]
    assert_problem(office.patch(url, {"independentOverall": "red"}, format="json"), 428)
    rated = office.patch(url, {"independentOverall": "red", "independentComment": "Te rooskleurig"}, **_json(etag))
    assert rated.status_code == 200, rated.content
    assert rated.json()["independentOverall"] == "red" and rated["ETag"] != etag
    assert_problem(alice.patch(url, {"independentOverall": "amber"}, **_json(rated["ETag"])), 403)  # a CIO
    assert_problem(office.patch(url, {"cioRating": 2}, **_json(rated["ETag"])), 403)  # not a CIO
    assert_problem(alice.patch(url, {"cioRating": 2}, **_json(etag)), 412)  # based on the unrated report
    cio = alice.patch(url, {"cioRating": 2, "cioComment": "Risico op vertraging"}, **_json(rated["ETag"]))
    assert cio.status_code == 200, cio.content
    report.refresh_from_db()
    assert (report.independent_overall, report.cio_rating, report.cio_rated_by) == ("red", 2, world.alice)
    assert AuditEvent.objects.for_object(report).filter(source="api", action="update").count() == 2
    assert invalid_names(alice.patch(url, {"cioRating": 7}, **_json(cio["ETag"]))) == {"cioRating"}
    assert invalid_names(alice.patch(url, {}, **_json(cio["ETag"]))) == {"nonFieldErrors"}
    assert_problem(session_client(world.bob).patch(url, {"cioRating": 5}, **_json(cio["ETag"])), 403)


def test_the_author_gives_no_independent_rating(world: World) -> None:
    office = _office(world)
    report = record("status-reports", world.initiative, office)
    url = f"{BASE}/status-reports/{report.pk}"
    client = session_client(office)
    response = client.patch(url, {"independentOverall": "green"}, **_json(client.get(url)["ETag"]))
    assert_problem(response, 400)


def _json(etag: str) -> dict[str, Any]:
    return {"format": "json", "HTTP_IF_MATCH": etag}
