"""Filters for the initiative list page and its CSV export."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit
from roer.portfolio.models import Phase

SORTABLE = {
    "code": "code",
    "name": "name",
    "unit": "org_unit__name",
    "phase": "phase",
    "changed": "updated_at",
}


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Org unit (and below)"), queryset=OrgUnit.objects.none(), method="in_subtree", empty_label=_("All")
    )
    phase = django_filters.ChoiceFilter(label=_("Phase"), choices=Phase.choices, empty_label=_("All"))
    mine = django_filters.BooleanFilter(
        label=_("Only mine"), method="only_mine", widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["unit"].queryset = OrgUnit.objects.for_user(user)
        for name in ("unit", "phase"):
            self.form.fields[name].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value) | Q(description__icontains=value))

    def in_subtree(self, queryset: QuerySet[Any], name: str, value: OrgUnit) -> QuerySet[Any]:
        return queryset.filter(org_unit__path__startswith=value.path)

    def only_mine(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        return queryset.filter(Q(sponsor=self.user) | Q(manager=self.user)) if value else queryset


def apply_sort(queryset: QuerySet[Any], sort: str) -> QuerySet[Any]:
    descending = sort.startswith("-")
    field = SORTABLE.get(sort.lstrip("-"))
    if field is None:
        return queryset.order_by("code")
    return queryset.order_by(f"-{field}" if descending else field, "code")
