"""Query parameters (camelCase) for the planning resources."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter
from roer.organisation.models import OrgUnit
from roer.planning.models.scenarios import RunState, Scenario, SolveRun
from roer.planning.scoring.services import FINISHED
from roer.portfolio.models import Initiative


class ScenarioFilter(django_filters.FilterSet):
    orgUnit = IdFilter(field_name="org_unit_id", label=_("Id of the scenario's org unit."))
    parent = IdFilter(field_name="parent_id", label=_("Id of the scenario a what-if variant was derived from."))

    class Meta:
        model = Scenario
        fields: list[str] = []


class SolveRunFilter(django_filters.FilterSet):
    scenario = IdFilter(field_name="scenario_id", label=_("Id of a scenario."))
    state = django_filters.ChoiceFilter(choices=RunState.choices, label=_("State."))

    class Meta:
        model = SolveRun
        fields: list[str] = []


class ScoreFilter(django_filters.FilterSet):
    orgUnit = IdFilter(
        method="filter_unit", label=_("Id of an org unit: its initiatives and those of every unit below it.")
    )
    finished = django_filters.BooleanFilter(
        method="filter_finished", label=_("true: closed and stopped initiatives too.")
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("finished"):
            queryset = queryset.exclude(phase__in=FINISHED)
        return queryset

    def filter_unit(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        unit = OrgUnit.objects.filter(pk=value).first()
        return queryset.filter(org_unit__path__startswith=unit.path) if unit is not None else queryset.none()

    def filter_finished(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        return queryset  # applied in filter_queryset, so leaving it out hides them too
