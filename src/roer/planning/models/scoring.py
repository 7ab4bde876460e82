"""Per organisation: the scoring criteria's weights, which criteria are on, and the cost reference.

One row per organisation (a root org unit); without a row the defaults below apply.
Versioned: an edit based on an older version is refused (``roer.core.stale``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_WEIGHTS = {"strategic": 40, "legal": 25, "risk": 20, "urgency": 15, "cost": 10}


def _default_enabled() -> list[str]:
    # Cost is off by default: the optimiser already weighs cost against the budget.
    return ["strategic", "legal", "risk", "urgency"]


def _weight(label: Any, criterion: str) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(
        label, default=DEFAULT_WEIGHTS[criterion], validators=[MaxValueValidator(100)]
    )


class ScoringConfiguration(models.Model):
    organisation = models.OneToOneField(
        "organisation.OrgUnit",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="scoring_configuration",
    )
    weight_strategic = _weight(_("weight of strategic contribution"), "strategic")
    weight_legal = _weight(_("weight of legal obligation"), "legal")
    weight_risk = _weight(_("weight of risk"), "risk")
    weight_urgency = _weight(_("weight of urgency"), "urgency")
    weight_cost = _weight(_("weight of cost"), "cost")
    enabled_criteria = models.JSONField(_("criteria in use"), default=_default_enabled)
    cost_reference = models.DecimalField(
        _("cost reference (euro)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("1000000"),
        validators=[MinValueValidator(Decimal("1"))],
        help_text=_("An initiative costing this much scores half on cost; cheaper scores more."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("scoring configuration")
        verbose_name_plural = _("scoring configurations")

    def __str__(self) -> str:
        return str(self.organisation)

    def audit_scope_path(self) -> str:
        return self.organisation.path
