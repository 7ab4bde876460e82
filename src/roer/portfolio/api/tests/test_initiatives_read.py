"""Reading initiatives: scope, camelCase fields, filters, sorting, paging, ETag."""

from __future__ import annotations

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.conftest import World
from roer.portfolio.models import Phase
from roer.portfolio.tests.factories import InitiativeFactory

URL = BASE + "/initiatives"
FIELDS = {
    "code", "name", "orgUnit", "sponsor", "manager", "phase", "problemStatement",
    "description", "mandatory", "legalBasis", "version", "createdAt", "updatedAt",
}  # fmt: skip


def _codes(response: object) -> list[str]:
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    return [item["code"] for item in response.json()["results"]]  # type: ignore[attr-defined]


def test_alice_lists_the_initiatives_in_her_scope_with_camel_case_fields(world: World) -> None:
    response = session_client(world.alice).get(URL)
    body = response.json()
    assert body["count"] == 1 and _codes(response) == ["MINBZ-0001"]
    assert set(body["results"][0]) == FIELDS
    assert body["results"][0]["orgUnit"] == world.directorate.pk


def test_a_sponsor_sees_an_initiative_outside_the_units_they_can_see(world: World) -> None:
    world.other_initiative.sponsor = world.bob
    world.other_initiative.save()
    assert _codes(session_client(world.bob).get(URL)) == ["MINBZ-0001", "MINBZ-0002"]


def test_the_detail_carries_the_version_as_etag(world: World) -> None:
    response = session_client(world.alice).get(f"{URL}/{world.initiative.code}")
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["version"] == 1
    assert response["API-Version"] == "1.0.0"


def test_a_missing_code_is_404(world: World) -> None:
    assert_problem(session_client(world.alice).get(URL + "/MINBZ-9999"), 404)


def test_filters_search_and_ordering(world: World) -> None:
    InitiativeFactory(code="MINBZ-0003", name="Basisregistratie", org_unit=world.department, phase=Phase.EXECUTION)
    client = session_client(world.alice)
    assert _codes(client.get(URL, {"orgUnit": world.department.pk})) == ["MINBZ-0001", "MINBZ-0003"]
    assert _codes(client.get(URL, {"orgUnit": world.directorate.pk})) == ["MINBZ-0001"]
    assert _codes(client.get(URL, {"orgUnit": world.other_org.pk})) == []
    assert _codes(client.get(URL, {"phase": "execution"})) == ["MINBZ-0003"]
    assert _codes(client.get(URL, {"search": "basisreg"})) == ["MINBZ-0003"]
    assert _codes(client.get(URL, {"ordering": "-code"})) == ["MINBZ-0003", "MINBZ-0001"]


def test_invalid_query_parameters_are_a_400_with_their_names(world: World) -> None:
    client = session_client(world.alice)
    assert invalid_names(client.get(URL, {"phase": "dreaming"})) == {"phase"}
    assert invalid_names(client.get(URL, {"orgUnit": "abc"})) == {"orgUnit"}
    assert invalid_names(client.get(URL, {"ordering": "secret"})) == {"ordering"}


def test_lists_are_paged_with_page_and_page_size(world: World) -> None:
    InitiativeFactory(code="MINBZ-0003", org_unit=world.department)
    client = session_client(world.alice)
    first = client.get(URL, {"pageSize": 1}).json()
    assert first["count"] == 2 and len(first["results"]) == 1
    assert "page=2" in first["next"] and "pageSize=1" in first["next"]
    assert _codes(client.get(URL, {"pageSize": 1, "page": 2})) == ["MINBZ-0003"]
    assert_problem(client.get(URL, {"page": 9}), 404)
