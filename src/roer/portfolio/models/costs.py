"""Money per initiative, per year and category: planned, actual and forecast.

The categories are those of the Rijks ICT-dashboard, so the public overview and its
open data can be produced without mapping. Amounts are ``Decimal`` euros.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import is_unrestricted, scope_filter
from roer.organisation.roles import Capability


class CostCategory(models.TextChoices):
    INTERNAL_STAFF = "internal_staff", _("Internal staff")
    EXTERNAL_STAFF = "external_staff", _("External staff")
    INSOURCED_WORK = "insourced_work", _("Insourced work")
    OUTSOURCED_WORK = "outsourced_work", _("Outsourced work")
    HARDWARE = "hardware", _("Hardware")
    SOFTWARE = "software", _("Software")
    DATA_CONNECTIONS = "data_connections", _("Data connections")
    OTHER_MATERIAL = "other_material", _("Other material")
    OTHER = "other", _("Other project costs")


class CostKind(models.TextChoices):
    PLAN = "plan", _("Plan")
    ACTUAL = "actual", _("Actual")
    FORECAST = "forecast", _("Forecast")


class CostNature(models.TextChoices):
    CAPEX = "capex", _("Investment (capex)")
    OPEX = "opex", _("Operating (opex)")


class Recurrence(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    RECURRING = "recurring", _("Recurring")


class CostLineQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> CostLineQuerySet:
        if is_unrestricted(user):
            return self.all()
        return self.filter(
            scope_filter(user, Capability.VIEW_PORTFOLIO, "initiative__org_unit__path")
            | Q(initiative__sponsor=user)
            | Q(initiative__manager=user)
        )


def cost_total(kind: str, initiative_ref: str = "pk") -> models.Subquery:
    """The sum of an initiative's cost lines of one kind, as a subquery (NULL when it has none).

    ``initiative_ref`` names the initiative in the outer query: ``"pk"`` on initiatives,
    ``"initiative"`` on rows that point at one.
    """
    lines = (
        CostLine.objects.filter(initiative=models.OuterRef(initiative_ref), kind=kind)
        .order_by()
        .values("initiative")
        .annotate(total=models.Sum("amount"))
        .values("total")
    )
    return models.Subquery(lines, output_field=models.DecimalField(max_digits=16, decimal_places=2))


class CostLine(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="cost_lines"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    category = models.CharField(_("category"), max_length=20, choices=CostCategory.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=CostKind.choices)
    nature = models.CharField(_("capex or opex"), max_length=10, choices=CostNature.choices, default=CostNature.OPEX)
    recurrence = models.CharField(
        _("one-off or recurring"), max_length=10, choices=Recurrence.choices, default=Recurrence.ONE_OFF
    )
    amount = models.DecimalField(_("amount (euro)"), max_digits=14, decimal_places=2)

    objects = CostLineQuerySet.as_manager()

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["initiative", "year", "category", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "year", "category", "kind", "nature", "recurrence"], name="cost_line_unique"
            )
        ]
        indexes = [models.Index(fields=["initiative", "kind"])]

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.year} {self.get_category_display()} {self.get_kind_display()}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path
