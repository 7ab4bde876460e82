"""The Links section of a scenario page with alice (may change), bob (may look) and charlie (outsider)."""

from __future__ import annotations

import pytest

from roer.audit.models import AuditEvent
from roer.planning.models import GroupKind, ScenarioGroup, ScenarioLink
from roer.planning.services.links import add_dependency, add_group
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    items = portfolio(world)
    return scenario(world), items


def _url(base, tail=""):
    return f"/planning/scenarios/{base.pk}/{tail}"


def test_alice_adds_and_removes_a_dependency(client, world, setup):
    base, items = setup
    client.force_login(world.alice)
    page = client.get(_url(base)).content.decode()
    assert 'id="links"' in page and "No dependencies." in page
    assert 'name="dependency-before"' in page and 'name="group-members"' in page
    response = client.post(
        _url(base, "dependencies/new"), {"dependency-before": items["c"].pk, "dependency-after": items["a"].pk}
    )
    assert response.status_code == 302 and response["Location"] == _url(base) + "#links"
    link = ScenarioLink.objects.get()
    assert (link.before, link.after) == (items["c"], items["a"])
    assert AuditEvent.objects.for_object(link).get().actor == world.alice
    page = client.get(_url(base)).content.decode()
    assert "MINBZ-0004 Basisregistratie" in page and "Dependency added." in page
    removed = client.post(_url(base, f"dependencies/{link.pk}/remove"))
    assert removed.status_code == 302 and not ScenarioLink.objects.exists()
    assert AuditEvent.objects.for_object(link).filter(action="delete", actor=world.alice).exists()


def test_alice_adds_and_removes_a_group(client, world, setup):
    base, items = setup
    client.force_login(world.alice)
    response = client.post(
        _url(base, "groups/new"),
        {"group-kind": "exclusive", "group-members": [items["a"].pk, items["b"].pk], "group-name": "Loket of regie"},
    )
    assert response.status_code == 302
    group = ScenarioGroup.objects.get()
    assert group.kind == GroupKind.EXCLUSIVE and group.members.count() == 2
    page = client.get(_url(base)).content.decode()
    assert "Loket of regie" in page and "At most one" in page
    assert client.post(_url(base, f"groups/{group.pk}/remove")).status_code == 302
    assert not ScenarioGroup.objects.exists()


def test_a_cycle_is_shown_at_the_field(client, world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["a"], items["b"])
    client.force_login(world.alice)
    response = client.post(
        _url(base, "dependencies/new"), {"dependency-before": items["b"].pk, "dependency-after": items["a"].pk}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the fields marked below." in body
    assert 'id="id_dependency-before_error"' in body
    assert "MINBZ-0003 → MINBZ-0001 → MINBZ-0003" in body.replace("&nbsp;", " ")
    assert ScenarioLink.objects.count() == 1


def test_a_one_member_group_and_a_contradiction_are_shown_at_the_field(client, world, setup):
    base, items = setup
    client.force_login(world.alice)
    response = client.post(_url(base, "groups/new"), {"group-kind": "together", "group-members": [items["a"].pk]})
    assert 'id="id_group-members_error"' in response.content.decode()
    assert "at least two different initiatives" in response.content.decode()
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    response = client.post(
        _url(base, "groups/new"), {"group-kind": "together", "group-members": [items["a"].pk, items["b"].pk]}
    )
    body = response.content.decode()
    assert 'id="id_group-members_error"' in body and "exclusive alternatives" in body
    assert ScenarioGroup.objects.count() == 1


def test_a_non_candidate_cannot_be_chosen(client, world, setup):
    base, items = setup
    client.force_login(world.alice)
    page = client.get(_url(base, "dependencies/new")).content.decode()
    assert "MINBZ-0005" not in page, "closed initiatives are not offered"
    assert world.other_initiative.code not in page
    response = client.post(
        _url(base, "dependencies/new"),
        {"dependency-before": world.other_initiative.pk, "dependency-after": items["a"].pk},
    )
    assert 'id="id_dependency-before_error"' in response.content.decode()
    assert not ScenarioLink.objects.exists()


def test_a_viewer_sees_links_read_only(client, world, setup):
    base, items = setup
    link = add_dependency(world.alice, base, items["c"], items["a"])
    group = add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["b"]])
    client.force_login(world.bob)
    page = client.get(_url(base)).content.decode()
    assert "MINBZ-0004 Basisregistratie" in page and "All or none" in page
    assert "Add a dependency" not in page and "dependencies/" not in page and "groups/" not in page
    assert client.get(_url(base, "dependencies/new")).status_code == 403
    post = {"dependency-before": items["a"].pk, "dependency-after": items["b"].pk}
    assert client.post(_url(base, "dependencies/new"), post).status_code == 403
    assert client.post(_url(base, "groups/new"), {"group-kind": "exclusive"}).status_code == 403
    assert client.post(_url(base, f"dependencies/{link.pk}/remove")).status_code == 403
    assert client.post(_url(base, f"groups/{group.pk}/remove")).status_code == 403
    assert ScenarioLink.objects.count() == 1 and ScenarioGroup.objects.count() == 1


def test_an_outsider_is_refused(client, world, setup):
    base, items = setup
    link = add_dependency(world.alice, base, items["c"], items["a"])
    group = add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["b"]])
    client.force_login(world.charlie)
    assert client.get(_url(base, "dependencies/new")).status_code == 404
    assert client.get(_url(base, "groups/new")).status_code == 404
    post = {"dependency-before": items["a"].pk, "dependency-after": items["b"].pk}
    assert client.post(_url(base, "dependencies/new"), post).status_code == 404
    assert client.post(_url(base, f"dependencies/{link.pk}/remove")).status_code == 404
    assert client.post(_url(base, f"groups/{group.pk}/remove")).status_code == 404
    assert ScenarioLink.objects.count() == 1 and ScenarioGroup.objects.count() == 1


def test_removing_a_link_of_another_scenario_is_not_found(client, world, setup):
    base, items = setup
    other = scenario(world)
    link = add_dependency(world.alice, other, items["c"], items["a"])
    client.force_login(world.alice)
    assert client.post(_url(base, f"dependencies/{link.pk}/remove")).status_code == 404
    assert client.get(_url(base, f"dependencies/{link.pk}/remove")).status_code == 405


def test_skipped_links_are_listed_in_the_links_section(client, world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["undated"], items["a"])
    client.force_login(world.bob)
    page = client.get(_url(base)).content.decode()
    assert "Not passed to the optimiser" in page
    assert "MINBZ-0006 → MINBZ-0001: dependency not used (not a candidate: MINBZ-0006)" in page


def test_the_run_page_names_the_linked_initiative(client, world, setup):
    from roer.planning.services import worker
    from roer.planning.services.runs import queue_run

    base, items = setup
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])  # b is mandatory: a must wait
    run = queue_run(world.alice, base, time_limit=5)
    worker.iteration(worker.WorkerState())
    client.force_login(world.bob)
    page = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert "the exclusive alternative MINBZ-0003 Digitaal loket is funded" in page


def test_reasons_read_with_names():
    from roer.planning.models import Scenario
    from roer.planning.views.reasons import reason_text

    scenario = Scenario(start_year=2027, start_quarter=1, quarters=8)
    names = {"P-1": "Platform", "A-1": "Portaal", "B-1": "Tweede helft"}
    assert reason_text(scenario, {"kind": "dependency", "before": "P-1"}, names) == (
        "depends on P-1 Platform, which is not funded or does not finish early enough"
    )
    assert reason_text(scenario, {"kind": "together", "with": ["B-1"]}, names) == (
        "funded only together with B-1 Tweede helft, which is not funded"
    )
    assert reason_text(scenario, {"kind": "together", "with": ["A-1", "B-1"]}, names) == (
        "funded only together with A-1 Portaal, B-1 Tweede helft, which are not funded"
    )
    without_names = reason_text(scenario, {"kind": "exclusive", "alternative": "X-9"})
    assert without_names == "the exclusive alternative X-9 is funded"
