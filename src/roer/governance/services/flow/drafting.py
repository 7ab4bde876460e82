"""Drafting, submitting, withdrawing and (re)classifying a proposal."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.governance.models import (
    AdviceRequest,
    NotificationKind,
    Proposal,
    ProposalState,
    Scope,
    ScopeChange,
    SubjectKind,
)
from roer.governance.services import rights
from roer.governance.services.flow.advice import after_advice
from roer.governance.services.flow.common import StaleProposal, clock_now, locked
from roer.governance.services.notify import notify
from roer.governance.services.references import next_reference
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
    moment = clock_now(now)
    with transaction.atomic():
        proposal = Proposal(proposer=user, created_at=moment, **values)
        proposal.reference = next_reference(Proposal, "B", moment)
        proposal.full_clean(exclude=["reference", "proposer"])
        proposal.save()
    return proposal


def update_proposal(user: Any, proposal: Proposal, values: dict[str, Any], version: int) -> Proposal:
    """Change a draft; refused once submitted, and when based on an older version."""
    with transaction.atomic():
        stored = locked(proposal)
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
    moment = clock_now(now)
    with transaction.atomic():
        stored = locked(proposal)
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
            after_advice(stored, moment)
    return stored


def withdraw(user: Any, proposal: Proposal, reason: str) -> Proposal:
    with transaction.atomic():
        stored = locked(proposal)
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
    moment = clock_now(now)
    with transaction.atomic():
        stored = locked(proposal)
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
            after_advice(stored, moment)
    return stored
