"""`roer governance-deadlines` and the worker's periodic job move proposals on a frozen clock."""

from __future__ import annotations

import datetime as dt
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.audit.models import AuditEvent
from roer.core import periodic
from roer.governance.models import Notification, NotificationKind, Proposal, ProposalState, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
AFTER_THE_VOTE = START + dt.timedelta(days=10, minutes=5)

pytestmark = pytest.mark.django_db


def _objected(council: Council) -> Proposal:
    """A cross-cutting policy proposal, advised, with otto objecting and alice agreeing: no consensus."""
    with time_machine.travel(START, tick=False):
        proposal = flow.create_proposal(
            council.paul,
            {
                "title": "Cloud eerst",
                "summary": "Nieuwe systemen draaien in de cloud, tenzij.",
                "subject_kind": SubjectKind.POLICY,
                "policy_topic": "Cloudgebruik",
                "decision_type": council.kind("policy"),
                "org_unit": council.world.department,
                "scope": Scope.CROSS_CUTTING,
                "scope_reason": "Raakt alle DG's.",
                "body": council.body,
            },
        )
        flow.submit(council.paul, proposal)
        advisers = {"privacy_officer": council.petra, "data_officer": council.dirk}
        for request in proposal.advice.all():
            flow.give_advice(advisers[request.role], proposal, request.role, "positive", "Akkoord.")
        flow.cast_vote(council.otto, proposal, "object", "Eigen contracten lopen nog drie jaar.")
        flow.cast_vote(council.world.alice, proposal, "agree")
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.VOTING
    return proposal


def run(*args: str) -> str:
    out = StringIO()
    call_command("governance-deadlines", *args, stdout=out)
    return out.getvalue()


def test_the_command_escalates_a_proposal_whose_vote_deadline_passed(council: Council) -> None:
    proposal = _objected(council)
    with time_machine.travel(START + dt.timedelta(days=9), tick=False):
        assert run() == "No deadlines have passed; nothing moved.\n"
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.VOTING

    with time_machine.travel(AFTER_THE_VOTE, tick=False):
        output = run()
        assert output == f"Escalated to the mandate holder: {proposal.reference}\n"
        assert run() == "No deadlines have passed; nothing moved.\n"  # a proposal moves once

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ESCALATED
    assert proposal.escalated_to == council.marc
    assert proposal.escalated_at == AFTER_THE_VOTE
    assert Notification.objects.filter(recipient=council.marc, kind=NotificationKind.ESCALATED).exists()
    # The audit trail names the command as the channel of the escalation.
    event = AuditEvent.objects.filter(content_type__model="proposal", object_id=str(proposal.pk)).order_by("pk").last()
    assert event is not None
    assert event.after is not None and event.after["state"] == ProposalState.ESCALATED
    assert event.actor_label == "command:governance-deadlines"


def test_the_command_reminds_the_mandate_holder_of_an_overdue_decision_once_a_day(council: Council) -> None:
    proposal = _objected(council)
    with time_machine.travel(AFTER_THE_VOTE, tick=False):
        run()
    proposal.refresh_from_db()
    assert proposal.decision_due is not None
    with time_machine.travel(proposal.decision_due + dt.timedelta(minutes=1), tick=False):
        assert run() == f"Reminder sent for an overdue escalated decision: {proposal.reference}\n"
        assert "nothing moved" in run()  # at most one reminder a day


def test_the_worker_runs_the_same_job_every_minute(council: Council) -> None:
    proposal = _objected(council)
    job = next(job for job in periodic.jobs() if job.name == "governance-deadlines")
    assert job.every_seconds == 60
    with time_machine.travel(AFTER_THE_VOTE, tick=False):
        report = job.run()
    assert isinstance(report, flow.DeadlineReport)
    assert report.escalated == [proposal.reference]


def test_every_keeps_processing_until_stopped(council: Council, monkeypatch: pytest.MonkeyPatch) -> None:
    proposal = _objected(council)
    rounds: list[float | None] = []

    def wait(self: threading.Event, timeout: float | None = None) -> bool:
        rounds.append(timeout)
        if len(rounds) == 2:
            self.set()
        return self.is_set()

    monkeypatch.setattr(threading.Event, "wait", wait)
    with time_machine.travel(AFTER_THE_VOTE, tick=False):
        output = run("--every", "30")
    assert rounds == [30, 30]
    lines = output.splitlines()
    assert lines[0] == "Processing the governance deadlines every 30 seconds; stop with Ctrl-C."
    assert lines[1].endswith(f"Escalated to the mandate holder: {proposal.reference}")
    assert lines[1].startswith("2027-03-11 ")  # each round that moved something is stamped
    assert lines[2:] == ["Stopped."]


def test_every_refuses_a_zero_interval(council: Council) -> None:
    with pytest.raises(CommandError, match="at least one second"):
        run("--every", "0")
