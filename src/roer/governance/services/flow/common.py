"""What every step of the flow shares: the clock, row locks, the council's voting members."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

from roer.governance import tally
from roer.governance.models import AdviceRequest, AdviceState, MemberCapacity, Membership, Proposal
from roer.organisation.models import Person


class StaleProposal(Exception):
    def __init__(self, current: Proposal) -> None:
        super().__init__(f"{current.reference} changed meanwhile (version {current.version})")
        self.current = current


def clock_now(now: datetime | None) -> datetime:
    return now or timezone.now()


def when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def locked(proposal: Proposal) -> Proposal:
    row: Proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("decision_type", "org_unit", "body__org_unit", "body__mandate_holder")
        .get(pk=proposal.pk)
    )
    return row


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


def missing_advice(proposal: Proposal) -> list[AdviceRequest]:
    return list(proposal.advice.filter(state=AdviceState.REQUESTED))
