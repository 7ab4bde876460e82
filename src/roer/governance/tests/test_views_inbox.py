"""The inbox: one's own notifications only, read and unread, marked read one at a time or all at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from roer.governance.models import Notification, NotificationKind
from roer.governance.services.notify import notify
from roer.governance.tests import proposal_setup as setup
from roer.governance.tests.conftest import Council

pytestmark = pytest.mark.django_db


def test_lists_ones_own_notifications_with_links(client: Client, council: Council) -> None:
    proposal = setup.awaiting_decision(council)  # alice: decision due
    client.force_login(council.world.alice)
    response = client.get(reverse("governance:inbox"))
    assert response.status_code == 200
    assert f"Your decision is due on {proposal.reference}" in response.text
    assert reverse("governance:proposal-detail", args=[proposal.reference]) in response.text
    assert "1 unread notification." in response.text
    # The main navigation says it in words.
    assert "Governance (1 unread)" in response.text
    # Not someone else's.
    assert "Your advice is requested" not in response.text


def test_mark_one_and_all_read(client: Client, council: Council) -> None:
    proposal = setup.gate(council)
    for _ in range(3):
        notify([council.world.alice], NotificationKind.DECISION_DUE, proposal=proposal)
    first, second, third = Notification.objects.filter(recipient=council.world.alice).order_by("pk")
    client.force_login(council.world.alice)
    assert client.get(reverse("governance:inbox-read", args=[first.pk])).status_code == 405
    response = client.post(reverse("governance:inbox-read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    # "All" is everything the page showed: up to the newest shown; a newer one stays unread.
    page = client.get(reverse("governance:inbox")).text
    assert reverse("governance:inbox-read-all", args=[third.pk]) in page
    newer = notify([council.world.alice], NotificationKind.DECISION_DUE, proposal=proposal)[0]
    client.post(reverse("governance:inbox-read-all", args=[third.pk]))
    assert not Notification.objects.filter(pk__in=[second.pk, third.pk], read_at__isnull=True).exists()
    newer.refresh_from_db()
    assert newer.read_at is None


def test_another_persons_notification_is_not_found(client: Client, council: Council) -> None:
    proposal = setup.gate(council)
    theirs = notify([council.world.alice], NotificationKind.DECISION_DUE, proposal=proposal)[0]
    for person in (council.world.bob, council.world.charlie):
        client.force_login(person)
        assert client.post(reverse("governance:inbox-read", args=[theirs.pk])).status_code == 404
        assert client.post(reverse("governance:inbox-read-all", args=[theirs.pk])).status_code == 404
        assert "Your decision is due" not in client.get(reverse("governance:inbox")).text
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_paginates(client: Client, council: Council, settings: object) -> None:
    settings.ROER_PAGE_SIZE = 2  # type: ignore[attr-defined]
    proposal = setup.gate(council)
    for day in range(3):
        notify(
            [council.paul],
            NotificationKind.DECISION_TAKEN,
            proposal=proposal,
            now=timezone.now() - dt.timedelta(days=day),
        )
    client.force_login(council.paul)
    assert "Page 1 of 2" in client.get(reverse("governance:inbox")).text
    assert client.get(reverse("governance:inbox"), {"page": 2}).status_code == 200
