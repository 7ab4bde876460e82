"""Scenarios over the API, through the same services as the pages: alice (may change), bob (may look),
charlie (outsider)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.roles import Role
from roer.organisation.tests.factories import RoleAssignmentFactory
from roer.planning.models import GroupKind, Scenario, Team
from roer.planning.services.build import candidates_of
from roer.planning.services.links import add_dependency, add_group
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db

SCENARIOS = BASE + "/planning/scenarios"


@pytest.fixture
def base(world: World) -> Scenario:
    portfolio(world)
    return scenario(world)


def _new(world: World, **changes: Any) -> dict[str, Any]:
    return {
        "name": "Meerjarenplan",
        "orgUnit": world.department.pk,
        "startYear": 2027,
        "startQuarter": 3,
        "quarters": 6,
        "discountRate": "4",
        "budget": "1000000",
        "capacity": "8",
        **changes,
    }


def test_the_list_holds_only_what_the_caller_may_see(world: World, base: Scenario) -> None:
    for person in (world.alice, world.bob):
        listed = session_client(person).get(SCENARIOS)
        assert listed.status_code == 200
        assert [item["id"] for item in listed.json()["results"]] == [base.pk]
    assert token_client(world.charlie).get(SCENARIOS).json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }
    assert_problem(session_client(world.charlie).get(f"{SCENARIOS}/{base.pk}"), 404)
    shown = session_client(world.bob).get(f"{SCENARIOS}/{base.pk}")
    assert shown["ETag"] == '"1"'
    body = shown.json()
    assert body["budgets"] == ["600000.00", "600000.00"]
    assert body["startYear"] == 2027 and body["discountRate"] == "0.00"
    assert [(team["code"], team["capacity"]) for team in body["teams"]] == [("dir-ds", ["10.00"] * 8)]


def test_alice_creates_a_scenario_through_the_service(world: World) -> None:
    alice = session_client(world.alice)
    created = alice.post(SCENARIOS, _new(world), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert created["Location"].endswith(f"{SCENARIOS}/{body['id']}")
    assert created["ETag"] == '"1"'
    assert body["budgets"] == ["1000000.00", "1000000.00"], "one amount per year of six quarters"
    assert body["teams"][0]["capacity"] == ["8.00"] * 6
    scenario = Scenario.objects.get(pk=body["id"])
    assert scenario.created_by == world.alice and scenario.start_quarter == 3
    event = AuditEvent.objects.for_object(scenario).get()
    assert event.action == "create" and event.source == "api" and event.actor == world.alice
    assert AuditEvent.objects.for_object(Team.objects.get(scenario=scenario)).filter(action="create").exists()


def test_bad_input_names_the_field_and_saves_nothing(world: World) -> None:
    alice = session_client(world.alice)
    assert invalid_names(alice.post(SCENARIOS, _new(world, quarters=0), format="json")) == {"quarters"}
    assert invalid_names(alice.post(SCENARIOS, _new(world, budget="-1"), format="json")) == {"budget"}
    assert invalid_names(alice.post(SCENARIOS, _new(world, startYear=1999, name=""), format="json")) == {
        "startYear",
        "name",
    }
    outside = alice.post(SCENARIOS, _new(world, orgUnit=world.other_org.pk), format="json")
    assert invalid_names(outside) == {"orgUnit"}, "a unit outside her scope does not exist for her"
    assert not Scenario.objects.exists()


def test_those_who_may_not_change_are_refused(world: World, base: Scenario) -> None:
    bob = session_client(world.bob)
    assert_problem(bob.post(SCENARIOS, _new(world), format="json"), 403)
    url = f"{SCENARIOS}/{base.pk}"
    # Refused before the version is asked for: a viewer learns that he may not change at all.
    assert_problem(bob.patch(url, {"name": "Van Bob"}, format="json"), 403)
    assert_problem(bob.patch(url, {"name": "Van Bob"}, format="json", HTTP_IF_MATCH='"1"'), 403)
    assert_problem(bob.post(f"{url}/variants", {"name": "Krap"}, format="json"), 403)
    # A viewer of the whole ministry sees the other department, but changes only in her own.
    RoleAssignmentFactory(person=world.alice, role=Role.VIEWER, org_unit=world.ministry)
    refused = session_client(world.alice).post(SCENARIOS, _new(world, orgUnit=world.other_department.pk), format="json")
    assert_problem(refused, 403)
    assert Scenario.objects.get(pk=base.pk).name == "Plan 2027"
    assert Scenario.objects.count() == 1


def test_a_change_needs_the_current_version(world: World, base: Scenario) -> None:
    alice = session_client(world.alice)
    url = f"{SCENARIOS}/{base.pk}"
    team = base.teams.get()
    change = {"budgets": ["500000", "700000.5"], "teams": [{"id": team.pk, "capacity": ["6"] * 8}]}
    assert_problem(alice.patch(url, change, format="json"), 428)
    changed = alice.patch(url, change, format="json", HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == '"2"'
    assert changed.json()["budgets"] == ["500000.00", "700000.50"]
    assert changed.json()["teams"][0]["capacity"] == ["6.00"] * 8
    stale = assert_problem(alice.patch(url, {"name": "Oud"}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert stale["current"]["budgets"] == ["500000.00", "700000.50"] and stale["current"]["version"] == 2
    base.refresh_from_db()
    assert base.name == "Plan 2027" and base.version == 2
    event = AuditEvent.objects.for_object(base).filter(action="update").get()
    assert event.source == "api" and "budgets" in event.changed_fields
    team_event = AuditEvent.objects.for_object(team).filter(action="update").get()
    assert team_event.after["capacity"] == ["6"] * 8


def test_a_whole_replacement_and_its_errors(world: World, base: Scenario) -> None:
    alice = session_client(world.alice)
    url = f"{SCENARIOS}/{base.pk}"
    whole = {
        "name": "Plan 2028",
        "orgUnit": world.department.pk,
        "startYear": 2028,
        "startQuarter": 1,
        "quarters": 4,
        "discountRate": "2.5",
    }
    wrong_years = alice.put(url, {**whole, "budgets": ["1", "2"]}, format="json", HTTP_IF_MATCH='"1"')
    assert invalid_names(wrong_years) == {"budgets"}
    unknown_team = alice.put(
        url, {**whole, "teams": [{"id": 0, "capacity": ["1"] * 4}]}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert invalid_names(unknown_team) == {"teams[0].id"}
    assert invalid_names(alice.put(url, {"name": "Plan"}, format="json", HTTP_IF_MATCH='"1"')) >= {"startYear"}
    assert Scenario.objects.get(pk=base.pk).version == 1, "nothing saved"
    replaced = alice.put(url, {**whole, "budgets": ["900000"]}, format="json", HTTP_IF_MATCH='"1"')
    assert replaced.status_code == 200, replaced.content
    body = replaced.json()
    assert body["budgets"] == ["900000.00"] and body["teams"][0]["capacity"] == ["10.00"] * 4
    assert body["discountRate"] == "2.50" and body["startYear"] == 2028


def test_a_what_if_variant(world: World, base: Scenario) -> None:
    alice = session_client(world.alice)
    url = f"{SCENARIOS}/{base.pk}/variants"
    variant = {"name": "Krap", "budgetPercent": "90", "forceIn": ["MINBZ-0001"], "forceOut": ["MINBZ-0006"]}
    assert invalid_names(alice.post(url, {**variant, "forceIn": ["MINBZ-0002"]}, format="json")) == {"forceIn"}
    both = {**variant, "forceOut": ["MINBZ-0001"]}
    assert invalid_names(alice.post(url, both, format="json")) == {"forceOut"}
    assert invalid_names(alice.post(url, {**variant, "removeTeam": 0}, format="json")) == {"removeTeam"}
    assert Scenario.objects.count() == 1
    created = alice.post(url, {**variant, "removeTeam": base.teams.get().pk}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert created["Location"].endswith(f"{SCENARIOS}/{body['id']}")
    assert body["parent"] == base.pk and body["budgets"] == ["540000.00", "540000.00"]
    assert body["forcedIn"] == ["MINBZ-0001"] and body["forcedOut"] == ["MINBZ-0006"]
    assert body["teams"] == [] and "budget × 0.9" in body["whatIf"]
    assert AuditEvent.objects.for_object(Scenario.objects.get(pk=body["id"])).filter(action="create").exists()


def test_the_optimiser_input_equals_the_pages_download(client: Any, world: World, base: Scenario) -> None:
    client.force_login(world.bob)
    page = json.loads(client.get(f"/planning/scenarios/{base.pk}/scenario.json").content)
    api = session_client(world.bob).get(f"{SCENARIOS}/{base.pk}/optimiser-input")
    assert api.status_code == 200
    assert "ETag" not in api
    assert api.json() == page
    assert {candidate["id"] for candidate in page["candidates"]} >= {"MINBZ-0001", "MINBZ-0003"}
    assert_problem(token_client(world.charlie).get(f"{SCENARIOS}/{base.pk}/optimiser-input"), 404)


def test_the_scenario_shows_its_links(world: World, base: Scenario) -> None:
    codes = {i.code: i for i in candidates_of(base)}
    add_dependency(world.alice, base, codes["MINBZ-0003"], codes["MINBZ-0001"])
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [codes["MINBZ-0001"], codes["MINBZ-0006"]], "Alternatieven")
    body = session_client(world.bob).get(f"{SCENARIOS}/{base.pk}").json()
    assert [(d["before"], d["after"]) for d in body["dependencies"]] == [("MINBZ-0003", "MINBZ-0001")]
    assert [(g["kind"], g["name"], g["members"]) for g in body["groups"]] == [
        ("exclusive", "Alternatieven", ["MINBZ-0001", "MINBZ-0006"])
    ]
