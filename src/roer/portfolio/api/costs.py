"""Cost lines over the API, read-only, and only where the caller may see cost details.

The lines per category reveal rates, contract values and staffing: like the cost
pages, they need ``portfolio.view_cost_details`` on the initiative. Callers without
it find no lines of that initiative (the totals stay on the pages).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.filters import OrderingFilter
from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import CostCategory, CostKind, CostLine, Initiative

DETAILS = "portfolio.view_cost_details"


class CostLineSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, help_text=_("Amount in euro, as a decimal string.")
    )

    class Meta:
        model = CostLine
        fields = ["id", "initiative", "year", "category", "kind", "nature", "recurrence", "amount"]
        read_only_fields = fields


class CostLineFilter(PartFilter):
    year = django_filters.NumberFilter(label=_("Year."))
    category = django_filters.ChoiceFilter(choices=CostCategory.choices, label=_("Category."))
    kind = django_filters.ChoiceFilter(choices=CostKind.choices, label=_("Plan, actual or forecast."))
    ordering = OrderingFilter(
        fields=(("year", "year"), ("amount", "amount")),
        field_labels={"year": _("Year"), "amount": _("Amount")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = CostLine
        fields: list[str] = []


class CostLineViewSet(PartViewSet):
    """Cost lines per year, category and kind, of the initiatives whose cost details you may see."""

    model = CostLine
    serializer_class = CostLineSerializer
    filterset_class = CostLineFilter

    def visible_initiatives(self) -> QuerySet[Initiative]:
        user = self.request.user
        visible = Initiative.objects.for_user(user).select_related("org_unit")
        allowed = [initiative.pk for initiative in visible if user.has_perm(DETAILS, initiative)]
        return Initiative.objects.filter(pk__in=allowed)
