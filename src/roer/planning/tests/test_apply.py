"""Applying a plan: proposed through governance; an approving decision sets the planned starts, audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from roer.audit.models import AuditEvent
from roer.governance.models import ProposalState, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council, council  # noqa: F401  (makes the governance fixture available here)
from roer.planning.models import PlanApplication, SolveRun
from roer.planning.services import worker
from roer.planning.services.apply import apply_plan, propose_plan
from roer.planning.services.runs import queue_run
from roer.planning.tests.scenario_setup import portfolio, scenario
from roer.portfolio.models import Initiative

pytestmark = pytest.mark.django_db


def plan(run: SolveRun) -> dict[str, Any]:
    assert run.plan_json is not None
    result: dict[str, Any] = run.plan_json
    return result


@pytest.fixture
def board(request: pytest.FixtureRequest) -> Council:
    """The governance tests' CIO council (marc, carla the controller who advises on plans, …)."""
    result: Council = request.getfixturevalue("council")
    return result


VALUES = {
    "title": "Portfolioplan 2027",
    "summary": "Financier de gekozen initiatieven.",
    "scope": Scope.LOCAL,
    "scope_reason": "Binnen het budget van het DG.",
}


def _solved(board: Council) -> SolveRun:
    world = board.world
    portfolio(world)
    run = queue_run(world.alice, scenario(world, budget="2000000"), time_limit=5)
    worker.iteration(worker.WorkerState())
    run.refresh_from_db()
    return run


def _decide(board: Council, run: SolveRun, outcome: str = "approved"):
    proposal = run.proposal
    assert proposal is not None and proposal.state == ProposalState.ADVICE
    flow.give_advice(board.carla, proposal, "controller", "positive", "Past binnen de begroting.")
    proposal.refresh_from_db()
    return flow.decide(board.world.alice, proposal, outcome, "Het beste plan binnen het budget.")


def test_an_approving_decision_applies_the_plan_and_is_audited(board):
    world = board.world
    run = _solved(board)
    funded = dict((f["id"], f["start"]) for f in plan(run)["funded"])
    assert "MINBZ-0003" in funded
    proposal = propose_plan(world.alice, run, VALUES)
    assert proposal.subject_kind == SubjectKind.PLAN
    assert proposal.subject_reference == f"solve-run:{run.pk}"
    assert proposal.org_unit == world.department
    run.refresh_from_db()
    assert run.proposal == proposal
    decision = _decide(board, run)
    application = PlanApplication.objects.get(run=run)
    assert application.decision == decision
    loket = Initiative.objects.get(code="MINBZ-0003")
    start = funded["MINBZ-0003"]
    expected = dt.date(2027 + start // 4, 1 + 3 * (start % 4), 1)
    assert loket.start_date == expected
    assert {"code": "MINBZ-0003", "before": None, "after": expected.isoformat()} in application.changes
    assert all(change["code"] != "MINBZ-0004" for change in application.changes), "running: start untouched"
    # Audited: the application, and the initiative's change with before and after, by the decider.
    assert AuditEvent.objects.for_object(application).filter(action="create").exists()
    change = AuditEvent.objects.for_object(loket).filter(action="update").latest("occurred_at")
    assert change.actor == world.alice
    assert change.before["start_date"] is None and change.after["start_date"] == expected.isoformat()
    assert loket.version == 2


def test_a_rejection_changes_nothing(board):
    world = board.world
    run = _solved(board)
    propose_plan(world.alice, run, VALUES)
    run.refresh_from_db()
    _decide(board, run, outcome="rejected")
    assert not PlanApplication.objects.exists()
    assert Initiative.objects.get(code="MINBZ-0003").start_date is None


def test_applying_twice_records_once(board):
    world = board.world
    run = _solved(board)
    propose_plan(world.alice, run, VALUES)
    run.refresh_from_db()
    decision = _decide(board, run)
    assert apply_plan(decision) == PlanApplication.objects.get()


def test_a_viewer_may_not_propose_and_a_plan_is_proposed_once(board):
    world = board.world
    run = _solved(board)
    with pytest.raises(PermissionDenied):
        propose_plan(world.bob, run, VALUES)
    propose_plan(world.alice, run, VALUES)
    run.refresh_from_db()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        propose_plan(world.alice, run, VALUES)


def test_the_propose_page(client, board):
    world = board.world
    run = _solved(board)
    client.force_login(world.bob)
    assert client.get(f"/planning/scenarios/runs/{run.pk}/propose").status_code == 403
    client.force_login(world.alice)
    page = client.get(f"/planning/scenarios/runs/{run.pk}/propose")
    assert page.status_code == 200 and "Apply the plan of scenario Plan 2027" in page.content.decode()
    response = client.post(
        f"/planning/scenarios/runs/{run.pk}/propose",
        {**VALUES, "title": "Plan toepassen"},
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.proposal is not None and run.proposal.title == "Plan toepassen"
    shown = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert f"Proposed as {run.proposal.reference}" in shown
    _decide(board, run)
    shown = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert "Applied by decision" in shown and "MINBZ-0003: planned start" in shown


def _applied(board: Council) -> tuple[SolveRun, Any, PlanApplication]:
    run = _solved(board)
    propose_plan(board.world.alice, run, VALUES)
    run.refresh_from_db()
    decision = _decide(board, run)
    return run, decision, PlanApplication.objects.get(run=run)


def _dated(application: PlanApplication) -> list[dict[str, Any]]:
    """The application's changes that moved a start (the test portfolio has at least one)."""
    assert application.changes, "the plan moved at least one start"
    return list(application.changes)


def test_a_correction_that_rejects_undoes_the_plan_and_is_audited(board, client):
    world = board.world
    run, decision, applied = _applied(board)
    changed = _dated(applied)
    correction = flow.supersede(world.alice, decision, "rejected", "Het budget is ingetrokken.")
    undo = PlanApplication.objects.get(reverts=applied)
    assert undo.decision == correction and undo.run == run and undo.problems == []
    assert undo.changes == [{"code": c["code"], "before": c["after"], "after": c["before"]} for c in changed]
    for change in changed:
        initiative = Initiative.objects.get(code=change["code"])
        assert (initiative.start_date.isoformat() if initiative.start_date else None) == change["before"]
        event = AuditEvent.objects.for_object(initiative).filter(action="update").latest("occurred_at")
        assert event.actor == world.alice
        assert event.before["start_date"] == change["after"] and event.after["start_date"] == change["before"]
    recorded = AuditEvent.objects.for_object(undo).get(action="create")
    assert recorded.after["decision"] == correction.pk and recorded.after["reverts"] == applied.pk
    # One audit context for the correcting decision: the dates went back in the same request as the undo record.
    assert event.request_id == recorded.request_id
    client.force_login(world.bob)
    shown = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert f"Applied by decision {decision.reference}" in shown
    assert f"Undone by decision {correction.reference}" in shown
    assert f"{changed[0]['code']}: planned start back from {changed[0]['after']}" in shown


def test_an_initiative_moved_since_the_plan_is_left_alone_and_reported(board, client):
    from roer.portfolio.services import update_initiative

    world = board.world
    run, decision, applied = _applied(board)
    moved_code = _dated(applied)[0]["code"]
    moved = Initiative.objects.get(code=moved_code)
    update_initiative(world.alice, moved, {"start_date": dt.date(2028, 7, 1)}, moved.version)
    correction = flow.supersede(world.alice, decision, "rejected", "Toch niet.")
    undo = PlanApplication.objects.get(decision=correction)
    assert Initiative.objects.get(code=moved_code).start_date == dt.date(2028, 7, 1), "their date wins"
    assert undo.problems == [{"code": moved_code, "problem": "changed since the plan was applied", "now": "2028-07-01"}]
    assert all(change["code"] != moved_code for change in undo.changes)
    client.force_login(world.alice)
    shown = client.get(f"/planning/scenarios/runs/{run.pk}/").content.decode()
    assert f"{moved_code} left alone: changed since the plan was applied (now 2028-07-01)" in shown


def test_a_correction_that_approves_again_does_not_apply_twice(board):
    world = board.world
    run, decision, applied = _applied(board)
    again = flow.supersede(world.alice, decision, "approved", "Opnieuw goedgekeurd, zelfde plan.")
    assert PlanApplication.objects.filter(run=run).count() == 1
    assert apply_plan(again) == applied
    rejected = flow.supersede(world.alice, again, "rejected", "Nu toch afgewezen.")
    assert PlanApplication.objects.get(decision=rejected).reverts == applied, "the application in force is undone"
    restored = flow.supersede(world.alice, rejected, "approved", "Alsnog goedgekeurd.")
    reapplied = PlanApplication.objects.get(decision=restored)
    assert reapplied.reverts is None and reapplied.changes == applied.changes, "after an undo, approving applies again"
