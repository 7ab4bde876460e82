"""Scenarios with their teams: what people enter for the optimiser.

Budgets and capacities are decimal strings ("600000.00", "2.50"), one per year and one per
quarter of the horizon. The bounds are stated here, not derived from the model, so the
OpenAPI document does not depend on the database's integer ranges.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.organisation.models import OrgUnit
from roer.planning.api.serializers.links import ScenarioDependencySerializer, ScenarioGroupSerializer
from roer.planning.models.scenarios import MAX_QUARTERS, Scenario, Team

_VERSION = _("Goes up by one with every change; the ETag carries it too.")
ZERO = Decimal("0")


def _amount(**kwargs: Any) -> serializers.DecimalField:
    """Euro, as in the pages' forms: at most 12 digits before the point and 2 after it."""
    return serializers.DecimalField(max_digits=14, decimal_places=2, min_value=ZERO, **kwargs)


def _fte(**kwargs: Any) -> serializers.DecimalField:
    """Full-time equivalents per quarter, as in the pages' forms."""
    return serializers.DecimalField(max_digits=8, decimal_places=2, min_value=ZERO, **kwargs)


def _start_year(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(
        source="start_year",
        min_value=2000,
        max_value=2100,
        help_text=_("Calendar year of the first quarter."),
        **kwargs,
    )


def _start_quarter(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(
        source="start_quarter", min_value=1, max_value=4, help_text=_("First quarter of that year, 1–4."), **kwargs
    )


def _quarters(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1, max_value=MAX_QUARTERS, help_text=_("Length of the horizon in quarters."), **kwargs
    )


def _discount_rate(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        source="discount_rate",
        max_digits=5,
        decimal_places=2,
        min_value=ZERO,
        max_value=Decimal("100"),
        help_text=_("Discount rate per year, in percent."),
        **kwargs,
    )


def _org_unit(help_text: Any) -> ScopedRelatedField:
    return ScopedRelatedField(source="org_unit", queryset=OrgUnit.objects.all(), help_text=help_text)


class TeamSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        source="org_unit",
        read_only=True,
        help_text=_("Id of the org unit whose initiatives (and those below it) draw on this team."),
    )
    code = serializers.CharField(read_only=True, help_text=_("The team's name in the optimiser input and the plan."))
    capacity = serializers.SerializerMethodField(help_text=_("Capacity per quarter of the horizon (FTE)."))

    class Meta:
        model = Team
        fields = ["id", "orgUnit", "code", "capacity"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=_fte()))
    def get_capacity(self, team: Team) -> list[str]:
        return [str(amount.quantize(Decimal("0.01"))) for amount in team.capacity_amounts(team.scenario.quarters)]


class ScenarioSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        source="org_unit",
        read_only=True,
        help_text=_("Id of the org unit whose initiatives (and those of every unit below it) are the candidates."),
    )
    startYear = _start_year(read_only=True)
    startQuarter = _start_quarter(read_only=True)
    quarters = _quarters(read_only=True)
    discountRate = _discount_rate(read_only=True)
    budgets = serializers.ListField(
        child=_amount(),
        source="budget_amounts",
        read_only=True,
        help_text=_("Budget per year of the horizon (euro)."),
    )
    teams = TeamSerializer(many=True, read_only=True)
    dependencies = ScenarioDependencySerializer(
        source="links", many=True, read_only=True, help_text=_("Which initiative must be finished before another.")
    )
    groups = ScenarioGroupSerializer(
        many=True, read_only=True, help_text=_("Initiatives funded at most one of them, or all or none.")
    )
    parent = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated,assignment]  # clashes only in the stubs
        read_only=True, help_text=_("Id of the scenario this what-if variant was derived from.")
    )
    whatIf = serializers.CharField(source="what_if", read_only=True, help_text=_("The what-if changes, for people."))
    forcedIn = serializers.ListField(
        child=serializers.CharField(), source="forced_in", read_only=True, help_text=_("Initiative codes forced in.")
    )
    forcedOut = serializers.ListField(
        child=serializers.CharField(), source="forced_out", read_only=True, help_text=_("Initiative codes left out.")
    )
    createdBy = serializers.PrimaryKeyRelatedField(source="created_by", read_only=True)  # type: ignore[var-annotated]
    createdAt = serializers.DateTimeField(source="created_at", read_only=True)
    version = serializers.IntegerField(read_only=True, help_text=_VERSION)

    class Meta:
        model = Scenario
        fields = [
            "id",
            "name",
            "orgUnit",
            "startYear",
            "startQuarter",
            "quarters",
            "discountRate",
            "budgets",
            "teams",
            "dependencies",
            "groups",
            "parent",
            "whatIf",
            "forcedIn",
            "forcedOut",
            "createdBy",
            "createdAt",
            "version",
        ]
        read_only_fields = fields


class NewScenarioSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """As the page's form: one budget for every year, one capacity for every team and quarter;
    one team per unit directly below the scenario's unit (or the unit itself)."""

    name = serializers.CharField(max_length=200)
    orgUnit = _org_unit(_("Id of the org unit whose initiatives are the candidates; you must be able to change there."))
    startYear = _start_year()
    startQuarter = _start_quarter(required=False, default=1)
    quarters = _quarters(required=False, default=12)
    discountRate = _discount_rate(required=False, default=ZERO)
    budget = _amount(help_text=_("Budget per year (euro), the same for every year; change single years afterwards."))
    capacity = _fte(help_text=_("Capacity per team per quarter (FTE)."))


class TeamCapacitySerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField(help_text=_("Id of one of the scenario's teams."))
    capacity = serializers.ListField(
        child=_fte(), help_text=_("Capacity per quarter of the horizon (FTE), one value per quarter.")
    )


class ChangeScenarioSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Settings, budgets per year and capacities per team; teams left out keep theirs."""

    name = serializers.CharField(max_length=200)
    orgUnit = _org_unit(_("Id of the org unit whose initiatives are the candidates; you must be able to change there."))
    startYear = _start_year()
    startQuarter = _start_quarter()
    quarters = _quarters()
    discountRate = _discount_rate()
    budgets = serializers.ListField(
        child=_amount(), required=False, help_text=_("Budget per year of the horizon (euro), one value per year.")
    )
    teams = TeamCapacitySerializer(many=True, required=False)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        scenario: Scenario = self.context["scenario"]
        quarters = data.get("quarters", scenario.quarters)
        years = (quarters + 3) // 4
        if "budgets" in data and len(data["budgets"]) != years:
            raise serializers.ValidationError(
                {"budgets": [_("One amount per year of the horizon: %(count)s.") % {"count": years}]}
            )
        teams = {team.pk for team in scenario.teams.all()}
        errors: list[dict[str, list[str]]] = []
        for entry in data.get("teams", []):
            problems: dict[str, list[str]] = {}
            if entry["id"] not in teams:
                problems["id"] = [str(_("Not a team of this scenario."))]
            if len(entry["capacity"]) != quarters:
                problems["capacity"] = [
                    str(_("One value per quarter of the horizon: %(count)s.") % {"count": quarters})
                ]
            errors.append(problems)
        if any(errors):
            raise serializers.ValidationError({"teams": errors})
        return data


class VariantSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A what-if variant, as on the page: budgets and capacities scaled, a team removed, initiatives forced."""

    name = serializers.CharField(max_length=200, help_text=_("Name of the variant."))
    budgetPercent = serializers.DecimalField(
        max_digits=5,
        decimal_places=1,
        min_value=ZERO,
        max_value=Decimal("1000"),
        required=False,
        default=Decimal("100"),
        help_text=_("Budget as a percentage of this scenario's: 90 is a budget cut of 10 %."),
    )
    capacityPercent = serializers.DecimalField(
        max_digits=5,
        decimal_places=1,
        min_value=ZERO,
        max_value=Decimal("1000"),
        required=False,
        default=Decimal("100"),
        help_text=_("Team capacity as a percentage of this scenario's."),
    )
    removeTeam = serializers.IntegerField(
        required=False, allow_null=True, help_text=_("Id of one of the scenario's teams to leave out.")
    )
    forceIn = serializers.ListField(
        child=serializers.CharField(), required=False, default=list, help_text=_("Codes of candidates to fund.")
    )
    forceOut = serializers.ListField(
        child=serializers.CharField(), required=False, default=list, help_text=_("Codes of candidates to leave out.")
    )

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        scenario: Scenario = self.context["scenario"]
        codes: set[str] = set(self.context["codes"])
        errors: dict[str, list[str]] = {}
        team_id = data.get("removeTeam")
        if team_id is not None:
            team = scenario.teams.select_related("org_unit").filter(pk=team_id).first()
            if team is None:
                errors["removeTeam"] = [str(_("Not a team of this scenario."))]
            data["removeTeam"] = team
        for name in ("forceIn", "forceOut"):
            unknown = sorted(set(data[name]) - codes)
            if unknown:
                errors[name] = [str(_("Not candidates of this scenario: %(codes)s") % {"codes": ", ".join(unknown)})]
        both = sorted(set(data["forceIn"]) & set(data["forceOut"]))
        if both and "forceOut" not in errors:
            errors["forceOut"] = [str(_("Forced in and left out at once: %(codes)s") % {"codes": ", ".join(both)})]
        if errors:
            raise serializers.ValidationError(errors)
        return data
