"""Notifications: a row in each recipient's inbox, and an e-mail in the recipient's language.

Mail goes out after the transaction commits, so a refused step never sends anything;
``EMAIL_BACKEND`` chooses how (the console backend by default).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from roer.governance.models import Decision, Meeting, Notification, NotificationKind, Proposal
from roer.organisation.models import Person


def subject_line(notification: Notification) -> str:
    """The one-line text of a notification, in the active language."""
    reference = notification.proposal.reference if notification.proposal else ""
    title = notification.proposal.title if notification.proposal else ""
    texts = {
        NotificationKind.ADVICE_REQUESTED: _("Your advice is requested on %(ref)s %(title)s"),
        NotificationKind.VOTE_DUE: _("Your vote is due on %(ref)s %(title)s"),
        NotificationKind.ESCALATED: _("No consensus: %(ref)s %(title)s is escalated to you"),
        NotificationKind.DECISION_DUE: _("Your decision is due on %(ref)s %(title)s"),
        NotificationKind.DECISION_TAKEN: _("Decision taken on %(ref)s %(title)s"),
        NotificationKind.EVALUATION_DUE: _("Please evaluate the business–IT collaboration for %(body)s"),
    }
    body = notification.meeting.body.name if notification.meeting else ""
    return texts[NotificationKind(notification.kind)] % {"ref": reference, "title": title, "body": body}


def target_url(notification: Notification) -> str:
    if notification.decision is not None:
        return reverse("governance:decision-detail", args=[notification.decision.reference])
    if notification.proposal is not None:
        return reverse("governance:proposal-detail", args=[notification.proposal.reference])
    if notification.meeting is not None:
        return reverse("governance:evaluation-form", args=[notification.meeting.pk])
    return reverse("governance:inbox")


def _send(notification_ids: list[int]) -> None:
    base = getattr(settings, "ROER_BASE_URL", "").rstrip("/")
    for notification in Notification.objects.filter(pk__in=notification_ids).select_related(
        "recipient", "proposal", "decision", "meeting__body"
    ):
        person = notification.recipient
        if not person.email:
            continue
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            subject = subject_line(notification)
            text = "\n\n".join(
                [
                    _("Dear %(name)s,") % {"name": person.get_full_name() or person.username},
                    subject + ".",
                    _("Open it in Roer: %(url)s") % {"url": base + target_url(notification)},
                    _("You receive this message because of your role in Roer's decision-making."),
                ]
            )
        send_mail(f"[Roer] {subject}", text, None, [person.email])
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def notify(
    people: Iterable[Person],
    kind: str,
    *,
    proposal: Proposal | None = None,
    decision: Decision | None = None,
    meeting: Meeting | None = None,
    now: Any = None,
) -> list[Notification]:
    """One notification per distinct active person; e-mailed after commit."""
    moment = now or timezone.now()
    seen: set[int] = set()
    created = []
    for person in people:
        if person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        created.append(
            Notification.objects.create(
                recipient=person, kind=kind, proposal=proposal, decision=decision, meeting=meeting, created_at=moment
            )
        )
    ids = [notification.pk for notification in created]
    if ids:
        transaction.on_commit(lambda: _send(ids))
    return created


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user: Any, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all when no ids are given); returns how many."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=list(notification_ids))
    return queryset.update(read_at=timezone.now())
