"""A proposal's path to a decision: classification, formal advice, consensus, then mandate.

draft ──submit──▶ advice ──all advice in, or its deadline passed──▶
    local:          awaiting decision ──the unit's own CIO decides──▶ decided (unit mandate)
    cross-cutting:  voting ──everyone voted, consensus──▶ decided (consensus)
                           ──deadline: consensus──▶ decided (consensus)
                           ──deadline: no consensus──▶ escalated ──mandate holder decides──▶ decided (mandate)

Deadlines move without anyone visiting a page: ``process_deadlines`` runs from the
``roer governance-deadlines`` command (cron) and from the background worker. Every step
is one transaction, audited through the models' audit registration; notifications go out
after commit. Times are passed in (``now``) so tests run on a frozen clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from roer.governance import tally
from roer.governance.models import (
    OPEN_STATES,
    AdviceRequest,
    AdviceState,
    Basis,
    Decision,
    Dissent,
    MemberCapacity,
    Membership,
    NotificationKind,
    Outcome,
    Position,
    Proposal,
    ProposalState,
    Scope,
    ScopeChange,
    SubjectKind,
    Vote,
)
from roer.governance.services import effects, rights
from roer.governance.services.notify import notify
from roer.governance.services.references import next_reference
from roer.organisation.models import Person
from roer.portfolio.models import Initiative

PROPOSAL_FIELDS = (
    "title",
    "summary",
    "subject_kind",
    "initiative",
    "gate",
    "framework_version",
    "compliance_statement",
    "policy_topic",
    "subject_reference",
    "budget_change",
    "decision_type",
    "org_unit",
    "scope",
    "scope_reason",
    "body",
    "involves_personal_data",
)

# What each subject needs besides the common fields.
SUBJECT_NEEDS: dict[str, tuple[str, ...]] = {
    SubjectKind.GATE: ("initiative", "gate"),
    SubjectKind.INITIATIVE: ("initiative",),
    SubjectKind.FRAMEWORK: ("framework_version",),
    SubjectKind.POLICY: ("policy_topic",),
    SubjectKind.BUDGET: ("budget_change",),
    SubjectKind.REBASELINE: ("initiative",),
    SubjectKind.EXEMPTION: ("compliance_statement",),
    SubjectKind.PLAN: ("subject_reference",),
}


class StaleProposal(Exception):
    def __init__(self, current: Proposal) -> None:
        super().__init__(f"{current.reference} changed meanwhile (version {current.version})")
        self.current = current


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _locked(proposal: Proposal) -> Proposal:
    locked: Proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("decision_type", "org_unit", "body__org_unit", "body__mandate_holder")
        .get(pk=proposal.pk)
    )
    return locked


# --- drafting -----------------------------------------------------------------------------------


def _check_values(values: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    for name in SUBJECT_NEEDS.get(values.get("subject_kind") or "", ()):
        if values.get(name) in (None, ""):
            errors.setdefault(name, []).append(_("This subject needs this field."))
    if not str(values.get("scope_reason") or "").strip():
        errors.setdefault("scope_reason", []).append(
            _("Say why the proposal is local or cross-cutting: the classification decides who decides.")
        )
    body = values.get("body")
    unit = values.get("org_unit")
    if values.get("scope") == Scope.CROSS_CUTTING:
        if body is None:
            errors.setdefault("body", []).append(_("A cross-cutting proposal goes to a council: choose the body."))
        elif unit is not None and not unit.path.startswith(body.org_unit.path):
            errors.setdefault("body", []).append(
                _("%(body)s decides for %(scope)s, which does not include %(unit)s.")
                % {"body": body, "scope": body.org_unit, "unit": unit}
            )
    initiative = values.get("initiative")
    if initiative is not None and unit is not None and not initiative.org_unit.path.startswith(unit.path):
        errors.setdefault("org_unit", []).append(
            _("The initiative belongs to %(unit)s: propose it there or above.") % {"unit": initiative.org_unit}
        )
    if errors:
        raise ValidationError(errors)


def create_proposal(user: Any, values: dict[str, Any], now: datetime | None = None) -> Proposal:
    """A draft proposal; the proposer needs a responsible or accountable role for its decision type."""
    values = {key: value for key, value in values.items() if key in PROPOSAL_FIELDS}
    initiative = values.get("initiative")
    if values.get("org_unit") is None and isinstance(initiative, Initiative):
        values["org_unit"] = initiative.org_unit
    if values.get("org_unit") is None or values.get("decision_type") is None:
        raise ValidationError(
            {name: [_("This field is required.")] for name in ("org_unit", "decision_type") if values.get(name) is None}
        )
    if not rights.may_propose(user, values["decision_type"], values["org_unit"].path):
        raise PermissionDenied(
            _("Only a role that is responsible or accountable for %(type)s in %(unit)s may propose it.")
            % {"type": values["decision_type"], "unit": values["org_unit"]}
        )
    _check_values(values)
    moment = _now(now)
    with transaction.atomic():
        proposal = Proposal(proposer=user, created_at=moment, **values)
        proposal.reference = next_reference(Proposal, "B", moment)
        proposal.full_clean(exclude=["reference", "proposer"])
        proposal.save()
    return proposal


def update_proposal(user: Any, proposal: Proposal, values: dict[str, Any], version: int) -> Proposal:
    """Change a draft; refused once submitted, and when based on an older version."""
    with transaction.atomic():
        stored = _locked(proposal)
        if stored.version != version:
            raise StaleProposal(stored)
        if stored.state != ProposalState.DRAFT:
            raise ValidationError(_("Only a draft can be changed; a submitted proposal follows its course."))
        if stored.proposer_id != user.pk:
            raise PermissionDenied(_("Only the proposer changes a draft."))
        merged = {name: getattr(stored, name) for name in PROPOSAL_FIELDS}
        merged.update({key: value for key, value in values.items() if key in PROPOSAL_FIELDS and key != "scope"})
        if not rights.may_propose(user, merged["decision_type"], merged["org_unit"].path):
            raise PermissionDenied(_("You may not propose this decision type in this unit."))
        _check_values(merged | {"scope": stored.scope})
        for name, value in merged.items():
            setattr(stored, name, value)
        stored.version += 1
        stored.full_clean()
        stored.save()
    return stored


def submit(user: Any, proposal: Proposal, now: datetime | None = None) -> Proposal:
    """Send the draft on its way: advice is requested from every consulted role."""
    moment = _now(now)
    with transaction.atomic():
        stored = _locked(proposal)
        if stored.proposer_id != user.pk and not rights.may_propose(user, stored.decision_type, stored.org_unit.path):
            raise PermissionDenied(_("Only the proposer, or a responsible role, submits a proposal."))
        if stored.state != ProposalState.DRAFT:
            raise ValidationError(_("This proposal was already submitted."))
        stored.submitted_at = moment
        stored.version += 1
        roles = rights.required_adviser_roles(stored)
        if roles:
            stored.state = ProposalState.ADVICE
            stored.advice_due = moment + timedelta(days=stored.decision_type.advice_days)
            stored.save()
            for role in roles:
                AdviceRequest.objects.create(proposal=stored, role=role, requested_at=moment, due=stored.advice_due)
                notify(
                    rights.holders_of(role, stored.org_unit.path),
                    NotificationKind.ADVICE_REQUESTED,
                    proposal=stored,
                    now=moment,
                )
        else:
            stored.save()
            _after_advice(stored, moment)
    return stored


def withdraw(user: Any, proposal: Proposal, reason: str) -> Proposal:
    with transaction.atomic():
        stored = _locked(proposal)
        if stored.proposer_id != user.pk:
            raise PermissionDenied(_("Only the proposer withdraws a proposal."))
        if stored.state in (ProposalState.DECIDED, ProposalState.WITHDRAWN):
            raise ValidationError(_("A decided or withdrawn proposal cannot be withdrawn."))
        if not reason.strip():
            raise ValidationError({"withdrawal_reason": [_("Say why the proposal is withdrawn.")]})
        stored.state = ProposalState.WITHDRAWN
        stored.withdrawal_reason = reason
        stored.version += 1
        stored.save()
    return stored


# --- classification -----------------------------------------------------------------------------


def may_reclassify(user: Any, proposal: Proposal) -> bool:
    body = proposal.body
    if body is not None and user.pk in (body.chair_id, body.secretary_id, body.mandate_holder_id):
        return True
    return rights.may_decide_locally(user, proposal)


def reclassify(
    user: Any, proposal: Proposal, to_scope: str, reason: str, body: Any = None, now: datetime | None = None
) -> Proposal:
    """Local ↔ cross-cutting, with a recorded reason; not once a council member has voted."""
    moment = _now(now)
    with transaction.atomic():
        stored = _locked(proposal)
        if not may_reclassify(user, stored):
            raise PermissionDenied(
                _("Only the unit's CIO or the council's chair, secretary or mandate holder may reclassify.")
            )
        if stored.state in (ProposalState.DECIDED, ProposalState.WITHDRAWN, ProposalState.ESCALATED):
            raise ValidationError(_("The proposal can no longer be reclassified."))
        if stored.votes.exists():
            raise ValidationError(_("Council members have voted; the classification can no longer change."))
        if to_scope == stored.scope:
            raise ValidationError({"scope": [_("The proposal already has this scope.")]})
        if not reason.strip():
            raise ValidationError({"reason": [_("Say why the proposal is reclassified.")]})
        new_body = body if to_scope == Scope.CROSS_CUTTING else None
        _check_values(
            {
                "scope": to_scope,
                "scope_reason": reason,
                "body": new_body or stored.body if to_scope == Scope.CROSS_CUTTING else None,
                "org_unit": stored.org_unit,
            }
        )
        ScopeChange.objects.create(
            proposal=stored,
            from_scope=stored.scope,
            to_scope=to_scope,
            reason=reason,
            changed_by=user,
            changed_at=moment,
        )
        stored.scope = to_scope
        stored.scope_reason = reason
        if to_scope == Scope.CROSS_CUTTING:
            stored.body = new_body or stored.body
        stored.version += 1
        stored.save()
        if stored.state in (ProposalState.AWAITING_DECISION, ProposalState.VOTING):
            _after_advice(stored, moment)
    return stored


# --- advice -------------------------------------------------------------------------------------


def give_advice(
    user: Any, proposal: Proposal, role: str, position: str, text: str, now: datetime | None = None
) -> AdviceRequest:
    """Formal advice by a holder of the consulted role; it may be revised until the advice phase ends."""
    moment = _now(now)
    with transaction.atomic():
        stored = _locked(proposal)
        request = stored.advice.filter(role=role).first()
        if request is None:
            raise ValidationError({"role": [_("No advice of this role is asked for this proposal.")]})
        if not rights.may_advise(user, stored, role):
            raise PermissionDenied(_("Only the holder of this adviser role may give this advice."))
        if stored.state != ProposalState.ADVICE or request.state == AdviceState.LAPSED:
            raise ValidationError(_("The advice phase is over; advice can no longer be given."))
        if not text.strip():
            raise ValidationError({"text": [_("Write the advice: what you advise, and why.")]})
        request.state = AdviceState.GIVEN
        request.adviser = user
        request.position = position
        request.text = text
        request.given_at = moment
        request.full_clean()
        request.save()
        if not stored.advice.filter(state=AdviceState.REQUESTED).exists():
            _after_advice(stored, moment)
    return request


def missing_advice(proposal: Proposal) -> list[AdviceRequest]:
    return list(proposal.advice.filter(state=AdviceState.REQUESTED))


def _after_advice(proposal: Proposal, moment: datetime) -> None:
    """Advice is complete (or lapsed): on to the local decider or to the council's vote."""
    if proposal.scope == Scope.LOCAL:
        proposal.state = ProposalState.AWAITING_DECISION
        proposal.vote_due = None
        proposal.save()
        notify(rights.local_deciders(proposal), NotificationKind.DECISION_DUE, proposal=proposal, now=moment)
        return
    proposal.state = ProposalState.VOTING
    proposal.vote_due = moment + timedelta(days=proposal.decision_type.vote_days)
    proposal.save()
    notify(voting_members(proposal), NotificationKind.VOTE_DUE, proposal=proposal, now=moment)


# --- the council's vote -------------------------------------------------------------------------


def voting_members(proposal: Proposal, on: date | None = None) -> list[Person]:
    if proposal.body is None:
        return []
    day = on or timezone.localdate()
    memberships = (
        Membership.objects.filter(body=proposal.body, capacity=MemberCapacity.VOTING, since__lte=day)
        .exclude(until__lt=day)
        .select_related("person")
    )
    return [membership.person for membership in memberships if membership.person.is_active]


def current_tally(proposal: Proposal) -> tally.Tally:
    members = {person.pk for person in voting_members(proposal)}
    positions = [vote.position for vote in proposal.votes.all() if vote.member_id in members]
    return tally.count(positions, len(members))


def cast_vote(user: Any, proposal: Proposal, position: str, reason: str = "", now: datetime | None = None) -> Vote:
    """A voting member agrees, objects (with a reason) or abstains; a vote may change until the deadline."""
    moment = _now(now)
    with transaction.atomic():
        stored = _locked(proposal)
        if stored.state != ProposalState.VOTING:
            raise ValidationError(_("This proposal is not open for votes."))
        if stored.vote_due is not None and moment >= stored.vote_due:
            raise ValidationError(_("The vote closed at %(when)s.") % {"when": _when(stored.vote_due)})
        if user.pk not in {person.pk for person in voting_members(stored, timezone.localdate(moment))}:
            raise PermissionDenied(_("Only the council's voting members vote."))
        if position not in Position.values:
            raise ValidationError({"position": [_("Choose agree, object or abstain.")]})
        if position == Position.OBJECT and not reason.strip():
            raise ValidationError({"reason": [_("An objection needs its reason.")]})
        vote, _created = Vote.objects.update_or_create(
            proposal=stored, member=user, defaults={"position": position, "reason": reason, "cast_at": moment}
        )
        body = stored.body
        assert body is not None
        if tally.closes_early(body.consensus_rule, body.quorum, current_tally(stored)):
            _decide_by_consensus(stored, moment)
    return vote


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
                % {"role": request.get_role_display(), "when": _when(request.due)}
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


def _decide_by_consensus(proposal: Proposal, moment: datetime) -> Decision:
    return _record(
        proposal,
        outcome=Outcome.APPROVED,
        basis=Basis.CONSENSUS,
        moment=moment,
        rationale=_("Consensus of %(body)s.") % {"body": proposal.body},
    )


def _escalate(proposal: Proposal, moment: datetime) -> None:
    target = rights.escalation_target(proposal)
    proposal.state = ProposalState.ESCALATED
    proposal.escalated_at = moment
    proposal.escalated_to = target
    proposal.decision_due = moment + timedelta(days=proposal.decision_type.escalation_days)
    proposal.version += 1
    proposal.save()
    notify([target] if target else [], NotificationKind.ESCALATED, proposal=proposal, now=moment)


# --- deciding -----------------------------------------------------------------------------------


def _not_yet(proposal: Proposal) -> ValidationError:
    if proposal.state == ProposalState.ADVICE:
        missing = ", ".join(str(request.get_role_display()) for request in missing_advice(proposal))
        assert proposal.advice_due is not None
        return ValidationError(
            _(
                "The required advice is not in yet (%(missing)s). The decision can be taken once it is, "
                "or after the advice deadline of %(when)s."
            )
            % {"missing": missing, "when": _when(proposal.advice_due)}
        )
    if proposal.state == ProposalState.VOTING:
        assert proposal.vote_due is not None
        return ValidationError(
            _(
                "The council votes until %(when)s: the decision follows from its consensus, "
                "or else from the mandate holder after escalation."
            )
            % {"when": _when(proposal.vote_due)}
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
    moment = _now(now)
    with transaction.atomic():
        stored = _locked(proposal)
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
    moment = _now(now)
    with transaction.atomic():
        proposal = _locked(decision.proposal)
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


# --- deadlines ----------------------------------------------------------------------------------


@dataclass
class DeadlineReport:
    advice_lapsed: list[str] = field(default_factory=list)
    consensus: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.advice_lapsed or self.consensus or self.escalated or self.reminded)


REMINDER_INTERVAL = timedelta(days=1)


def process_deadlines(now: datetime | None = None) -> DeadlineReport:
    """Move every proposal whose deadline has passed; safe to run as often as you like."""
    moment = _now(now)
    report = DeadlineReport()
    for pk in Proposal.objects.filter(state=ProposalState.ADVICE, advice_due__lte=moment).values_list("pk", flat=True):
        with transaction.atomic():
            stored = _locked(Proposal(pk=pk))
            if stored.state != ProposalState.ADVICE:
                continue
            for request in stored.advice.filter(state=AdviceState.REQUESTED):
                request.state = AdviceState.LAPSED  # recorded, and audited, per adviser
                request.lapsed_at = moment
                request.save()
            _after_advice(stored, moment)
            report.advice_lapsed.append(stored.reference)
    for pk in Proposal.objects.filter(state=ProposalState.VOTING, vote_due__lte=moment).values_list("pk", flat=True):
        with transaction.atomic():
            stored = _locked(Proposal(pk=pk))
            if stored.state != ProposalState.VOTING or stored.body is None:
                continue
            if tally.consensus(stored.body.consensus_rule, stored.body.quorum, current_tally(stored)):
                _decide_by_consensus(stored, moment)
                report.consensus.append(stored.reference)
            else:
                _escalate(stored, moment)
                report.escalated.append(stored.reference)
    overdue = Proposal.objects.filter(state=ProposalState.ESCALATED, decision_due__lte=moment)
    for proposal in overdue.select_related("escalated_to"):
        if proposal.reminded_at is not None and moment - proposal.reminded_at < REMINDER_INTERVAL:
            continue
        with transaction.atomic():
            Proposal.objects.filter(pk=proposal.pk).update(reminded_at=moment)
            target = proposal.escalated_to
            notify([target] if target else [], NotificationKind.DECISION_DUE, proposal=proposal, now=moment)
        report.reminded.append(proposal.reference)
    return report


def open_proposals_for(user: Any) -> Any:
    return Proposal.objects.for_user(user).filter(state__in=OPEN_STATES)
