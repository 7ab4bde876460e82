"""Status reports with the dual rating, the CIO opinion, and the stored early warnings."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rag(models.TextChoices):
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")


class StatusReport(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="status_reports"
    )
    period_end = models.DateField(_("reference date"), help_text=_("The end of the period this report covers."))
    cost = models.CharField(_("cost"), max_length=10, choices=Rag.choices)
    schedule = models.CharField(_("schedule"), max_length=10, choices=Rag.choices)
    scope = models.CharField(_("scope"), max_length=10, choices=Rag.choices)
    risk = models.CharField(_("risk"), max_length=10, choices=Rag.choices)
    overall = models.CharField(_("overall (own rating)"), max_length=10, choices=Rag.choices)
    narrative = models.TextField(_("narrative"))
    variance_narrative = models.TextField(
        _("explanation of variances"), blank=True, help_text=_("Required when cost or schedule deviate more than 5 %.")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+"
    )
    independent_overall = models.CharField(_("independent rating"), max_length=10, choices=Rag.choices, blank=True)
    independent_comment = models.TextField(_("independent comment"), blank=True)
    independent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("independent rating by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cio_rating = models.PositiveSmallIntegerField(
        _("CIO risk rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 is high risk, 5 is low risk."),
    )
    cio_comment = models.TextField(_("CIO comment"), blank=True)
    cio_rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("CIO rating by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["initiative", "-period_end"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "period_end"], name="status_report_once_per_period"),
            models.CheckConstraint(
                condition=models.Q(cio_rating__isnull=True) | models.Q(cio_rating__gte=1, cio_rating__lte=5),
                name="cio_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.period_end}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path


class OpinionKind(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    CONDITIONAL = "conditional", _("Positive with conditions")
    NEGATIVE = "negative", _("Negative")


class CioOpinion(models.Model):
    """The formal CIO opinion (CIO-oordeel) an initiative with an ICT component of €5M or more needs."""

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="cio_opinions"
    )
    given_on = models.DateField(_("date"))
    opinion = models.CharField(_("opinion"), max_length=20, choices=OpinionKind.choices)
    text = models.TextField(_("opinion text"))
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("given by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("CIO opinion")
        verbose_name_plural = _("CIO opinions")
        ordering = ["initiative", "-given_on"]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.get_opinion_display()} {self.given_on}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path


class EarlyWarning(models.Model):
    """A warning the rules found for an initiative; refreshed on every change to it.

    Not audited itself: it is derived from audited data and recomputed at will.
    """

    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="warnings"
    )
    rule = models.CharField(_("rule"), max_length=40)
    severity = models.CharField(_("severity"), max_length=10)
    params = models.JSONField(_("details"), default=dict)
    first_seen = models.DateField(_("first seen"))

    class Meta:
        verbose_name = _("early warning")
        verbose_name_plural = _("early warnings")
        ordering = ["initiative", "rule"]
        constraints = [models.UniqueConstraint(fields=["initiative", "rule"], name="warning_once_per_rule")]
        indexes = [models.Index(fields=["severity", "rule"])]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.rule}"
