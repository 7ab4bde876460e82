"""Formal advice from the consulted roles, and what follows once it is in (or lapsed)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.governance.models import (
    AdviceRequest,
    AdviceState,
    NotificationKind,
    Proposal,
    ProposalState,
    Scope,
)
from roer.governance.services import rights
from roer.governance.services.flow.common import clock_now, locked, voting_members
from roer.governance.services.notify import notify


def give_advice(
    user: Any, proposal: Proposal, role: str, position: str, text: str, now: datetime | None = None
) -> AdviceRequest:
    """Formal advice by a holder of the consulted role; it may be revised until the advice phase ends."""
    moment = clock_now(now)
    with transaction.atomic():
        stored = locked(proposal)
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
            after_advice(stored, moment)
    return request


def after_advice(proposal: Proposal, moment: datetime) -> None:
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
