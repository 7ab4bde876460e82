"""Stopping a solve run and undoing an applied plan: the run page passes axe in English and in Dutch."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("ROER_SCREENSHOTS")  # a directory: save a screenshot of every page, to look at


def _sign_in(page: Any, base: str, language: str) -> None:
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_load_state()
    sign_in(page, base, "alice")


def _look(page: Any, name: str) -> None:
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_stopping_a_queued_and_a_running_run(
    page: Any, transactional_db: None, live_server: Any, world: Any, language: str
) -> None:
    from roer.planning.models import RunState
    from roer.planning.services import runs
    from roer.planning.tests.scenario_setup import portfolio, scenario

    portfolio(world)
    base_scenario = scenario(world)
    queued = runs.queue_run(world.alice, base_scenario, time_limit=5)
    base = live_server.url
    _sign_in(page, base, language)
    page.goto(f"{base}/planning/scenarios/runs/{queued.pk}/")
    stop = page.locator("form[action$='/stop'] button")
    _look(page, f"{language}-queued")
    stop.click()
    page.wait_for_load_state()
    assert page.locator("form[action$='/stop']").count() == 0
    queued.refresh_from_db()
    assert queued.state == RunState.STOPPED
    _look(page, f"{language}-stopped-before-start")

    running = runs.queue_run(world.alice, base_scenario, time_limit=5)
    claimed = runs.claim_next()
    assert claimed is not None and claimed.pk == running.pk
    page.goto(f"{base}/planning/scenarios/runs/{running.pk}/")
    page.locator("form[action$='/stop'] button").click()
    page.wait_for_load_state()
    assert "…" in page.locator("#run-progress [role=status]").inner_text(), "the block says stopping…"
    _look(page, f"{language}-stopping")
    runs.execute(claimed)
    # htmx polls the progress block and reloads the page once the worker has ended the run.
    page.get_by_role("heading", level=2).first.wait_for(timeout=15000)
    page.locator("#run-progress progress").wait_for(state="detached", timeout=15000)
    _look(page, f"{language}-stopped-early")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_plan_applied_then_undone(
    page: Any, transactional_db: None, live_server: Any, world: Any, language: str
) -> None:
    from django.apps import apps

    from roer.governance.models import Scope
    from roer.governance.seed import seed_decision_types
    from roer.governance.services import flow
    from roer.organisation.roles import Role
    from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory
    from roer.planning.models import PlanApplication
    from roer.planning.services import worker
    from roer.planning.services.apply import propose_plan
    from roer.planning.services.runs import queue_run
    from roer.planning.tests.scenario_setup import portfolio, scenario
    from roer.portfolio.models import Initiative
    from roer.portfolio.services import update_initiative

    seed_decision_types(apps, None)  # a transactional test starts without the data migration's rows
    controller = PersonFactory(username="carla", home_unit=world.ministry)
    RoleAssignmentFactory(
        person=controller, role=Role.CONTROLLER, org_unit=world.ministry, valid_from=dt.date(2020, 1, 1)
    )
    portfolio(world)
    run = queue_run(world.alice, scenario(world, budget="2000000"), time_limit=5)
    worker.iteration(worker.WorkerState())
    run.refresh_from_db()
    values = {"title": "Portfolioplan 2027", "summary": "Financier.", "scope": Scope.LOCAL, "scope_reason": "DG."}
    proposal = propose_plan(world.alice, run, values)
    flow.give_advice(controller, proposal, "controller", "positive", "Past binnen de begroting.")
    proposal.refresh_from_db()
    decision = flow.decide(world.alice, proposal, "approved", "Het beste plan.")
    applied = PlanApplication.objects.get(decision=decision)
    moved = Initiative.objects.get(code=applied.changes[0]["code"])
    update_initiative(world.alice, moved, {"start_date": dt.date(2028, 7, 1)}, moved.version)
    correction = flow.supersede(world.alice, decision, "rejected", "Het budget is ingetrokken.")
    base = live_server.url
    _sign_in(page, base, language)
    page.goto(f"{base}/planning/scenarios/runs/{run.pk}/")
    assert correction.reference in page.locator("main").inner_text()
    _look(page, f"{language}-plan-undone")
