"""Taking a decision: by the unit's CIO, by consensus, or by the mandate holder; corrections supersede."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.governance.models import (
    AdviceState,
    Basis,
    Decision,
    Dissent,
    NotificationKind,
    Outcome,
    Position,
    Proposal,
    ProposalState,
    Scope,
)
from roer.governance.services import effects, rights
from roer.governance.services.flow.common import clock_now, locked, missing_advice, voting_members, when
from roer.governance.services.notify import notify
from roer.governance.services.references import next_reference


def _dissent_of(proposal: Proposal, decision: Decision) -> None:
    for vote in proposal.votes.select_related("member").exclude(position=Position.AGREE):
        Dissent.objects.create(decision=decision, member=vote.member, position=vote.position, reason=vote.reason)


def _advice_summary(proposal: Proposal) -> str:
    lines = []
    for request in proposal.advice.select_related("adviser").order_by("role"):
        if request.state == AdviceState.GIVEN:
            lines.append(
                f"{request.get_role_display()} ({request.adviser}): {request.get_position_display()} — {request.text}"
            )
        elif request.state == AdviceState.LAPSED:
            lines.append(
                _("%(role)s: no advice by the deadline of %(when)s")
                % {"role": request.get_role_display(), "when": when(request.due)}
            )
    return "\n".join(lines)


def _record(
    proposal: Proposal,
    *,
    outcome: str,
    basis: str,
    moment: datetime,
    decided_by: Any = None,
    rationale: str = "",
    conditions: str = "",
    valid_until: date | None = None,
    meeting: Any = None,
    supersedes: Decision | None = None,
) -> Decision:
    if valid_until is None and proposal.compliance_statement is not None:
        valid_until = proposal.compliance_statement.exemption_until
    decision = Decision(
        reference=next_reference(Decision, "D", moment),
        proposal=proposal,
        outcome=outcome,
        basis=basis,
        rationale=rationale,
        conditions=conditions,
        decided_by=decided_by,
        body=proposal.body if proposal.scope == Scope.CROSS_CUTTING else None,
        decided_at=moment,
        meeting=meeting,
        supersedes=supersedes,
        valid_until=valid_until,
        advice_summary=_advice_summary(proposal),
    )
    decision.full_clean(exclude=["supersedes"])
    decision.save()
    if supersedes is None:
        _dissent_of(proposal, decision)
    proposal.state = ProposalState.DECIDED
    proposal.version += 1
    proposal.save()
    effects.apply(decision)
    informed = rights.all_holders(rights.roles_for(proposal.decision_type, "I"), proposal.org_unit.path)
    advisers = [request.adviser for request in proposal.advice.select_related("adviser") if request.adviser]
    notify(
        [proposal.proposer, *informed, *advisers, *voting_members(proposal)],
        NotificationKind.DECISION_TAKEN,
        proposal=proposal,
        decision=decision,
        now=moment,
    )
    return decision


def decide_by_consensus(proposal: Proposal, moment: datetime) -> Decision:
    return _record(
        proposal,
        outcome=Outcome.APPROVED,
        basis=Basis.CONSENSUS,
        moment=moment,
        rationale=_("Consensus of %(body)s.") % {"body": proposal.body},
    )


def escalate(proposal: Proposal, moment: datetime) -> None:
    target = rights.escalation_target(proposal)
    proposal.state = ProposalState.ESCALATED
    proposal.escalated_at = moment
    proposal.escalated_to = target
    proposal.decision_due = moment + timedelta(days=proposal.decision_type.escalation_days)
    proposal.version += 1
    proposal.save()
    notify([target] if target else [], NotificationKind.ESCALATED, proposal=proposal, now=moment)


def _not_yet(proposal: Proposal) -> ValidationError:
    if proposal.state == ProposalState.ADVICE:
        missing = ", ".join(str(request.get_role_display()) for request in missing_advice(proposal))
        assert proposal.advice_due is not None
        return ValidationError(
            _(
                "The required advice is not in yet (%(missing)s). The decision can be taken once it is, "
                "or after the advice deadline of %(when)s."
            )
            % {"missing": missing, "when": when(proposal.advice_due)}
        )
    if proposal.state == ProposalState.VOTING:
        assert proposal.vote_due is not None
        return ValidationError(
            _(
                "The council votes until %(when)s: the decision follows from its consensus, "
                "or else from the mandate holder after escalation."
            )
            % {"when": when(proposal.vote_due)}
        )
    if proposal.state == ProposalState.DRAFT:
        return ValidationError(_("A draft cannot be decided: submit it first."))
    return ValidationError(_("This proposal was already decided or withdrawn."))


def may_decide(user: Any, proposal: Proposal) -> bool:
    if proposal.state == ProposalState.AWAITING_DECISION:
        return rights.may_decide_locally(user, proposal)
    if proposal.state == ProposalState.ESCALATED:
        return rights.may_decide_by_mandate(user, proposal)
    return False


def decide(
    user: Any,
    proposal: Proposal,
    outcome: str,
    rationale: str,
    conditions: str = "",
    valid_until: date | None = None,
    meeting: Any = None,
    now: datetime | None = None,
) -> Decision:
    """The unit's CIO on a local proposal, or the mandate holder after a failed consensus."""
    moment = clock_now(now)
    with transaction.atomic():
        stored = locked(proposal)
        if stored.state not in (ProposalState.AWAITING_DECISION, ProposalState.ESCALATED):
            raise _not_yet(stored)
        if not may_decide(user, stored):
            if stored.state == ProposalState.ESCALATED:
                raise PermissionDenied(
                    _("Only %(person)s, to whom the proposal was escalated and who is accountable, decides it.")
                    % {"person": stored.escalated_to}
                )
            raise PermissionDenied(
                _("Only the unit's own accountable role (%(people)s) decides this local proposal.")
                % {"people": ", ".join(str(person) for person in rights.local_deciders(stored)) or "—"}
            )
        _check_decision(stored, outcome, rationale, conditions)
        basis = Basis.MANDATE if stored.state == ProposalState.ESCALATED else Basis.UNIT_MANDATE
        return _record(
            stored,
            outcome=outcome,
            basis=basis,
            moment=moment,
            decided_by=user,
            rationale=rationale,
            conditions=conditions,
            valid_until=valid_until,
            meeting=meeting,
        )


def _check_decision(proposal: Proposal, outcome: str, rationale: str, conditions: str) -> None:
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose approved, approved with conditions or rejected.")]
    if not rationale.strip():
        errors["rationale"] = [_("A decision states its rationale.")]
    if outcome == Outcome.CONDITIONAL and not conditions.strip():
        errors["conditions"] = [_("State the conditions.")]
    if errors:
        raise ValidationError(errors)


def _may_correct(user: Any, proposal: Proposal) -> bool:
    if proposal.scope == Scope.LOCAL:
        return rights.may_decide_locally(user, proposal)
    return (
        proposal.body is not None
        and proposal.body.mandate_holder_id == user.pk
        and rights.holds(user, proposal.decision_type, "A", proposal.body.org_unit.path)
    )


def may_supersede(user: Any, decision: Decision) -> bool:
    """Whether ``user`` may correct ``decision``: the accountable decider, while the decision is in force."""
    return in_force(decision) and _may_correct(user, decision.proposal)


def supersede(
    user: Any,
    decision: Decision,
    outcome: str,
    rationale: str,
    conditions: str = "",
    valid_until: date | None = None,
    now: datetime | None = None,
) -> Decision:
    """A correction: a new decision that supersedes ``decision``; the old one stays as it was."""
    moment = clock_now(now)
    with transaction.atomic():
        proposal = locked(decision.proposal)
        if Decision.objects.filter(supersedes=decision).exists():
            raise ValidationError(_("This decision was already superseded; correct the newest one."))
        if not _may_correct(user, proposal):
            raise PermissionDenied(
                _("Only the accountable decider (the unit's CIO, or the council's mandate holder) corrects a decision.")
            )
        _check_decision(proposal, outcome, rationale, conditions)
        return _record(
            proposal,
            outcome=outcome,
            basis=Basis.CORRECTION,
            moment=moment,
            decided_by=user,
            rationale=rationale,
            conditions=conditions,
            valid_until=valid_until,
            supersedes=decision,
        )


def in_force(decision: Decision) -> bool:
    return not Decision.objects.filter(supersedes=decision).exists()
