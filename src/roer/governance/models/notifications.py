"""Notifications: an in-app inbox, each message also sent by e-mail (Django mail)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    ADVICE_REQUESTED = "advice_requested", _("Advice requested")
    VOTE_DUE = "vote_due", _("Vote due")
    ESCALATED = "escalated", _("Escalated to you")
    DECISION_DUE = "decision_due", _("Decision due")
    DECISION_TAKEN = "decision_taken", _("Decision taken")
    EVALUATION_DUE = "evaluation_due", _("Collaboration evaluation due")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind.choices)
    proposal = models.ForeignKey(
        "governance.Proposal", verbose_name=_("proposal"), null=True, blank=True, on_delete=models.CASCADE
    )
    decision = models.ForeignKey(
        "governance.Decision", verbose_name=_("decision"), null=True, blank=True, on_delete=models.PROTECT
    )
    meeting = models.ForeignKey(
        "governance.Meeting", verbose_name=_("meeting"), null=True, blank=True, on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.get_kind_display()}"

    def audit_scope_path(self) -> str:
        """Where the matter lies; a personal note without one lies in the recipient's home unit."""
        for subject in (self.proposal, self.decision, self.meeting):
            if subject is not None:
                path: str = subject.audit_scope_path()
                return path
        home = self.recipient.home_unit
        return home.path if home is not None else ""
