"""Role assignments: everyone in scope reads them; functional administrators manage them."""

from __future__ import annotations

import datetime

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.models import RoleAssignment
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory

URL = BASE + "/role-assignments"


def _new(world: World, **changes: object) -> dict[str, object]:
    return {"person": world.bob.pk, "role": "portfolio_manager", "orgUnit": world.directorate.pk,
            "validFrom": "2025-01-01", "validUntil": None, **changes}  # fmt: skip


def test_alice_reads_the_roles_in_her_scope(world: World) -> None:
    response = session_client(world.alice).get(URL)
    results = response.json()["results"]
    assert {(item["person"], item["role"]) for item in results} == {(world.alice.pk, "cio"), (world.bob.pk, "viewer")}
    assert set(results[0]) == {"id", "person", "role", "orgUnit", "validFrom", "validUntil"}
    assert results[0]["validFrom"] == "2020-01-01"


def test_role_filters(world: World) -> None:
    client = session_client(world.frank)
    assert len(client.get(URL, {"role": "cio"}).json()["results"]) == 1
    assert len(client.get(URL, {"person": world.bob.pk}).json()["results"]) == 1
    assert len(client.get(URL, {"orgUnit": world.ministry.pk}).json()["results"]) == 2
    assert len(client.get(URL, {"activeOn": "2019-12-31"}).json()["results"]) == 0
    assert invalid_names(client.get(URL, {"activeOn": "gisteren"})) == {"activeOn"}


def test_a_functional_administrator_assigns_changes_and_ends_a_role(world: World) -> None:
    client = session_client(world.frank)
    response = client.post(URL, _new(world), format="json")
    assert response.status_code == 201, response.content
    created = RoleAssignment.objects.get(pk=response.json()["id"])
    response = client.patch(f"{URL}/{created.pk}", {"validUntil": "2025-12-31"}, format="json")
    assert response.status_code == 200 and response.json()["validUntil"] == "2025-12-31"
    assert client.delete(f"{URL}/{created.pk}").status_code == 204
    events = AuditEvent.objects.for_object(created).order_by("pk")
    assert [(e.action, e.source, e.actor) for e in events] == [
        ("create", "api", world.frank), ("update", "api", world.frank), ("delete", "api", world.frank)
    ]  # fmt: skip
    assert events[1].before["valid_until"] is None and events[1].after["valid_until"] == "2025-12-31"


def test_others_may_not_manage_roles(world: World) -> None:
    assignment = world.bob.role_assignments.get()
    for person in (world.alice, world.bob, world.audrey):
        client = session_client(person)
        assert_problem(client.post(URL, _new(world), format="json"), 403)
        assert_problem(client.patch(f"{URL}/{assignment.pk}", {"role": "cio"}, format="json"), 403)
        assert_problem(client.delete(f"{URL}/{assignment.pk}"), 403)
    assignment.refresh_from_db()
    assert assignment.role == Role.VIEWER


def test_an_administrator_of_a_unit_may_not_assign_roles_above_it(world: World) -> None:
    dora = PersonFactory(username="dora")
    RoleAssignmentFactory(person=dora, role=Role.FUNCTIONAL_ADMIN, org_unit=world.directorate)
    RoleAssignmentFactory(person=dora, role=Role.VIEWER, org_unit=world.department)
    client = session_client(dora)
    assert_problem(client.post(URL, _new(world, orgUnit=world.department.pk), format="json"), 403)
    assert client.post(URL, _new(world), format="json").status_code == 201
    assignment = world.bob.role_assignments.get(org_unit=world.department)
    assert_problem(client.patch(f"{URL}/{assignment.pk}", {"role": "cio"}, format="json"), 403)


def test_units_and_people_outside_the_scope_do_not_exist(world: World) -> None:
    response = session_client(world.frank).post(
        URL, _new(world, orgUnit=world.other_org.pk, person=world.charlie.pk), format="json"
    )
    assert invalid_names(response) == {"orgUnit", "person"}


def test_the_end_cannot_be_before_the_start(world: World) -> None:
    response = session_client(world.frank).post(URL, _new(world, validUntil="2024-12-31"), format="json")
    assert invalid_names(response) == {"validUntil"}
    response = session_client(world.frank).post(URL, _new(world, validFrom="1 januari", role="king"), format="json")
    assert invalid_names(response) == {"validFrom", "role"}


def test_only_the_last_day_changes(world: World) -> None:
    assignment = world.bob.role_assignments.get()
    data = {"role": "cio", "orgUnit": world.ministry.pk, "validUntil": "2030-06-30"}
    response = session_client(world.frank).put(f"{URL}/{assignment.pk}", data, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["role"], response.json()["validUntil"]) == ("viewer", "2030-06-30")
    assert invalid_names(session_client(world.frank).put(f"{URL}/{assignment.pk}", {}, format="json")) == {"validUntil"}
    assert session_client(world.frank).patch(f"{URL}/{assignment.pk}", {}, format="json").status_code == 200


def test_an_ended_assignment_stays_ended(world: World) -> None:
    assignment = world.bob.role_assignments.get()
    assignment.valid_until = datetime.date(2021, 12, 31)
    assignment.save()
    response = session_client(world.frank).patch(f"{URL}/{assignment.pk}", {"validUntil": "2030-01-01"}, format="json")
    assert invalid_names(response) == {"validUntil"}


def test_the_same_role_twice_in_one_period_is_refused(world: World) -> None:
    client = session_client(world.frank)
    assert client.post(URL, _new(world), format="json").status_code == 201
    assert invalid_names(client.post(URL, _new(world, validFrom="2026-01-01"), format="json")) == {"role"}
