"""Org units and people: read-only, scoped, camelCase, and no secrets."""

from __future__ import annotations

from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.conftest import World


def _codes(response: object, key: str = "code") -> list[str]:
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    return [item[key] for item in response.json()["results"]]  # type: ignore[attr-defined]


def test_alice_sees_her_unit_and_the_units_below(world: World) -> None:
    response = session_client(world.alice).get(BASE + "/org-units")
    assert _codes(response) == ["dgdo", "dir-ds"]
    assert set(response.json()["results"][0]) == {"id", "code", "name", "kind", "parent", "description"}


def test_org_unit_filters(world: World) -> None:
    client = session_client(world.frank)
    assert _codes(client.get(BASE + "/org-units", {"kind": "directorate"})) == ["dir-ds"]
    assert _codes(client.get(BASE + "/org-units", {"parent": world.department.pk})) == ["dir-ds"]
    assert _codes(client.get(BASE + "/org-units", {"search": "wonen"})) == ["dgwb"]
    assert_problem(client.get(BASE + "/org-units", {"kind": "castle"}), 400)


def test_an_org_unit_outside_the_scope_is_404(world: World) -> None:
    client = session_client(world.alice)
    assert client.get(f"{BASE}/org-units/{world.directorate.pk}").json()["parent"] == world.department.pk
    assert_problem(client.get(f"{BASE}/org-units/{world.other_department.pk}"), 404)


def test_org_units_are_read_only(world: World) -> None:
    assert_problem(session_client(world.frank).post(BASE + "/org-units", {"code": "x"}, format="json"), 405)


def test_people_show_camel_case_fields_and_no_secrets(world: World) -> None:
    response = session_client(world.alice).get(f"{BASE}/people/{world.bob.pk}")
    body = response.json()
    assert set(body) == {"id", "username", "firstName", "lastName", "email", "jobTitle", "homeUnit"}
    assert (body["firstName"], body["homeUnit"]) == ("Bob", world.department.pk)
    assert world.bob.password not in response.content.decode()


def test_people_in_scope_and_search(world: World) -> None:
    client = session_client(world.alice)
    assert sorted(_codes(client.get(BASE + "/people"), "username")) == ["alice", "bob"]
    assert _codes(client.get(BASE + "/people", {"search": "jansen"}), "username") == ["bob"]
    assert _codes(client.get(BASE + "/people", {"homeUnit": world.ministry.pk}), "username") == []
    assert_problem(client.get(f"{BASE}/people/{world.charlie.pk}"), 404)
    assert_problem(client.patch(f"{BASE}/people/{world.bob.pk}", {"email": "x@y.nl"}, format="json"), 405)
