"""The demo's governance: every proposal state, a mandate decision with its dissent, frameworks
with comply-or-explain, meetings with an evaluation trend, and an inbox per demo login — all
built through the flow, so the history is real and audited, and nothing is left for the deadline job."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.demo.builder import build_small
from roer.demo.governance import BOARD, COUNCIL
from roer.governance.models import (
    AdviceState,
    Basis,
    Body,
    CollaborationEvaluation,
    ComplianceState,
    ComplianceStatement,
    Decision,
    Dissent,
    Framework,
    Meeting,
    MeetingState,
    MemberCapacity,
    Notification,
    NotificationKind,
    Proposal,
    ProposalState,
)
from roer.governance.services import flow, rights

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def test_the_demo_governance_is_complete() -> None:
    """One build (it takes seconds), checked part by part."""
    build_small(TODAY)
    _council_with_the_department_cios_a_mandate_holder_and_the_three_advisers()
    _proposals_in_every_state_and_a_mandate_decision_with_its_dissent()
    _two_frameworks_with_statements_and_one_granted_exemption()
    _meetings_evaluations_and_inboxes()


def _council_with_the_department_cios_a_mandate_holder_and_the_three_advisers() -> None:
    council = Body.objects.get(name=COUNCIL)
    assert council.mandate_holder.username == "marieke"
    assert council.chair.username == "marieke"
    voting = set(council.memberships.filter(capacity=MemberCapacity.VOTING).values_list("person__username", flat=True))
    advisory = set(
        council.memberships.filter(capacity=MemberCapacity.ADVISORY).values_list("person__username", flat=True)
    )
    assert voting == {"joost", "samira", "pieter", "ingrid", "ruud"}
    assert advisory == {"lotte", "daan", "yusuf"}
    assert Body.objects.get(name=BOARD).chair.username == "gerard"


def _proposals_in_every_state_and_a_mandate_decision_with_its_dissent() -> None:
    assert set(Proposal.objects.values_list("state", flat=True)) == set(ProposalState.values)
    assert set(Decision.objects.values_list("basis", flat=True)) == set(Basis.values)

    mandate = Decision.objects.get(basis=Basis.MANDATE)
    assert mandate.decided_by is not None and mandate.decided_by.username == "marieke"
    assert mandate.proposal.escalated_to == mandate.decided_by
    assert mandate.rationale
    dissent = {(row.member.username, row.position, bool(row.reason)) for row in mandate.dissent.all()}
    assert ("samira", "object", True) in dissent
    assert mandate.meeting is not None and mandate.meeting.state == MeetingState.HELD
    assert mandate.meeting.agenda_fixed_at is not None and mandate.reference in mandate.meeting.minutes

    escalated = Proposal.objects.get(state=ProposalState.ESCALATED)
    assert escalated.escalated_to is not None and escalated.escalated_to.username == "marieke"
    assert escalated.votes.filter(position="object").exists()
    # Lapsed advice is recorded; the correction supersedes the first decision, which stays as it was.
    assert Proposal.objects.filter(advice__state=AdviceState.LAPSED, state=ProposalState.DECIDED).exists()
    correction = Decision.objects.get(basis=Basis.CORRECTION)
    assert correction.supersedes is not None and not flow.in_force(correction.supersedes)


def _two_frameworks_with_statements_and_one_granted_exemption() -> None:
    assert Framework.objects.count() == 2
    for framework in Framework.objects.all():
        assert framework.versions.filter(decision__isnull=False).exists()
        assert framework.statements.filter(state=ComplianceState.COMPLIES).exists()
    granted = ComplianceStatement.objects.get(state=ComplianceState.EXEMPTION_GRANTED)
    assert granted.decision is not None and granted.decision.approves
    assert granted.exemption_until is not None and granted.exemption_until > TODAY
    assert ComplianceStatement.objects.filter(state=ComplianceState.EXEMPTION_REQUESTED).count() == 1


def _meetings_evaluations_and_inboxes() -> None:
    board = Body.objects.get(name=BOARD)
    held = Meeting.objects.filter(body=board, state=MeetingState.HELD)
    assert held.count() == 2
    assert all(meeting.minutes and meeting.agenda_fixed_at and meeting.items.exists() for meeting in held)
    quarters = set(CollaborationEvaluation.objects.filter(body=board).values_list("year", "quarter"))
    assert quarters == {(2026, 3), (2026, 4)}
    assert Meeting.objects.filter(state=MeetingState.PLANNED, starts_at__date__gt=TODAY).count() == 1

    unread = set(Notification.objects.filter(read_at__isnull=True).values_list("recipient__username", "kind"))
    assert ("marieke", NotificationKind.ESCALATED) in unread
    assert ("joost", NotificationKind.VOTE_DUE) in unread
    assert ("thomas", NotificationKind.EVALUATION_DUE) in unread
    assert ("daan", NotificationKind.ADVICE_REQUESTED) in unread
    assert ("ruud", NotificationKind.DECISION_DUE) in unread


def test_the_history_is_real_and_audited_and_nothing_is_left_for_the_deadline_job() -> None:
    with acting(source=Source.COMMAND, label="command:demo"):  # as `roer demo` runs it
        build_small(timezone.localdate())
    # Each step is audited (as demo work): the two escalations by the deadline job, the mandate decision.
    escalations = AuditEvent.objects.filter(content_type__model="proposal", after__state="escalated")
    assert escalations.count() == 2
    decision = Decision.objects.get(basis=Basis.MANDATE)
    event = AuditEvent.objects.get(content_type__model="decision", object_id=str(decision.pk))
    assert (event.action, event.source, event.actor_label) == ("create", "command", "command:demo")
    assert AuditEvent.objects.filter(content_type__model="dissent").count() == Dissent.objects.count() == 3
    # The worker runs the deadline job right after the demo loads: nothing may move.
    assert not flow.process_deadlines()
    # The demo's people keep the rights the flow needs: marieke may decide the escalated proposal.
    escalated = Proposal.objects.get(state=ProposalState.ESCALATED)
    assert rights.may_decide_by_mandate(escalated.escalated_to, escalated)
