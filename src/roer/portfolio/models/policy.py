"""Per organisation: the thresholds of the early warnings and the lever check.

One row per organisation (a root org unit); without a row the defaults of
``roer.portfolio.health.early_warning.Thresholds`` apply.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def _all_rules() -> list[str]:
    return ["cio_opinion", "variance", "status_report", "team_size", "increment", "approval_gate"]


class PortfolioPolicy(models.Model):
    organisation = models.OneToOneField(
        "organisation.OrgUnit",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="portfolio_policy",
    )
    lever_threshold = models.PositiveSmallIntegerField(
        _("lever threshold at approval"),
        default=2,
        validators=[MaxValueValidator(3)],
        help_text=_("A lever scored below this at the approval gate needs a recorded waiver."),
    )
    cio_opinion_from = models.DecimalField(
        _("CIO opinion required from (euro)"), max_digits=14, decimal_places=2, default=Decimal("5000000")
    )
    narrative_from = models.DecimalField(
        _("explanation required above (fraction)"), max_digits=5, decimal_places=4, default=Decimal("0.05")
    )
    amber_from = models.DecimalField(
        _("amber above (fraction)"), max_digits=5, decimal_places=4, default=Decimal("0.10")
    )
    red_from = models.DecimalField(_("red above (fraction)"), max_digits=5, decimal_places=4, default=Decimal("0.30"))
    max_team_size = models.PositiveSmallIntegerField(_("largest team"), default=8)
    max_increment_months = models.PositiveSmallIntegerField(_("longest increment (months)"), default=3)
    report_period_days = models.PositiveSmallIntegerField(_("reporting period (days)"), default=92)
    enabled_rules = models.JSONField(_("rules in use"), default=_all_rules)

    class Meta:
        verbose_name = _("portfolio policy")
        verbose_name_plural = _("portfolio policies")

    def __str__(self) -> str:
        return str(self.organisation)

    def audit_scope_path(self) -> str:
        return self.organisation.path
