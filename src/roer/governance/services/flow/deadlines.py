"""Deadlines that move proposals without anyone visiting a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction

from roer.governance import tally
from roer.governance.models import (
    OPEN_STATES,
    AdviceState,
    NotificationKind,
    Proposal,
    ProposalState,
)
from roer.governance.services.flow.advice import after_advice
from roer.governance.services.flow.common import clock_now, current_tally, locked
from roer.governance.services.flow.deciding import decide_by_consensus, escalate
from roer.governance.services.notify import notify


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
    moment = clock_now(now)
    report = DeadlineReport()
    for pk in Proposal.objects.filter(state=ProposalState.ADVICE, advice_due__lte=moment).values_list("pk", flat=True):
        with transaction.atomic():
            stored = locked(Proposal(pk=pk))
            if stored.state != ProposalState.ADVICE:
                continue
            for request in stored.advice.filter(state=AdviceState.REQUESTED):
                request.state = AdviceState.LAPSED  # recorded, and audited, per adviser
                request.lapsed_at = moment
                request.save()
            after_advice(stored, moment)
            report.advice_lapsed.append(stored.reference)
    for pk in Proposal.objects.filter(state=ProposalState.VOTING, vote_due__lte=moment).values_list("pk", flat=True):
        with transaction.atomic():
            stored = locked(Proposal(pk=pk))
            if stored.state != ProposalState.VOTING or stored.body is None:
                continue
            if tally.consensus(stored.body.consensus_rule, stored.body.quorum, current_tally(stored)):
                decide_by_consensus(stored, moment)
                report.consensus.append(stored.reference)
            else:
                escalate(stored, moment)
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
