"""Applying a plan: proposed as a governance proposal (subject "plan"); an approving decision
sets each funded initiative's planned start and records the application. A correcting
decision that rejects the plan undoes the application in force: each start the plan set
goes back, unless someone changed it since.

The hook runs inside the deciding transaction (``roer.governance.services.effects``), so
the decision and the calendar change stand or fall together. Each start date changes
through ``roer.portfolio.services.update_initiative``: versioned and audited.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from roer.audit.context import acting, current
from roer.planning.models.scenarios import PlanApplication, RunState, SolveRun
from roer.planning.services.build import horizon_start, quarter_start
from roer.planning.services.scenarios import require_change
from roer.portfolio.models import Initiative

REFERENCE_PREFIX = "solve-run:"
# Stored on the undo in English, translated when shown (like the worker's progress texts).
CHANGED_SINCE = gettext_noop("changed since the plan was applied")


def may_propose(run: SolveRun) -> bool:
    plan = run.plan_json or {}
    return run.state == RunState.DONE and plan.get("status") in ("optimal", "feasible") and run.proposal_id is None


def propose_plan(user: Any, run: SolveRun, values: dict[str, Any]) -> Any:
    """A proposal to apply ``run``'s plan, submitted at once; ``values`` are the proposal's own fields."""
    from roer.governance.models import DecisionType, SubjectKind
    from roer.governance.services import flow

    require_change(user, run.scenario)
    if not may_propose(run):
        raise ValidationError(_("Only a finished, feasible plan that was not proposed before can be proposed."))
    decision_type = DecisionType.objects.get(code="plan")
    with transaction.atomic():
        proposal = flow.create_proposal(
            user,
            {
                **values,
                "subject_kind": SubjectKind.PLAN,
                "subject_reference": f"{REFERENCE_PREFIX}{run.pk}",
                "decision_type": decision_type,
                "org_unit": run.scenario.org_unit,
            },
        )
        proposal = flow.submit(user, proposal)
        SolveRun.objects.filter(pk=run.pk).update(proposal=proposal)
        run.proposal = proposal
    return proposal


def run_of(reference: str) -> SolveRun | None:
    if not reference.startswith(REFERENCE_PREFIX):
        return None
    try:
        return SolveRun.objects.select_related("scenario__org_unit").get(pk=int(reference[len(REFERENCE_PREFIX) :]))
    except (ValueError, SolveRun.DoesNotExist):
        return None


def start_date_of(run: SolveRun, start: int) -> datetime.date:
    return quarter_start(horizon_start(run.scenario) + start)


def apply_decision(decision: Any) -> None:
    """The governance hook for subject "plan": approving applies the run's plan once, rejecting undoes it."""
    if decision.approves:
        apply_plan(decision)
    else:
        undo_plan(decision)


def in_force(run: SolveRun) -> PlanApplication | None:
    """The application of ``run`` whose dates stand: applied and not undone since."""
    return (
        PlanApplication.objects.filter(run=run, reverts__isnull=True, reverted_by__isnull=True)
        .select_related("decision")
        .first()
    )


def _decider(decision: Any) -> Any:
    # The calendar changes are the decider's, labelled with the decision (a consensus has no single decider).
    outer = current()
    return acting(actor=outer.actor or decision.decided_by, source=outer.source, label=f"decision:{decision.reference}")


def apply_plan(decision: Any) -> PlanApplication | None:
    """Set the planned starts of the funded initiatives; the recorded application (None: nothing to apply).

    A correction that approves again finds the earlier application still in force and returns
    it: the plan is applied once.
    """
    if not decision.approves:
        return None
    run = run_of(decision.proposal.subject_reference)
    if run is None or run.plan_json is None:
        return None
    existing = PlanApplication.objects.filter(decision=decision).first() or in_force(run)
    if existing is not None:
        return existing
    with _decider(decision):
        return _apply(run, decision, decision.decided_by or decision.proposal.proposer)


def _apply(run: SolveRun, decision: Any, actor: Any) -> PlanApplication:
    from roer.portfolio.services import Refused, update_initiative

    running = {code for code, details in run.candidates.items() if details.get("running")}
    changes, problems = [], []
    for funded in (run.plan_json or {}).get("funded", []):
        code, start = funded["id"], funded["start"]
        if code in running:
            continue  # already running: its start is history, not a plan
        initiative = Initiative.objects.filter(code=code).first()
        if initiative is None:
            problems.append({"code": code, "problem": _("the initiative no longer exists")})
            continue
        new = start_date_of(run, start)
        old = initiative.start_date
        if old == new:
            continue
        try:
            with transaction.atomic():
                update_initiative(actor, initiative, {"start_date": new}, initiative.version)
        except (Refused, ValidationError, PermissionDenied) as exc:
            problems.append({"code": code, "problem": str(exc)})
            continue
        changes.append({"code": code, "before": old.isoformat() if old else None, "after": new.isoformat()})
    return PlanApplication.objects.create(run=run, decision=decision, changes=changes, problems=problems)


def undo_plan(decision: Any) -> PlanApplication | None:
    """A decision that rejects the plan undoes the application in force; the undo (None: nothing applied)."""
    if decision.approves:
        return None
    run = run_of(decision.proposal.subject_reference)
    if run is None:
        return None
    existing = PlanApplication.objects.filter(decision=decision).first()
    if existing is not None:
        return existing
    applied = in_force(run)
    if applied is None:
        return None
    with _decider(decision):
        return _undo(applied, decision, decision.decided_by or decision.proposal.proposer)


def _undo(applied: PlanApplication, decision: Any, actor: Any) -> PlanApplication:
    from roer.portfolio.services import Refused, update_initiative

    changes, problems = [], []
    for change in applied.changes:
        code = change["code"]
        initiative = Initiative.objects.filter(code=code).first()
        if initiative is None:
            problems.append({"code": code, "problem": gettext_noop("the initiative no longer exists")})
            continue
        current_start = initiative.start_date.isoformat() if initiative.start_date else None
        if current_start != change["after"]:
            # Someone moved it after the plan: their date wins over the plan's old one.
            problems.append({"code": code, "problem": CHANGED_SINCE, "now": current_start})
            continue
        before = datetime.date.fromisoformat(change["before"]) if change["before"] else None
        try:
            with transaction.atomic():
                update_initiative(actor, initiative, {"start_date": before}, initiative.version)
        except (Refused, ValidationError, PermissionDenied) as exc:
            problems.append({"code": code, "problem": str(exc)})
            continue
        changes.append({"code": code, "before": change["after"], "after": change["before"]})
    return PlanApplication.objects.create(
        run=applied.run, decision=decision, changes=changes, problems=problems, reverts=applied
    )
