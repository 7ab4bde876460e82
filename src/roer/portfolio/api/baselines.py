"""Baselines over the API, read-only: the initial one (number 0) and every re-baseline."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import Baseline, BaselineCost, BaselineKind


class BaselineCostSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, help_text=_("Amount in euro, as a decimal string.")
    )

    class Meta:
        model = BaselineCost
        fields = ["category", "amount"]
        read_only_fields = fields


class BaselineSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    recordedOn = serializers.DateField(source="recorded_on", read_only=True, help_text=_("When it was recorded."))
    startDate = serializers.DateField(source="start_date", read_only=True, help_text=_("Planned start."))
    endDate = serializers.DateField(source="end_date", read_only=True, help_text=_("Planned end."))
    costChangeExplanation = serializers.CharField(
        source="cost_change_explanation", read_only=True, help_text=_("Why the costs changed.")
    )
    endChangeExplanation = serializers.CharField(
        source="end_date_change_explanation", read_only=True, help_text=_("Why the end date changed.")
    )
    decisionReference = serializers.CharField(
        source="decision_reference", read_only=True, help_text=_("The decision that approved this baseline.")
    )
    recordedBy = serializers.IntegerField(
        source="recorded_by_id", read_only=True, help_text=_("Id of the person who recorded it.")
    )
    costs = BaselineCostSerializer(many=True, read_only=True, help_text=_("Planned costs per category."))

    class Meta:
        model = Baseline
        fields = [
            "id",
            "initiative",
            "number",
            "kind",
            "recordedOn",
            "startDate",
            "endDate",
            "reason",
            "costChangeExplanation",
            "endChangeExplanation",
            "decisionReference",
            "recordedBy",
            "costs",
        ]
        read_only_fields = fields
        extra_kwargs = {"number": {"help_text": _("0 is the initial baseline.")}}  # noqa: RUF012


class BaselineFilter(PartFilter):
    kind = django_filters.ChoiceFilter(choices=BaselineKind.choices, label=_("Initial baseline or re-baseline."))

    class Meta:
        model = Baseline
        fields: list[str] = []


class BaselineViewSet(PartViewSet):
    """Baselines of the initiatives you can see: the initial plan is kept, every re-baseline is explained."""

    model = Baseline
    serializer_class = BaselineSerializer
    filterset_class = BaselineFilter
    prefetch: ClassVar[tuple[str, ...]] = ("costs",)
