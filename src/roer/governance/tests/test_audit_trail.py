"""Every step of a decision's path leaves an audit event, with the person who took it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from roer.audit.context import acting
from roer.audit.models import AuditEvent
from roer.governance.models import Outcome, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council

START = dt.datetime(2027, 5, 3, 9, 0, tzinfo=dt.UTC)


def _events(model: str, field: str | None = None) -> list[AuditEvent]:
    events = AuditEvent.objects.filter(content_type__app_label="governance", content_type__model=model).order_by("pk")
    return [event for event in events if field is None or field in event.changed_fields]


@pytest.mark.django_db
def test_each_step_from_proposal_to_mandate_decision_is_audited(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        with acting(council.paul, "web"):
            proposal = flow.create_proposal(
                council.paul,
                {
                    "title": "Cloud-first",
                    "summary": "Publieke cloud, tenzij.",
                    "subject_kind": SubjectKind.POLICY,
                    "policy_topic": "Cloud",
                    "decision_type": council.kind("policy"),
                    "org_unit": council.world.department,
                    "scope": Scope.CROSS_CUTTING,
                    "scope_reason": "Alle DG's.",
                    "body": council.body,
                },
            )
            flow.submit(council.paul, proposal)
        with acting(council.petra, "web"):
            flow.give_advice(council.petra, proposal, "privacy_officer", "conditional", "Alleen met DPIA.")
        with acting(council.dirk, "web"):
            flow.give_advice(council.dirk, proposal, "data_officer", "positive", "Akkoord.")
        with acting(council.otto, "web"):
            flow.cast_vote(council.otto, proposal, "object", "Te snel.")
    with time_machine.travel(START + dt.timedelta(days=11), tick=False), acting(None, "command"):
        flow.process_deadlines()
    with time_machine.travel(START + dt.timedelta(days=12), tick=False), acting(council.marc, "web"):
        decision = flow.decide(council.marc, proposal, Outcome.APPROVED, "Eén lijn.")

    created = _events("proposal")[0]
    assert (created.action, created.actor) == ("create", council.paul)
    states = [(event.after or {})["state"] for event in _events("proposal", "state")]
    assert states == ["draft", "advice", "voting", "escalated", "decided"]
    advice = [event for event in _events("advicerequest", "position") if event.action == "update"]
    assert {event.actor for event in advice} == {council.petra, council.dirk}
    assert [event.actor for event in _events("vote")] == [council.otto]
    assert _events("proposal", "escalated_to")[0].source == "command"
    decision_event = _events("decision")[0]
    assert (decision_event.actor, decision_event.object_id) == (council.marc, str(decision.pk))
    assert len(_events("dissent")) == 1
