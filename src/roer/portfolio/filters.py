"""Filters for the initiative list page and its CSV export."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit
from roer.portfolio.models import EarlyWarning, Phase, Rag
from roer.portfolio.overview import with_reported_rating, with_size_and_warnings, with_warning
from roer.portfolio.overview_ratings import with_computed_rating, with_independent_rating
from roer.portfolio.warning_text import SEVERITY_LABELS, STORED_RULES

SORTABLE = {
    "code": "code",
    "name": "name",
    "unit": "org_unit__name",
    "phase": "phase",
    "changed": "updated_at",
    # By current cost estimate, which is what the size class groups.
    "size": "current_cost",
    "warnings": "warning_count",
    "severity": "worst_warning",
}

SIZE_CHOICES = [
    ("s", _("Below €1 million")),
    ("m", _("€1 to 5 million")),
    ("l", _("€5 to 25 million")),
    ("xl", _("€25 million or more")),
]
NOT_RATED = "none"
COMPUTED_CHOICES = [*Rag.choices, (NOT_RATED, _("Not computable yet (no baseline or no CIO rating)"))]
INDEPENDENT_CHOICES = [*Rag.choices, (NOT_RATED, _("No independent rating yet"))]
GAP_CHOICES = [
    ("rosier", _("Own rating rosier than the independent one")),
    ("not_rosier", _("Own rating not rosier than the independent one")),
]
WARNING_CHOICES = [("any", _("Any early warning")), ("none", _("No early warnings"))]


SELECTS = ("unit", "phase", "rating", "computed", "independent", "gap", "size", "warnings", "rule", "severity")


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
    rating = django_filters.ChoiceFilter(
        label=_("Rating (own overall colour of the latest status report)"),
        choices=Rag.choices,
        method="by_rating",
        empty_label=_("All"),
    )
    computed = django_filters.ChoiceFilter(
        label=_("Computed overall rating (cost, schedule and CIO rating)"),
        choices=COMPUTED_CHOICES,
        method="by_computed",
        empty_label=_("All"),
    )
    independent = django_filters.ChoiceFilter(
        label=_("Independent rating of the latest status report"),
        choices=INDEPENDENT_CHOICES,
        method="by_independent",
        empty_label=_("All"),
    )
    gap = django_filters.ChoiceFilter(
        label=_("Own rating against the independent rating"), choices=GAP_CHOICES, method="by_gap", empty_label=_("All")
    )
    size = django_filters.ChoiceFilter(
        label=_("Size class (current cost estimate)"), choices=SIZE_CHOICES, method="by_size", empty_label=_("All")
    )
    warnings = django_filters.ChoiceFilter(
        label=_("Early warnings"), choices=WARNING_CHOICES, method="by_warnings", empty_label=_("All")
    )
    rule = django_filters.ChoiceFilter(
        label=_("Warning rule"), choices=list(STORED_RULES.items()), method="by_rule", empty_label=_("All")
    )
    severity = django_filters.ChoiceFilter(
        label=_("Warning severity"), choices=list(SEVERITY_LABELS.items()), method="by_severity", empty_label=_("All")
    )
    mine = django_filters.BooleanFilter(
        label=_("Only mine"), method="only_mine", widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["unit"].queryset = OrgUnit.objects.for_user(user)
        for name in SELECTS:
            self.form.fields[name].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value) | Q(description__icontains=value))

    def in_subtree(self, queryset: QuerySet[Any], name: str, value: OrgUnit) -> QuerySet[Any]:
        return queryset.filter(org_unit__path__startswith=value.path)

    def by_rating(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return with_reported_rating(queryset).filter(**{"reported_rating": value})

    def by_computed(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        rated = with_computed_rating(queryset)
        lookup: dict[str, Any] = {"computed_rating__isnull": True} if value == NOT_RATED else {"computed_rating": value}
        return rated.filter(**lookup)

    def by_independent(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        rated = with_independent_rating(queryset)
        if value == NOT_RATED:
            return rated.filter(Q(**{"independent_rating__isnull": True}) | Q(**{"independent_rating": ""}))
        return rated.filter(**{"independent_rating": value})

    def by_gap(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        rated = with_independent_rating(queryset)
        rosier = Q(**{"rating_gap__gte": 1})
        return rated.filter(rosier) if value == "rosier" else rated.exclude(rosier)

    def by_size(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return with_size_and_warnings(queryset).filter(**{"size_class": value})

    def by_warnings(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == "none":
            return queryset.exclude(pk__in=EarlyWarning.objects.values("initiative"))
        return with_warning(queryset)

    def by_rule(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return with_warning(queryset, rule=value)

    def by_severity(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return with_warning(queryset, severity=value)

    def only_mine(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        return queryset.filter(Q(sponsor=self.user) | Q(manager=self.user)) if value else queryset


def apply_sort(queryset: QuerySet[Any], sort: str) -> QuerySet[Any]:
    descending = sort.startswith("-")
    field = SORTABLE.get(sort.lstrip("-"))
    if field is None:
        return queryset.order_by("code")
    return queryset.order_by(f"-{field}" if descending else field, "code")
