"""Baselines: the initial plan is kept forever; every re-baseline is a dated, explained record.

Every figure, colour and warning compares against the initial baseline and shows the
latest one beside it (the lesson of the Rijks ICT-dashboard).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from roer.portfolio.models.costs import CostCategory


class BaselineKind(models.TextChoices):
    INITIAL = "initial", _("Initial baseline")
    REBASELINE = "rebaseline", _("Re-baseline")


class Baseline(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="baselines"
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("0 is the initial baseline."))
    kind = models.CharField(_("kind"), max_length=20, choices=BaselineKind.choices)
    recorded_on = models.DateField(_("date"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    reason = models.TextField(_("reason"), blank=True)
    cost_change_explanation = models.TextField(_("explanation of the cost change"), blank=True)
    end_date_change_explanation = models.TextField(_("explanation of the end-date change"), blank=True)
    decision_reference = models.CharField(
        _("approving decision"), max_length=200, blank=True, help_text=_("The decision that approved this baseline.")
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
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")
        ordering = ["initiative", "number"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "number"], name="baseline_number_unique"),
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")), name="baseline_dates"),
            models.CheckConstraint(
                condition=(models.Q(number=0) & models.Q(kind="initial"))
                | (models.Q(number__gt=0) & models.Q(kind="rebaseline")),
                name="baseline_zero_is_initial",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.get_kind_display()} {self.number}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path


class BaselineCost(models.Model):
    baseline = models.ForeignKey(Baseline, verbose_name=_("baseline"), on_delete=models.CASCADE, related_name="costs")
    category = models.CharField(_("category"), max_length=20, choices=CostCategory.choices)
    amount = models.DecimalField(_("amount (euro)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("baseline cost")
        verbose_name_plural = _("baseline costs")
        ordering = ["baseline", "category"]
        constraints = [models.UniqueConstraint(fields=["baseline", "category"], name="baseline_cost_unique")]

    def __str__(self) -> str:
        return f"{self.baseline} {self.get_category_display()}"

    def audit_scope_path(self) -> str:
        return self.baseline.initiative.org_unit.path
