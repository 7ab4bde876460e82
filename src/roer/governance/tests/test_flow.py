"""The whole path of a proposal on a frozen clock: local decision, consensus, escalation and mandate."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from roer.audit.models import AuditEvent
from roer.governance.models import (
    AdviceState,
    Basis,
    Notification,
    NotificationKind,
    Outcome,
    ProposalState,
    Scope,
    ScopeChange,
    SubjectKind,
)
from roer.governance.services import flow
from roer.governance.tests.conftest import Council
from roer.governance.tests.proposal_setup import advise_all as _advise_all
from roer.governance.tests.proposal_setup import gate as _gate
from roer.governance.tests.proposal_setup import policy as _policy
from roer.organisation.models import Person

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def _kinds(person: Person) -> list[str]:
    return list(Notification.objects.filter(recipient=person).values_list("kind", flat=True))


@pytest.mark.django_db
class TestLocalDecision:
    def test_the_units_own_cio_decides_after_the_advice(self, council: Council) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _gate(council)
            assert proposal.org_unit == council.world.directorate
            flow.submit(council.paul, proposal)
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.ADVICE
            assert sorted(proposal.advice.values_list("role", flat=True)) == ["data_officer", "technology_officer"]
            assert NotificationKind.ADVICE_REQUESTED in _kinds(council.tim)
            _advise_all(proposal, council)
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.AWAITING_DECISION
            assert NotificationKind.DECISION_DUE in _kinds(council.world.alice)

            with pytest.raises(PermissionDenied):  # a viewer
                flow.decide(council.world.bob, proposal, Outcome.APPROVED, "Prima.")
            with pytest.raises(PermissionDenied):  # the ministry's CIO: the department decides its own matters
                flow.decide(council.marc, proposal, Outcome.APPROVED, "Prima.")
            decision = flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Past binnen de kaders.")

        assert decision.basis == Basis.UNIT_MANDATE
        assert decision.decided_by == council.world.alice
        assert decision.body is None
        assert decision.reference == "D-2027-0001"
        assert "Akkoord." in decision.advice_summary
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.DECIDED
        assert NotificationKind.DECISION_TAKEN in _kinds(council.paul)

    def test_missing_advice_blocks_the_decision_until_the_deadline_passed(self, council: Council) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _gate(council)
            flow.submit(council.paul, proposal)
            proposal.refresh_from_db()
            flow.give_advice(council.tim, proposal, "technology_officer", "conditional", "Alleen met exit-plan.")
            with pytest.raises(ValidationError, match="Data officer"):
                flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Prima.")
            assert flow.process_deadlines().advice_lapsed == []  # not yet due
        with time_machine.travel(START + dt.timedelta(days=10, minutes=1), tick=False):
            report = flow.process_deadlines()
            assert report.advice_lapsed == [proposal.reference]
            lapsed = proposal.advice.get(role="data_officer")
            assert lapsed.state == AdviceState.LAPSED
            assert lapsed.lapsed_at is not None
            decision = flow.decide(council.world.alice, proposal, Outcome.CONDITIONAL, "Met exit-plan.", "Exit-plan")
        assert "no advice by the deadline" in decision.advice_summary
        assert "Alleen met exit-plan." in decision.advice_summary
        assert AuditEvent.objects.filter(content_type__model="advicerequest", object_id=str(lapsed.pk)).count() >= 2

    def test_a_conditional_decision_states_its_conditions_and_every_decision_its_rationale(
        self, council: Council
    ) -> None:
        proposal = _gate(council)
        flow.submit(council.paul, proposal)
        _advise_all(proposal, council)
        with pytest.raises(ValidationError) as error:
            flow.decide(council.world.alice, proposal, Outcome.CONDITIONAL, "")
        assert set(error.value.message_dict) == {"rationale", "conditions"}


@pytest.mark.django_db
class TestCouncil:
    def test_consensus_is_reached_when_every_member_agrees(self, council: Council) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _policy(council)
            flow.submit(council.paul, proposal)
            proposal.refresh_from_db()
            assert sorted(proposal.advice.values_list("role", flat=True)) == ["data_officer", "privacy_officer"]
            _advise_all(proposal, council)
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.VOTING
            assert proposal.vote_due == START + dt.timedelta(days=10)
            assert NotificationKind.VOTE_DUE in _kinds(council.otto)
            with pytest.raises(PermissionDenied):  # an advisory member does not vote
                flow.cast_vote(council.tim, proposal, "agree")
            flow.cast_vote(council.world.alice, proposal, "agree")
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.VOTING  # otto has not voted yet
            flow.cast_vote(council.otto, proposal, "agree")
        proposal.refresh_from_db()
        decision = proposal.decisions.get()
        assert proposal.state == ProposalState.DECIDED
        assert decision.basis == Basis.CONSENSUS
        assert decision.outcome == Outcome.APPROVED
        assert decision.decided_by is None
        assert decision.body == council.body
        assert not decision.dissent.exists()

    def test_an_objection_escalates_at_the_deadline_and_the_mandate_holder_decides_with_the_dissent_recorded(
        self, council: Council
    ) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _policy(council)
            flow.submit(council.paul, proposal)
            _advise_all(proposal, council)
            with pytest.raises(ValidationError, match="reason"):
                flow.cast_vote(council.otto, proposal, "object")
            flow.cast_vote(council.otto, proposal, "object", "Wij hebben eigen afspraken met de leverancier.")
            flow.cast_vote(council.world.alice, proposal, "agree")
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.VOTING  # the objector may still withdraw until the deadline
            with pytest.raises(ValidationError, match="votes until"):
                flow.decide(council.marc, proposal, Outcome.APPROVED, "Zo doen we het.")

        with time_machine.travel(START + dt.timedelta(days=9, hours=23), tick=False):
            assert not flow.process_deadlines()
        with time_machine.travel(START + dt.timedelta(days=10, minutes=5), tick=False):
            with pytest.raises(ValidationError, match="closed"):
                flow.cast_vote(council.otto, proposal, "agree")
            report = flow.process_deadlines()
            assert report.escalated == [proposal.reference]
            assert not flow.process_deadlines()  # idempotent
            proposal.refresh_from_db()
            assert proposal.state == ProposalState.ESCALATED
            assert proposal.escalated_to == council.marc
            assert NotificationKind.ESCALATED in _kinds(council.marc)
            with pytest.raises(PermissionDenied):
                flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Ik besluit.")
            with pytest.raises(ValidationError):
                flow.decide(council.marc, proposal, Outcome.APPROVED, "  ")
            decision = flow.decide(council.marc, proposal, Outcome.APPROVED, "Eén lijn voor het hele ministerie.")

        assert decision.basis == Basis.MANDATE
        assert decision.decided_by == council.marc
        dissent = decision.dissent.get()
        assert (dissent.member, dissent.position) == (council.otto, "object")
        assert dissent.reason == "Wij hebben eigen afspraken met de leverancier."
        assert NotificationKind.DECISION_TAKEN in _kinds(council.otto)

    def test_no_quorum_by_the_deadline_escalates_too(self, council: Council) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _policy(council)
            flow.submit(council.paul, proposal)
            _advise_all(proposal, council)
            flow.cast_vote(council.world.alice, proposal, "agree")  # quorum is 2
        with time_machine.travel(START + dt.timedelta(days=11), tick=False):
            assert flow.process_deadlines().escalated == [proposal.reference]

    def test_an_overdue_escalated_decision_reminds_the_mandate_holder_once_a_day(self, council: Council) -> None:
        with time_machine.travel(START, tick=False):
            proposal = _policy(council)
            flow.submit(council.paul, proposal)
            _advise_all(proposal, council)
        with time_machine.travel(START + dt.timedelta(days=10, minutes=1), tick=False):
            flow.process_deadlines()
        with time_machine.travel(START + dt.timedelta(days=15, minutes=2), tick=False):
            assert flow.process_deadlines().reminded == [proposal.reference]
            assert flow.process_deadlines().reminded == []
        with time_machine.travel(START + dt.timedelta(days=16, minutes=3), tick=False):
            assert flow.process_deadlines().reminded == [proposal.reference]
        assert _kinds(council.marc).count(NotificationKind.DECISION_DUE) == 2


@pytest.mark.django_db
class TestClassification:
    def test_a_person_without_a_responsible_role_cannot_propose(self, council: Council) -> None:
        with pytest.raises(PermissionDenied):
            flow.create_proposal(
                council.world.bob,
                {
                    "title": "x",
                    "summary": "x",
                    "subject_kind": SubjectKind.POLICY,
                    "policy_topic": "Cloud",
                    "decision_type": council.kind("policy"),
                    "org_unit": council.world.department,
                    "scope": Scope.LOCAL,
                    "scope_reason": "x",
                },
            )

    def test_a_cross_cutting_proposal_needs_a_council_and_every_proposal_its_reason(self, council: Council) -> None:
        with pytest.raises(ValidationError) as error:
            flow.create_proposal(
                council.paul,
                {
                    "title": "Cloud",
                    "summary": "x",
                    "subject_kind": SubjectKind.POLICY,
                    "decision_type": council.kind("policy"),
                    "org_unit": council.world.department,
                    "scope": Scope.CROSS_CUTTING,
                    "scope_reason": " ",
                },
            )
        assert set(error.value.message_dict) == {"policy_topic", "scope_reason", "body"}

    def test_reclassification_is_recorded_and_sends_the_proposal_to_the_council(self, council: Council) -> None:
        proposal = _policy(council, Scope.LOCAL)
        flow.submit(council.paul, proposal)
        _advise_all(proposal, council)
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.AWAITING_DECISION
        with pytest.raises(PermissionDenied):
            flow.reclassify(council.world.bob, proposal, Scope.CROSS_CUTTING, "Raakt iedereen.", council.body)
        flow.reclassify(council.world.alice, proposal, Scope.CROSS_CUTTING, "Raakt iedereen.", council.body)
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.VOTING
        change = ScopeChange.objects.get(proposal=proposal)
        assert (change.from_scope, change.to_scope, change.changed_by) == (
            "local",
            "cross_cutting",
            council.world.alice,
        )

    def test_withdrawal_needs_a_reason_and_the_proposer(self, council: Council) -> None:
        proposal = _policy(council)
        with pytest.raises(PermissionDenied):
            flow.withdraw(council.world.alice, proposal, "Niet meer nodig.")
        with pytest.raises(ValidationError):
            flow.withdraw(council.paul, proposal, "")
        flow.withdraw(council.paul, proposal, "Niet meer nodig.")
        proposal.refresh_from_db()
        assert (proposal.state, proposal.withdrawal_reason) == (ProposalState.WITHDRAWN, "Niet meer nodig.")
