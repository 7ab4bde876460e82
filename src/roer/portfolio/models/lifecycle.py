"""Gates and the six-lever check: every step of an initiative's lifecycle is a recorded review."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gate(models.TextChoices):
    INTAKE = "intake", _("Intake")
    APPROVAL = "approval", _("Approval")
    GO_LIVE = "go_live", _("Go-live")
    CLOSURE = "closure", _("Closure")


class GateOutcome(models.TextChoices):
    PASSED = "passed", _("Passed")
    CONDITIONAL = "conditional", _("Passed with conditions")
    POSTPONED = "postponed", _("Postponed")
    REJECTED = "rejected", _("Rejected")


PASSING = (GateOutcome.PASSED, GateOutcome.CONDITIONAL)


class Lever(models.TextChoices):
    """The six levers of a transformation, checked at every gate."""

    CHANGE_STORY = "change_story", _("A clear change story")
    SIMPLIFY_FIRST = "simplify_first", _("Processes simplified before they are digitised")
    USERS_INVOLVED = "users_involved", _("Users involved before the solution exists")
    NAVIGATION = "navigation", _("KPIs, milestones and evaluation moments set")
    ADOPTION = "adoption", _("Training and support after go-live")
    LEADERSHIP = "leadership", _("Leadership with a mandate")


class GateReview(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="gate_reviews"
    )
    gate = models.CharField(_("gate"), max_length=20, choices=Gate.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=GateOutcome.choices)
    held_on = models.DateField(_("date"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="gate_reviews"
    )
    decision = models.ForeignKey(
        "governance.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The recorded decision that authorised this, when one was taken."),
    )
    conditions = models.TextField(_("conditions"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    adoption_evaluation = models.TextField(
        _("adoption evaluation"),
        blank=True,
        help_text=_(
            "At closure: how far the users adopted the result. An initiative stays in view until it is filled."
        ),
    )

    class Meta:
        verbose_name = _("gate review")
        verbose_name_plural = _("gate reviews")
        ordering = ["initiative", "held_on", "pk"]
        indexes = [models.Index(fields=["initiative", "gate"])]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.get_gate_display()} {self.held_on}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path


class LeverScore(models.Model):
    """One lever at one gate: a score from 0 (absent) to 3 (strong), the evidence, and any waiver."""

    review = models.ForeignKey(
        GateReview, verbose_name=_("gate review"), on_delete=models.CASCADE, related_name="levers"
    )
    lever = models.CharField(_("lever"), max_length=20, choices=Lever.choices)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(3)])
    evidence = models.TextField(_("evidence"), blank=True)
    waiver_reason = models.TextField(
        _("waiver"), blank=True, help_text=_("Why the gate may pass although this lever is below the threshold.")
    )
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("waived by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lever_waivers",
    )

    class Meta:
        verbose_name = _("lever score")
        verbose_name_plural = _("lever scores")
        ordering = ["review", "score", "lever"]
        constraints = [
            models.UniqueConstraint(fields=["review", "lever"], name="lever_once_per_review"),
            models.CheckConstraint(condition=models.Q(score__lte=3), name="lever_score_0_to_3"),
        ]

    def __str__(self) -> str:
        return f"{self.review} · {self.get_lever_display()}: {self.score}"

    def audit_scope_path(self) -> str:
        return self.review.initiative.org_unit.path
