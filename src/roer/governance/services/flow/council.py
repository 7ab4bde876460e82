"""The council's vote: agree, object with a reason, or abstain; consensus may close it early."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.governance import tally
from roer.governance.models import (
    Position,
    Proposal,
    ProposalState,
    Vote,
)
from roer.governance.services.flow.common import clock_now, current_tally, locked, voting_members, when
from roer.governance.services.flow.deciding import decide_by_consensus


def cast_vote(user: Any, proposal: Proposal, position: str, reason: str = "", now: datetime | None = None) -> Vote:
    """A voting member agrees, objects (with a reason) or abstains; a vote may change until the deadline."""
    moment = clock_now(now)
    with transaction.atomic():
        stored = locked(proposal)
        if stored.state != ProposalState.VOTING:
            raise ValidationError(_("This proposal is not open for votes."))
        if stored.vote_due is not None and moment >= stored.vote_due:
            raise ValidationError(_("The vote closed at %(when)s.") % {"when": when(stored.vote_due)})
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
            decide_by_consensus(stored, moment)
    return vote
