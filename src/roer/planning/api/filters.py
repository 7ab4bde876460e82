"""Query parameters (camelCase) for the planning resources."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter
from roer.planning.models.scenarios import RunState, Scenario, SolveRun


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
