"""Query parameters (camelCase) for the goals, KPIs, measurements and contributions resources."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter, OrderingFilter
from roer.organisation.models import OrgUnit
from roer.strategy.models import KPI, Confidence, Contribution, Direction, Goal, GoalLevel, Measurement


def _in_unit(queryset: QuerySet[Any], value: int, path_field: str) -> QuerySet[Any]:
    unit = OrgUnit.objects.filter(pk=value).first()
    return queryset.filter(**{f"{path_field}__startswith": unit.path}) if unit else queryset.none()


class GoalFilter(django_filters.FilterSet):
    orgUnit = IdFilter(method="in_unit", label=_("Id of an org unit: its goals and those of every unit below it."))
    level = django_filters.ChoiceFilter(choices=GoalLevel.choices, label=_("Level in the goal tree."))
    parent = IdFilter(field_name="parent_id", label=_("Id of the goal served: its direct sub-goals."))
    search = django_filters.CharFilter(method="search_text", label=_("Part of the title or description."))
    ordering = OrderingFilter(
        fields=(("title", "title"), ("level", "level")),
        field_labels={"title": _("Title"), "level": _("Level")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = Goal
        fields: list[str] = []

    def in_unit(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return _in_unit(queryset, value, "org_unit__path")

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))


class KpiFilter(django_filters.FilterSet):
    orgUnit = IdFilter(method="in_unit", label=_("Id of an org unit: its KPIs and those of every unit below it."))
    goal = IdFilter(field_name="goals", label=_("Id of a goal: the KPIs that measure it."))
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_("Which way is better."))
    search = django_filters.CharFilter(method="search_text", label=_("Part of the name or description."))
    ordering = OrderingFilter(
        fields=(("name", "name"), ("target_date", "targetDate")),
        field_labels={"name": _("Name"), "target_date": _("Target date")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = KPI
        fields: list[str] = []

    def in_unit(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return _in_unit(queryset, value, "org_unit__path")

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class MeasurementFilter(django_filters.FilterSet):
    kpi = IdFilter(field_name="kpi_id", label=_("Id of the KPI."))
    measuredFrom = django_filters.DateFilter(
        field_name="measured_on", lookup_expr="gte", label=_("Only measurements on or after this day.")
    )
    measuredUntil = django_filters.DateFilter(
        field_name="measured_on", lookup_expr="lte", label=_("Only measurements on or before this day.")
    )
    ordering = OrderingFilter(
        fields=(("measured_on", "measuredOn"),),
        field_labels={"measured_on": _("Date")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = Measurement
        fields: list[str] = []


class ContributionFilter(django_filters.FilterSet):
    initiative = django_filters.CharFilter(
        field_name="initiative__code", lookup_expr="iexact", label=_("Code of the initiative.")
    )
    goal = IdFilter(field_name="goal_id", label=_("Id of the goal."))
    kpi = IdFilter(field_name="kpi_id", label=_("Id of the KPI."))
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices, label=_("Confidence in the effect."))

    class Meta:
        model = Contribution
        fields: list[str] = []
