"""Goals, KPIs, measurements and contributions as the API shows them (camelCase).

Changes go through ``roer.strategy.services``; the serializers only read and check input.
Related objects are chosen among those the caller can see (``ScopedRelatedField``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.organisation.models import OrgUnit, Person
from roer.portfolio.models import Initiative
from roer.strategy.models import KPI, Contribution, Goal, Measurement

_VERSION = {"help_text": _("Goes up by one with every change; the ETag carries it too.")}


class ScopedCodeField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """An initiative by its code, among those the caller can see."""

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return Initiative.objects.for_user(getattr(request, "user", None))


class GoalSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = ScopedRelatedField(
        source="org_unit", queryset=OrgUnit.objects.all(), help_text=_("Id of the org unit the goal belongs to.")
    )
    # Declared fields leave the class body (DRF's metaclass); the name only clashes in the type stubs.
    parent = ScopedRelatedField(  # type: ignore[assignment]
        queryset=Goal.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Id of the goal one level higher that this goal serves; empty for an ambition."),
    )
    owner = ScopedRelatedField(
        queryset=Person.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text=_("Id of the person who owns the goal."),
    )
    horizonStart = serializers.DateField(
        source="horizon_start", required=False, allow_null=True, help_text=_("First day of the goal's horizon.")
    )
    horizonEnd = serializers.DateField(
        source="horizon_end", required=False, allow_null=True, help_text=_("Last day of the goal's horizon.")
    )

    class Meta:
        model = Goal
        fields = [
            "id",
            "orgUnit",
            "parent",
            "level",
            "title",
            "description",
            "owner",
            "horizonStart",
            "horizonEnd",
            "version",
        ]
        read_only_fields = ["version"]
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}


class KpiSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = ScopedRelatedField(
        source="org_unit", queryset=OrgUnit.objects.all(), help_text=_("Id of the org unit that owns the KPI.")
    )
    unitOfMeasure = serializers.CharField(
        source="unit_of_measure", max_length=50, help_text=_("For example %, days, euro.")
    )
    baselineValue = serializers.DecimalField(
        source="baseline_value", max_digits=18, decimal_places=4, help_text=_("The value at the baseline date.")
    )
    baselineDate = serializers.DateField(source="baseline_date", help_text=_("When the baseline was measured."))
    targetValue = serializers.DecimalField(
        source="target_value", max_digits=18, decimal_places=4, help_text=_("The value to reach.")
    )
    targetDate = serializers.DateField(source="target_date", help_text=_("When the target is to be reached."))
    goals = ScopedRelatedField(
        many=True,
        queryset=Goal.objects.all(),
        required=False,
        help_text=_(
            "Ids of the goals this KPI measures, among those you can see. A change replaces this set; "
            "links to goals you cannot see are kept."
        ),
    )

    class Meta:
        model = KPI
        fields = [
            "id",
            "orgUnit",
            "name",
            "description",
            "unitOfMeasure",
            "direction",
            "baselineValue",
            "baselineDate",
            "targetValue",
            "targetDate",
            "source",
            "frequency",
            "goals",
            "version",
        ]
        read_only_fields = ["version"]
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}


class MeasurementSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    kpi = ScopedRelatedField(queryset=KPI.objects.all(), help_text=_("Id of the KPI measured."))
    measuredOn = serializers.DateField(source="measured_on", help_text=_("The day the value applies to."))
    value = serializers.DecimalField(max_digits=18, decimal_places=4, help_text=_("The measured value."))

    class Meta:
        model = Measurement
        fields = ["id", "kpi", "measuredOn", "value", "source", "note"]
        # The service checks uniqueness and says so at the field; DRF's check would be a general error.
        validators: list[Any] = []


class ChangeMeasurementSerializer(MeasurementSerializer):
    """A measurement stays with its KPI; record another measurement for another KPI."""

    kpi = serializers.PrimaryKeyRelatedField(  # type: ignore[assignment,var-annotated]
        read_only=True, help_text=_("Id of the KPI measured.")
    )


class ContributionSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = ScopedCodeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the contributing initiative.")
    )
    goal = ScopedRelatedField(queryset=Goal.objects.all(), help_text=_("Id of the goal served."))
    kpi = ScopedRelatedField(
        queryset=KPI.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Id of the KPI through which the effect shows; it must measure the goal."),
    )
    expectedChange = serializers.DecimalField(
        source="expected_change",
        max_digits=18,
        decimal_places=4,
        required=False,
        allow_null=True,
        help_text=_("Change of the KPI this initiative is expected to cause, in the KPI's unit (e.g. +5)."),
    )
    expectedBy = serializers.DateField(
        source="expected_by", required=False, allow_null=True, help_text=_("When the change is expected.")
    )
    effectFrom = serializers.DateField(
        source="effect_from",
        required=False,
        allow_null=True,
        help_text=_("The KPI value on this date is the starting point for the realised effect."),
    )
    weight = serializers.DecimalField(
        max_digits=7,
        decimal_places=2,
        required=False,
        help_text=_("Relative share of this initiative's money that serves this goal; more than zero."),
    )

    class Meta:
        model = Contribution
        fields = [
            "id",
            "initiative",
            "goal",
            "kpi",
            "expectedChange",
            "expectedBy",
            "effectFrom",
            "confidence",
            "weight",
            "rationale",
        ]
        validators: list[Any] = []  # uniqueness: the service says so at the field


class ChangeContributionSerializer(ContributionSerializer):
    """A contribution stays with its initiative."""

    initiative = serializers.SlugRelatedField(  # type: ignore[assignment,var-annotated]
        slug_field="code", read_only=True, help_text=_("Code of the contributing initiative.")
    )
