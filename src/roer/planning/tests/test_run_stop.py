"""Stopping a solve run: queued it ends without a plan; running it keeps the best plan so far. Audited, refused
to people who may not change the scenario."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from roer.audit.models import AuditEvent
from roer.planning.models import RunState, SolveRun
from roer.planning.models.scenarios import StopRequest
from roer.planning.optimiser import check
from roer.planning.services import runs, worker
from roer.planning.services.runs import queue_run, request_stop
from roer.planning.tests.scenario_setup import portfolio, scenario
from roer.planning.tests.test_search import portfolio as random_portfolio

pytestmark = pytest.mark.django_db


def _slow_run(world: Any, time_limit: int = 60) -> SolveRun:
    """A queued run that keeps searching for its whole time limit unless stopped (400 random candidates)."""
    portfolio(world)
    base = scenario(world)
    return SolveRun.objects.create(
        scenario=base, requested_by=world.alice, time_limit=time_limit, scenario_json=random_portfolio(400, seed=7)
    )


def test_a_stop_requested_mid_solve_ends_the_run_done_with_the_best_plan_so_far(world, monkeypatch: Any):
    run = _slow_run(world)
    asked: list[float] = []

    class StopOnFirstProgress(runs._Reporter):
        """The person presses Stop while the optimiser reports its first progress."""

        def __call__(self, *args: Any) -> None:
            if not asked:
                asked.append(time.perf_counter())
                request_stop(world.alice, SolveRun.objects.get(pk=self.run.pk))
            super().__call__(*args)

    monkeypatch.setattr(runs, "_Reporter", StopOnFirstProgress)
    began = time.perf_counter()
    solved = worker.iteration(worker.WorkerState())
    spent = time.perf_counter() - began
    assert solved is not None and solved.pk == run.pk
    assert spent < 15, f"asked to stop at once, the 45-second search still ran {spent:.1f} s"
    run.refresh_from_db()
    assert run.state == RunState.DONE and run.finished_at is not None
    assert run.plan_json is not None and run.plan_json["status"] in ("optimal", "feasible")
    assert run.plan_json["funded"] and check(run.scenario_json, run.plan_json) == []
    assert run.frontier == [], "the frontier is skipped once a stop was asked"
    assert run.progress_text == runs.STOPPED_EARLY
    assert run.stop_requested is not None and run.stop_requested.requested_by == world.alice


def test_the_frontier_skips_the_levels_left_once_stop_is_asked(world):
    from roer.planning.tests.helpers import candidate
    from roer.planning.tests.helpers import scenario as plain_scenario

    data = plain_scenario([candidate("a", 10, [60]), candidate("b", 8, [50])], budget=[100])
    answers = iter([False, False, True])
    points = runs.frontier(data, 0.2, stop=lambda: next(answers, True))
    assert [p["factor"] for p in points] == list(runs.FRONTIER_FACTORS[:2])


def test_a_queued_run_stopped_before_the_worker_begins_ends_without_a_plan(world):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    stopped = request_stop(world.alice, run)
    assert stopped.state == RunState.STOPPED and stopped.finished and stopped.finished_at is not None
    assert stopped.plan_json is None
    assert worker.iteration(worker.WorkerState()) is None, "a stopped run is never claimed"
    request = StopRequest.objects.get(run=run)
    assert request.requested_by == world.alice
    event = AuditEvent.objects.for_object(request).get(action="create")
    assert event.after["requested_by"] == world.alice.pk and event.scope_path == world.department.path
    assert request_stop(world.alice, stopped).state == RunState.STOPPED, "asking twice changes nothing"
    assert StopRequest.objects.count() == 1 and AuditEvent.objects.filter(object_repr=str(request)).count() == 1


def test_a_viewer_may_not_stop_a_run(world):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    with pytest.raises(PermissionDenied):
        request_stop(world.bob, run)
    assert not StopRequest.objects.exists()


def test_the_stop_button(world, client: Client):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    page = f"/planning/scenarios/runs/{run.pk}/"
    client.force_login(world.bob)
    assert 'action="' + page + 'stop"' not in client.get(page).content.decode(), "no button for a viewer"
    assert client.post(page + "stop").status_code == 403
    assert client.get(page + "stop").status_code == 405
    client.force_login(world.alice)
    assert 'action="' + page + 'stop"' in client.get(page).content.decode()
    response = client.post(page + "stop", follow=True)
    assert response.redirect_chain[-1][0] == page
    shown = response.content.decode()
    assert "Stopped by " in shown and "before the worker began: this run has no plan." in shown
    run.refresh_from_db()
    assert run.state == RunState.STOPPED
    event = AuditEvent.objects.for_object(StopRequest.objects.get(run=run)).get()
    assert event.actor == world.alice and event.source == "web"
    assert client.post(page + "stop").status_code == 302, "idempotent: a second press is harmless"


def test_a_running_run_shows_stopping_then_the_result(world, client: Client):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    claimed = runs.claim_next()
    assert claimed is not None and claimed.pk == run.pk
    page = f"/planning/scenarios/runs/{run.pk}/"
    client.force_login(world.alice)
    client.post(page + "stop")
    run.refresh_from_db()
    assert run.state == RunState.RUNNING, "the worker ends a running run itself"
    progress = client.get(page + "progress").content.decode()
    assert "stopping…" in progress and 'action="' + page + 'stop"' not in progress
    runs.execute(run)
    run.refresh_from_db()
    assert run.state == RunState.DONE and run.plan_json is not None
    shown = client.get(page).content.decode()
    assert "Stopped early by " in shown and "the plan is the best found until then" in shown


def test_the_stop_needs_the_csrf_token(world):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.alice)
    assert client.post(f"/planning/scenarios/runs/{run.pk}/stop").status_code == 403
    run.refresh_from_db()
    assert run.state == RunState.QUEUED
