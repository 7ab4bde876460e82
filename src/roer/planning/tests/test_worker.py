"""The background worker: one iteration solves the oldest queued run and runs the periodic jobs when due."""

from __future__ import annotations

from typing import Any

import pytest

from roer.core import periodic
from roer.planning.models import RunState, SolveRun
from roer.planning.optimiser import check
from roer.planning.services import worker
from roer.planning.services.runs import FRONTIER_FACTORS, claim_next, fail_abandoned, queue_run
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db


def plan(run: SolveRun) -> dict[str, Any]:
    assert run.plan_json is not None
    result: dict[str, Any] = run.plan_json
    return result


def test_an_iteration_solves_the_oldest_queued_run(world):
    portfolio(world)
    base = scenario(world)
    first = queue_run(world.alice, base, time_limit=5)
    second = queue_run(world.alice, base, time_limit=5)
    assert first.state == RunState.QUEUED
    solved = worker.iteration(worker.WorkerState())
    assert solved is not None and solved.pk == first.pk
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == RunState.DONE and second.state == RunState.QUEUED
    assert first.progress_percent == 100
    assert first.started_at and first.finished_at
    assert plan(first)["status"] in ("optimal", "feasible")
    assert check(first.scenario_json, plan(first)) == [], "every plan passes the independent checker"
    funded = {f["id"] for f in plan(first)["funded"]}
    assert {"MINBZ-0003", "MINBZ-0004"} <= funded, "mandatory and running items are funded"
    assert [p["factor"] for p in first.frontier] == list(FRONTIER_FACTORS)
    at_base = next(p for p in first.frontier if p["factor"] == 1.0)
    assert at_base["budget"] == 1200000
    assert at_base["bound"] >= plan(first)["objective"] - 1e-6


def test_nothing_queued_is_a_quiet_iteration(world):
    assert worker.iteration(worker.WorkerState()) is None
    assert claim_next() is None


def test_an_infeasible_scenario_ends_done_with_the_reason(world):
    portfolio(world)
    run = queue_run(world.alice, scenario(world, budget="1000"), time_limit=5)
    worker.iteration(worker.WorkerState())
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert plan(run)["status"] == "infeasible"
    assert "budget" in plan(run)["reason"]
    assert run.frontier == []


def test_a_broken_run_fails_with_its_error_and_the_loop_goes_on(world):
    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    SolveRun.objects.filter(pk=run.pk).update(scenario_json={"quarters": 0})
    worker.iteration(worker.WorkerState())
    run.refresh_from_db()
    assert run.state == RunState.FAILED
    assert "ScenarioError" in run.error


def test_a_run_abandoned_by_a_stopped_worker_is_failed(world):
    import datetime as dt

    from django.utils import timezone

    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    SolveRun.objects.filter(pk=run.pk).update(state=RunState.RUNNING, started_at=timezone.now() - dt.timedelta(hours=1))
    assert fail_abandoned() == 1
    run.refresh_from_db()
    assert run.state == RunState.FAILED


def test_periodic_jobs_run_when_their_interval_passed(world, monkeypatch: Any):
    calls: list[str] = []
    monkeypatch.setattr(periodic, "_JOBS", {})
    periodic.register("often", 10, lambda: calls.append("often"))
    periodic.register("rarely", 100, lambda: calls.append("rarely"))

    def broken() -> None:
        raise RuntimeError("boom")

    periodic.register("broken", 10, broken)
    state = worker.WorkerState()
    assert worker.run_due_jobs(state, now=1000.0) == ["broken", "often", "rarely"], "all due at first"
    assert worker.run_due_jobs(state, now=1005.0) == []
    assert worker.run_due_jobs(state, now=1011.0) == ["broken", "often"], "a failing job does not stop the others"
    assert calls == ["often", "rarely", "often"]


def test_the_command_runs_one_iteration(world, capsys: Any):
    from django.core.management import call_command

    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    call_command("worker", "--once")
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert f"Solved run {run.pk}: done." in capsys.readouterr().out
