"""Gate reviews over the API, read-only, each with its six lever scores nested."""

from __future__ import annotations

from typing import ClassVar

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.filters import OrderingFilter
from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import Gate, GateOutcome, GateReview, LeverScore


class LeverScoreSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    waiverReason = serializers.CharField(
        source="waiver_reason", read_only=True, help_text=_("Why the gate may pass although the lever is low.")
    )
    waivedBy = serializers.IntegerField(
        source="waived_by_id",
        read_only=True,
        allow_null=True,
        help_text=_("Id of the person who granted the waiver; empty if none."),
    )

    class Meta:
        model = LeverScore
        fields = ["lever", "score", "evidence", "waiverReason", "waivedBy"]
        read_only_fields = fields


class GateReviewSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    heldOn = serializers.DateField(source="held_on", read_only=True, help_text=_("When the gate was held."))
    reviewer = serializers.IntegerField(
        source="reviewer_id", read_only=True, help_text=_("Id of the reviewer (person).")
    )
    adoptionEvaluation = serializers.CharField(
        source="adoption_evaluation", read_only=True, help_text=_("At closure: how far the users adopted the result.")
    )
    levers = LeverScoreSerializer(many=True, read_only=True, help_text=_("The six levers, scored 0 to 3."))

    class Meta:
        model = GateReview
        fields = [
            "id",
            "initiative",
            "gate",
            "outcome",
            "heldOn",
            "reviewer",
            "conditions",
            "notes",
            "adoptionEvaluation",
            "levers",
        ]
        read_only_fields = fields


class GateReviewFilter(PartFilter):
    gate = django_filters.ChoiceFilter(choices=Gate.choices, label=_("Gate."))
    outcome = django_filters.ChoiceFilter(choices=GateOutcome.choices, label=_("Outcome."))
    ordering = OrderingFilter(
        fields=(("held_on", "heldOn"),),
        field_labels={"held_on": _("Date")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = GateReview
        fields: list[str] = []


class GateReviewViewSet(PartViewSet):
    """Gate reviews of the initiatives you can see, with the lever scores of each."""

    model = GateReview
    serializer_class = GateReviewSerializer
    filterset_class = GateReviewFilter
    prefetch: ClassVar[tuple[str, ...]] = ("levers",)
