"""Status reports (own, independent and CIO ratings) and CIO opinions over the API, read-only."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.filters import OrderingFilter
from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import CioOpinion, OpinionKind, Rag, StatusReport


class StatusReportSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    periodEnd = serializers.DateField(
        source="period_end", read_only=True, help_text=_("The end of the period this report covers.")
    )
    varianceNarrative = serializers.CharField(
        source="variance_narrative", read_only=True, help_text=_("Explanation of cost or schedule variances.")
    )
    reportedBy = serializers.IntegerField(
        source="reported_by_id", read_only=True, help_text=_("Id of the person who reported.")
    )
    independentOverall = serializers.CharField(
        source="independent_overall", read_only=True, help_text=_("Independent rating; empty if not yet given.")
    )
    independentComment = serializers.CharField(
        source="independent_comment", read_only=True, help_text=_("Comment with the independent rating.")
    )
    independentBy = serializers.IntegerField(
        source="independent_by_id",
        read_only=True,
        allow_null=True,
        help_text=_("Id of the person who gave the independent rating; empty if none."),
    )
    cioRating = serializers.IntegerField(
        source="cio_rating",
        read_only=True,
        allow_null=True,
        help_text=_("CIO risk rating: 1 is high risk, 5 is low risk; empty if not yet given."),
    )
    cioComment = serializers.CharField(source="cio_comment", read_only=True, help_text=_("Comment of the CIO."))
    cioRatedBy = serializers.IntegerField(
        source="cio_rated_by_id",
        read_only=True,
        allow_null=True,
        help_text=_("Id of the person who gave the CIO rating; empty if none."),
    )

    class Meta:
        model = StatusReport
        fields = [
            "id",
            "initiative",
            "periodEnd",
            "cost",
            "schedule",
            "scope",
            "risk",
            "overall",
            "narrative",
            "varianceNarrative",
            "reportedBy",
            "independentOverall",
            "independentComment",
            "independentBy",
            "cioRating",
            "cioComment",
            "cioRatedBy",
        ]
        read_only_fields = fields


class StatusReportFilter(PartFilter):
    overall = django_filters.ChoiceFilter(choices=Rag.choices, label=_("Own overall rating."))
    ordering = OrderingFilter(
        fields=(("period_end", "periodEnd"),),
        field_labels={"period_end": _("Reference date")},
        label=_("Sort order; a leading minus sorts descending."),
    )

    class Meta:
        model = StatusReport
        fields: list[str] = []


class StatusReportViewSet(PartViewSet):
    """Status reports of the initiatives you can see, newest first, with the independent and CIO ratings."""

    model = StatusReport
    serializer_class = StatusReportSerializer
    filterset_class = StatusReportFilter


class CioOpinionSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    givenOn = serializers.DateField(source="given_on", read_only=True, help_text=_("When the opinion was given."))
    givenBy = serializers.IntegerField(source="given_by_id", read_only=True, help_text=_("Id of the CIO (person)."))

    class Meta:
        model = CioOpinion
        fields = ["id", "initiative", "givenOn", "opinion", "text", "givenBy"]
        read_only_fields = fields


class CioOpinionFilter(PartFilter):
    opinion = django_filters.ChoiceFilter(choices=OpinionKind.choices, label=_("Opinion."))

    class Meta:
        model = CioOpinion
        fields: list[str] = []


class CioOpinionViewSet(PartViewSet):
    """Formal CIO opinions on the initiatives you can see, newest first."""

    model = CioOpinion
    serializer_class = CioOpinionSerializer
    filterset_class = CioOpinionFilter
