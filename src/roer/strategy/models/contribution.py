"""How an initiative contributes to a goal, optionally through a KPI, and how much."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from roer.strategy.models.kpi import GoalKpi
from roer.strategy.querysets import ContributionQuerySet


class Confidence(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Contribution(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="contributions"
    )
    goal = models.ForeignKey(
        "strategy.Goal", verbose_name=_("goal"), on_delete=models.PROTECT, related_name="contributions"
    )
    kpi = models.ForeignKey(
        "strategy.KPI",
        verbose_name=_("KPI"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    expected_change = models.DecimalField(
        _("expected change"),
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Change of the KPI this initiative is expected to cause, in the KPI's unit (e.g. +5)."),
    )
    expected_by = models.DateField(_("expected by"), null=True, blank=True)
    effect_from = models.DateField(
        _("effect measured from"),
        null=True,
        blank=True,
        help_text=_("The KPI value on this date is the starting point for the realised effect."),
    )
    confidence = models.CharField(_("confidence"), max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM)
    weight = models.DecimalField(
        _("weight"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Relative share of this initiative's money that serves this goal."),
    )
    rationale = models.TextField(_("rationale"), blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["initiative", "goal"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "goal", "kpi"], name="contribution_unique", nulls_distinct=False
            ),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="contribution_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative.code} → {self.goal}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path

    def clean(self) -> None:
        errors = {}
        if (self.expected_change is not None or self.expected_by) and self.kpi_id is None:
            errors["kpi"] = _("An expected change needs the KPI it changes.")
        if (
            self.kpi_id
            and self.goal_id
            and not GoalKpi.objects.filter(kpi_id=self.kpi_id, goal_id=self.goal_id).exists()
        ):
            errors["kpi"] = _("This KPI does not measure the chosen goal.")
        if errors:
            raise ValidationError(errors)
