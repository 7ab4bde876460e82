"""Scenario pages with alice (may act), bob (may look) and charlie (outsider)."""

from __future__ import annotations

import json

import pytest

from roer.audit.models import AuditEvent
from roer.planning.models import RunState, Scenario, SolveRun
from roer.planning.services import worker
from roer.planning.services.runs import queue_run
from roer.planning.services.scenarios import create_variant
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(world):
    portfolio(world)
    return scenario(world)


def _solved(world, base):
    run = queue_run(world.alice, base, time_limit=5)
    worker.iteration(worker.WorkerState())
    run.refresh_from_db()
    return run


def test_list_and_detail_for_a_viewer(client, world, base):
    client.force_login(world.bob)
    page = client.get("/planning/scenarios/")
    assert page.status_code == 200 and "Plan 2027" in page.content.decode()
    assert "New scenario" not in page.content.decode()
    detail = client.get(f"/planning/scenarios/{base.pk}/")
    body = detail.content.decode()
    assert detail.status_code == 200
    assert "MINBZ-0003" in body and "Digitaal loket" in body
    assert "no dates and no planned costs" in body
    assert "Solve in the background" not in body, "a viewer may look, not solve"


def test_an_outsider_sees_nothing(client, world, base):
    client.force_login(world.charlie)
    assert "Plan 2027" not in client.get("/planning/scenarios/").content.decode()
    assert client.get(f"/planning/scenarios/{base.pk}/").status_code == 404
    assert client.get(f"/planning/scenarios/{base.pk}/scenario.json").status_code == 404
    assert client.post(f"/planning/scenarios/{base.pk}/solve").status_code == 404
    run = _solved(world, base)
    assert client.get(f"/planning/scenarios/runs/{run.pk}/").status_code == 404
    assert client.get(f"/planning/scenarios/runs/{run.pk}/plan.json").status_code == 404
    assert client.get(f"/planning/scenarios/compare?run={run.pk}&run={run.pk}").status_code == 200
    assert "Plan 2027" not in client.get("/planning/scenarios/compare").content.decode()


def test_a_viewer_may_not_change(client, world, base):
    client.force_login(world.bob)
    assert client.get("/planning/scenarios/new").status_code == 403
    assert client.get(f"/planning/scenarios/{base.pk}/edit").status_code == 403
    assert client.get(f"/planning/scenarios/{base.pk}/what-if").status_code == 403
    assert client.post(f"/planning/scenarios/{base.pk}/solve").status_code == 403
    assert not SolveRun.objects.exists()


def test_create_a_scenario(client, world):
    client.force_login(world.alice)
    assert client.get("/planning/scenarios/new").status_code == 200
    response = client.post(
        "/planning/scenarios/new",
        {
            "name": "Meerjarenplan",
            "org_unit": world.department.pk,
            "start_year": 2027,
            "start_quarter": 3,
            "quarters": 6,
            "discount_rate": "4",
            "budget": "1000000",
            "capacity": "8",
        },
    )
    created = Scenario.objects.get(name="Meerjarenplan")
    assert response.status_code == 302 and response.url == f"/planning/scenarios/{created.pk}/"
    assert created.budgets == ["1000000.00", "1000000.00"]
    assert created.year_label(1) == "2028 Q3 – 2028 Q4"
    event = AuditEvent.objects.for_object(created).get()
    assert event.actor == world.alice and event.after["name"] == "Meerjarenplan"


def test_a_scenario_outside_ones_scope_is_refused(client, world):
    client.force_login(world.alice)
    response = client.post(
        "/planning/scenarios/new",
        {"name": "X", "org_unit": world.ministry.pk, "start_year": 2027, "start_quarter": 1, "quarters": 4,
         "discount_rate": "0", "budget": "1", "capacity": "1"},
    )  # fmt: skip
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not Scenario.objects.filter(name="X").exists()


def test_edit_budgets_and_capacities_and_refuse_a_stale_edit(client, world, base):
    client.force_login(world.alice)
    team = base.teams.get()
    data = {
        "name": "Plan 2027 bijgesteld",
        "org_unit": world.department.pk,
        "start_year": 2027,
        "start_quarter": 1,
        "quarters": 8,
        "discount_rate": "0",
        "version": base.version,
        "budget_0": "500000",
        "budget_1": "700000",
        **{f"capacity_{team.pk}_{q}": "6" for q in range(8)},
    }
    assert client.get(f"/planning/scenarios/{base.pk}/edit").status_code == 200
    response = client.post(f"/planning/scenarios/{base.pk}/edit", data)
    assert response.status_code == 302
    base.refresh_from_db()
    team.refresh_from_db()
    assert base.budgets == ["500000.00", "700000.00"] and base.version == 2
    assert team.capacity == ["6"] * 8
    event = AuditEvent.objects.for_object(base).filter(action="update").latest("occurred_at")
    assert event.actor == world.alice
    assert (event.before["name"], event.after["name"]) == ("Plan 2027", "Plan 2027 bijgesteld")
    assert event.after["budgets"] == ["500000.00", "700000.00"]
    assert AuditEvent.objects.for_object(team).filter(action="update").exists()
    stale = client.post(f"/planning/scenarios/{base.pk}/edit", {**data, "name": "Ouder"})
    assert stale.status_code == 200
    assert "Someone else changed this scenario" in stale.content.decode()
    base.refresh_from_db()
    assert base.name == "Plan 2027 bijgesteld"


def test_teams_can_be_added_and_removed(client, world, base):
    client.force_login(world.alice)
    assert client.get(f"/planning/scenarios/{base.pk}/teams/new").status_code == 200
    response = client.post(
        f"/planning/scenarios/{base.pk}/teams/new", {"org_unit": world.department.pk, "capacity": "3"}
    )
    assert response.status_code == 302
    assert base.teams.count() == 2
    team = base.teams.get(org_unit=world.department)
    assert client.post(f"/planning/scenarios/{base.pk}/teams/{team.pk}/remove").status_code == 302
    assert base.teams.count() == 1


def test_a_what_if_variant(client, world, base):
    client.force_login(world.alice)
    assert client.get(f"/planning/scenarios/{base.pk}/what-if").status_code == 200
    team = base.teams.get()
    response = client.post(
        f"/planning/scenarios/{base.pk}/what-if",
        {"name": "Min 10 %", "budget_percent": "90", "capacity_percent": "100", "remove_team": team.pk,
         "force_out": ["MINBZ-0001"]},
    )  # fmt: skip
    variant = Scenario.objects.get(name="Min 10 %")
    assert response.status_code == 302
    assert variant.parent == base
    assert variant.budgets == ["540000.00", "540000.00"]
    assert variant.teams.count() == 0
    assert variant.forced_out == ["MINBZ-0001"]
    assert "budget × 0.9" in variant.what_if
    both = client.post(
        f"/planning/scenarios/{base.pk}/what-if",
        {"name": "Fout", "budget_percent": "100", "capacity_percent": "100", "force_in": ["MINBZ-0001"],
         "force_out": ["MINBZ-0001"]},
    )  # fmt: skip
    assert both.status_code == 200 and "Forced in and left out at once" in both.content.decode()


def test_solve_shows_progress_then_the_plan_and_frontier(client, world, base):
    client.force_login(world.alice)
    response = client.post(f"/planning/scenarios/{base.pk}/solve", {"time_limit": "5"})
    run = SolveRun.objects.get()
    assert response.status_code == 302 and response.url == f"/planning/scenarios/runs/{run.pk}/"
    queued = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert "Queued" in queued and 'hx-trigger="every 2s"' in queued and "Refresh" in queued
    fragment = client.get(f"/planning/scenarios/runs/{run.pk}/progress")
    assert fragment.status_code == 200 and "HX-Refresh" not in fragment
    worker.iteration(worker.WorkerState())
    assert client.get(f"/planning/scenarios/runs/{run.pk}/progress")["HX-Refresh"] == "true"
    page = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert "Funded, by start" in page and "MINBZ-0003" in page
    assert "<svg" in page and "frontier-desc" in page and "Value against budget, per budget level" in page
    assert "Propose this plan for a decision" in page


def test_exports(client, world, base):
    run = _solved(world, base)
    client.force_login(world.bob)
    scenario_json = client.get(f"/planning/scenarios/{base.pk}/scenario.json")
    assert scenario_json["Content-Disposition"] == f'attachment; filename="scenario-{base.pk}.json"'
    assert json.loads(scenario_json.content)["quarters"] == 8
    plan = json.loads(client.get(f"/planning/scenarios/runs/{run.pk}/plan.json").content)
    assert plan == run.plan_json
    snapshot = json.loads(client.get(f"/planning/scenarios/runs/{run.pk}/scenario.json").content)
    assert snapshot == run.scenario_json


def test_compare_runs_side_by_side(client, world, base):
    first = _solved(world, base)
    variant = create_variant(world.alice, base, "Krapper", budget_factor=__import__("decimal").Decimal("0.6"))
    second = _solved(world, variant)
    assert first.state == second.state == RunState.DONE
    client.force_login(world.bob)
    assert client.get("/planning/scenarios/compare").status_code == 200
    one = client.get(f"/planning/scenarios/compare?run={first.pk}")
    assert "Choose at least two runs." in one.content.decode()
    page = client.get(f"/planning/scenarios/compare?run={first.pk}&run={second.pk}").content.decode()
    assert "Side by side" in page and "Krapper" in page
    assert "Differences in funding and start" in page


def test_the_run_page_speaks_dutch_with_calendar_quarters(client, world, base):
    from django.utils import translation

    from roer.planning.models import Scenario
    from roer.planning.views.reasons import binding_text, reason_text

    run = _solved(world, base)
    client.force_login(world.alice)
    with translation.override("en"):  # the request switches this thread to Dutch; switch back afterwards
        page = client.get(f"/planning/scenarios/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    body = page.content.decode()
    assert "geen data en geen geplande kosten" in body, "a stored reason is worded in the reader's language"
    assert "Gefinancierd, op volgorde van start" in body
    scenario = Scenario(start_year=2027, start_quarter=3, quarters=8)
    with translation.override("nl"):
        budget = {"kind": "budget", "year": 0, "start": 1, "shortBy": 1200000.5}
        assert reason_text(scenario, budget) == (
            "bij een start in 2027 Q4 komt het budget van jaar 1 (2027 Q3 – 2028 Q2) €1.200.000,50 tekort"
        )
        team = {"kind": "team", "team": "dir-ds", "quarter": 2, "start": 0, "shortBy": 1.5}
        assert reason_text(scenario, team) == "bij een start in 2027 Q3 komt team dir-ds in 2028 Q1 1,5 fte tekort"
        assert binding_text(scenario, {"kind": "team", "team": "dir-ds", "quarter": 0}) == "team dir-ds in 2027 Q3"
    assert reason_text(scenario, {"kind": "choice", "text": "x"}) == "fits, but was not chosen"
