"""Solve runs over the API: queued through the service, solved by the worker, read back."""

from __future__ import annotations

import pytest

from roer.api.tests.helpers import BASE, assert_problem, call, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.planning.models import RunState, Scenario, SolveRun
from roer.planning.models.scenarios import StopRequest
from roer.planning.services import worker
from roer.planning.services.runs import FRONTIER_FACTORS
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db

RUNS = BASE + "/planning/runs"


@pytest.fixture
def base(world: World) -> Scenario:
    portfolio(world)
    return scenario(world)


def test_queue_a_run_and_read_the_plan_after_the_worker(world: World, base: Scenario) -> None:
    alice = session_client(world.alice)
    queue = f"{BASE}/planning/scenarios/{base.pk}/runs"
    assert invalid_names(alice.post(queue, {"timeLimit": 1}, format="json")) == {"timeLimit"}
    assert not SolveRun.objects.exists()
    queued = alice.post(queue, {"timeLimit": 5}, format="json")
    assert queued.status_code == 201, queued.content
    body = queued.json()
    assert queued["Location"].endswith(f"{RUNS}/{body['id']}")
    assert body["state"] == "queued" and body["plan"] is None and body["frontier"] == []
    assert body["scenario"] == base.pk and body["requestedBy"] == world.alice.pk and body["timeLimit"] == 5
    assert body["progress"] == "Waiting for the worker"
    run = SolveRun.objects.get(pk=body["id"])
    assert run.scenario_json["candidates"], "the scenario was snapshotted from the portfolio"

    worker.iteration(worker.WorkerState())

    done = session_client(world.bob).get(queued["Location"])
    assert done.status_code == 200
    result = done.json()
    assert result["state"] == "done" and result["progressPercent"] == 100 and result["error"] == ""
    assert result["plan"]["status"] in ("optimal", "feasible")
    assert {"MINBZ-0003", "MINBZ-0004"} <= {funded["id"] for funded in result["plan"]["funded"]}
    assert [point["factor"] for point in result["frontier"]] == list(FRONTIER_FACTORS)
    assert next(p for p in result["frontier"] if p["factor"] == 1.0)["budget"] == "1200000.00"
    assert result["startedAt"] and result["finishedAt"]
    in_dutch = session_client(world.bob).get(queued["Location"], HTTP_ACCEPT_LANGUAGE="nl")
    assert in_dutch.json()["progress"] != result["progress"], "the progress is shown in the language asked for"


def test_a_failed_run_says_why(world: World, base: Scenario) -> None:
    queued = session_client(world.alice).post(f"{BASE}/planning/scenarios/{base.pk}/runs", {}, format="json")
    assert queued.status_code == 201, queued.content
    assert queued.json()["timeLimit"] == 30, "the page's default"
    SolveRun.objects.filter(pk=queued.json()["id"]).update(scenario_json={"quarters": 0})
    worker.iteration(worker.WorkerState())
    failed = session_client(world.alice).get(queued["Location"]).json()
    assert failed["state"] == "failed" and "ScenarioError" in failed["error"] and failed["plan"] is None


def test_runs_are_listed_per_scenario_and_only_for_those_who_may_see_them(world: World, base: Scenario) -> None:
    other = scenario(world)
    alice = session_client(world.alice)
    for target in (base, base, other):
        assert alice.post(f"{BASE}/planning/scenarios/{target.pk}/runs", {"timeLimit": 5}, format="json").status_code
    assert alice.get(RUNS).json()["count"] == 3
    listed = alice.get(RUNS, {"scenario": base.pk}).json()
    assert listed["count"] == 2 and {run["scenario"] for run in listed["results"]} == {base.pk}
    assert alice.get(RUNS, {"state": "done"}).json()["count"] == 0
    assert invalid_names(alice.get(RUNS, {"scenario": "first"})) == {"scenario"}
    run = SolveRun.objects.filter(scenario=base).first()
    assert run is not None
    charlie = token_client(world.charlie)
    assert charlie.get(RUNS).json()["count"] == 0
    assert_problem(charlie.get(f"{RUNS}/{run.pk}"), 404)


def test_a_viewer_may_not_queue_and_runs_are_not_changed(world: World, base: Scenario) -> None:
    bob = session_client(world.bob)
    assert_problem(bob.post(f"{BASE}/planning/scenarios/{base.pk}/runs", {"timeLimit": 5}, format="json"), 403)
    assert_problem(token_client(world.charlie).post(f"{BASE}/planning/scenarios/{base.pk}/runs", {}), 404)
    assert not SolveRun.objects.exists()
    alice = session_client(world.alice)
    run = alice.post(f"{BASE}/planning/scenarios/{base.pk}/runs", {"timeLimit": 5}, format="json").json()
    for method in ("PUT", "PATCH", "DELETE"):
        assert_problem(call(alice, method, f"{RUNS}/{run['id']}", {"state": "done"}), 405)
    assert_problem(alice.post(RUNS, {"scenario": base.pk}, format="json"), 405)
    assert SolveRun.objects.get(pk=run["id"]).state == RunState.QUEUED


def test_stop_a_queued_run(world: World, base: Scenario) -> None:
    alice = session_client(world.alice)
    run = alice.post(f"{BASE}/planning/scenarios/{base.pk}/runs", {"timeLimit": 5}, format="json").json()
    stop = f"{RUNS}/{run['id']}/stop-requests"
    assert run["stopRequest"] is None
    assert_problem(session_client(world.bob).post(stop), 403)
    assert_problem(token_client(world.charlie).post(stop), 404)
    assert SolveRun.objects.get(pk=run["id"]).state == RunState.QUEUED
    stopped = alice.post(stop)
    assert stopped.status_code == 201, stopped.content
    body = stopped.json()
    assert body["state"] == "stopped" and body["plan"] is None and body["finishedAt"]
    assert body["stopRequest"]["requestedBy"] == world.alice.pk and body["stopRequest"]["requestedAt"]
    request = StopRequest.objects.get(run_id=run["id"])
    event = AuditEvent.objects.for_object(request).get()
    assert event.action == "create" and event.source == "api"
    again = alice.post(stop)
    assert again.status_code == 201 and again.json()["stopRequest"] == body["stopRequest"], (
        "asking again changes nothing"
    )
    assert worker.iteration(worker.WorkerState()) is None, "the worker does not pick a stopped run"
