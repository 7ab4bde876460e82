"""A decision e-mails the proposer after commit, in the recipient's own language."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from roer.governance.models import Decision
from roer.governance.tests import proposal_setup as setup
from roer.governance.tests.conftest import Council

pytestmark = pytest.mark.django_db


def _decide_through_the_page(client: Client, council: Council, capture: Any) -> Decision:
    proposal = setup.awaiting_decision(council)
    mail.outbox.clear()
    client.force_login(council.world.alice)
    with capture(execute=True):
        response = client.post(
            reverse("governance:proposal-decide", args=[proposal.reference]),
            {"outcome": "approved", "rationale": "Past binnen de kaders."},
        )
    assert response.status_code == 302
    return Decision.objects.get(proposal=proposal)


def test_a_decision_mails_the_proposer(
    client: Client, council: Council, django_capture_on_commit_callbacks: Any
) -> None:
    decision = _decide_through_the_page(client, council, django_capture_on_commit_callbacks)
    proposal = decision.proposal
    sent = [message for message in mail.outbox if message.to == [council.paul.email]]
    assert len(sent) == 1
    message = sent[0]
    assert message.subject == f"[Roer] Decision taken on {proposal.reference} {proposal.title}"
    assert f"/governance/decisions/{decision.reference}/" in message.body
    assert "Dear Paul Meijer," in message.body


def test_nothing_is_mailed_when_the_decision_is_refused(
    client: Client, council: Council, django_capture_on_commit_callbacks: Any
) -> None:
    proposal = setup.awaiting_decision(council)
    mail.outbox.clear()
    client.force_login(council.world.bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("governance:proposal-decide", args=[proposal.reference]),
            {"outcome": "approved", "rationale": "Ik besluit."},
        )
    assert response.status_code == 403
    assert mail.outbox == []


def test_a_dutch_recipient_gets_it_in_dutch(
    client: Client, council: Council, django_capture_on_commit_callbacks: Any
) -> None:
    council.paul.preferred_language = "nl"
    council.paul.save()
    decision = _decide_through_the_page(client, council, django_capture_on_commit_callbacks)
    proposal = decision.proposal
    message = next(message for message in mail.outbox if message.to == [council.paul.email])
    assert message.subject == f"[Roer] Besluit genomen over {proposal.reference} {proposal.title}"
    assert "Beste Paul Meijer," in message.body
    assert f"/governance/decisions/{decision.reference}/" in message.body
    # The others still get English.
    english = next(message for message in mail.outbox if message.to == [council.tim.email])
    assert english.subject.startswith("[Roer] Decision taken on")
