"""Meetings of a body: an agenda generated from the data, minutes, and the decisions taken.

The quarterly portfolio-board cycle also asks its members to evaluate the business–IT
collaboration itself; the answers are kept per quarter and shown as a trend.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    body = models.ForeignKey(
        "governance.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    agenda_fixed_at = models.DateTimeField(
        _("agenda fixed"), null=True, blank=True, help_text=_("Until then the agenda follows the data.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.body} {self.starts_at:%Y-%m-%d}"

    def audit_scope_path(self) -> str:
        return self.body.org_unit.path


class AgendaKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal awaiting decision")
    INTAKE = "intake", _("Intake")
    RED_RATING = "red_rating", _("Initiative rated red")
    WARNING = "warning", _("Initiative with a red early warning")
    EXPIRING_EXEMPTION = "expiring_exemption", _("Exemption expiring")
    EVALUATION = "evaluation", _("Evaluation of the business–IT collaboration")
    OTHER = "other", _("Other")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=30, choices=AgendaKind.choices)
    title = models.CharField(_("title"), max_length=400)
    proposal = models.ForeignKey(
        "governance.Proposal", verbose_name=_("proposal"), null=True, blank=True, on_delete=models.SET_NULL
    )
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), null=True, blank=True, on_delete=models.SET_NULL
    )
    compliance_statement = models.ForeignKey(
        "governance.ComplianceStatement",
        verbose_name=_("exemption"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def audit_scope_path(self) -> str:
        return self.meeting.body.org_unit.path


def score_field(label: Any) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(1), MaxValueValidator(5)])


class CollaborationEvaluation(models.Model):
    """One member's view of the business–IT collaboration in one quarter, five statements scored 1–5."""

    body = models.ForeignKey(
        "governance.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("respondent"), on_delete=models.PROTECT, related_name="+"
    )
    shared_goals = score_field(_("Business and IT work towards the same goals"))
    early_involvement = score_field(_("IT is involved early in business plans"))
    understanding = score_field(_("IT understands what the business needs"))
    timely_decisions = score_field(_("Decisions are taken in time"))
    trust = score_field(_("We trust each other and speak openly"))
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        verbose_name = _("collaboration evaluation")
        verbose_name_plural = _("collaboration evaluations")
        ordering = ["body", "year", "quarter", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "quarter", "respondent"], name="evaluation_once_per_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.year}-Q{self.quarter}: {self.respondent}"

    def audit_scope_path(self) -> str:
        return self.body.org_unit.path


EVALUATION_FIELDS = ("shared_goals", "early_involvement", "understanding", "timely_decisions", "trust")
