"""Query parameters (camelCase) for the initiatives resource."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter, OrderingFilter
from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative, Phase


class InitiativeFilter(django_filters.FilterSet):
    orgUnit = IdFilter(
        method="in_unit", label=_("Id of an org unit: its initiatives and those of every unit below it.")
    )
    phase = django_filters.ChoiceFilter(choices=Phase.choices, label=_("Phase."))
    search = django_filters.CharFilter(method="search_text", label=_("Part of the code, name or description."))
    ordering = OrderingFilter(
        fields=(
            ("code", "code"),
            ("name", "name"),
            ("phase", "phase"),
            ("created_at", "createdAt"),
            ("updated_at", "updatedAt"),
        ),
        field_labels={
            "code": _("Code"),
            "name": _("Name"),
            "phase": _("Phase"),
            "created_at": _("Registered"),
            "updated_at": _("Last changed"),
        },
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def in_unit(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        unit = OrgUnit.objects.filter(pk=value).first()
        return queryset.filter(org_unit__path__startswith=unit.path) if unit else queryset.none()

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value) | Q(description__icontains=value))
