"""What initiatives deliver and who looks at them, over the API, read-only: milestones,
quality reviews, societal benefits, development parties and parliamentary documents."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import (
    DevelopmentParty,
    Milestone,
    ParliamentaryDocument,
    QualityReview,
    ReviewKind,
    SocietalBenefit,
)


class MilestoneSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    expectedDate = serializers.DateField(source="expected_on", read_only=True, help_text=_("When it is expected."))
    realisedDate = serializers.DateField(
        source="realised_on", read_only=True, allow_null=True, help_text=_("When it was realised; empty if not yet.")
    )
    metRequirements = serializers.BooleanField(
        source="met_requirements", read_only=True, allow_null=True, help_text=_("Whether it met the requirements.")
    )
    planVersion = serializers.CharField(
        source="plan_version", read_only=True, help_text=_("Version of the project plan it comes from.")
    )

    class Meta:
        model = Milestone
        fields = [
            "id",
            "initiative",
            "description",
            "expectedDate",
            "realisedDate",
            "achieved",
            "metRequirements",
            "planVersion",
        ]
        read_only_fields = fields


class MilestoneFilter(PartFilter):
    achieved = django_filters.BooleanFilter(label=_("Achieved or not."))

    class Meta:
        model = Milestone
        fields: list[str] = []


class MilestoneViewSet(PartViewSet):
    """Milestones of the initiatives you can see."""

    model = Milestone
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter


class QualityReviewSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    heldOn = serializers.DateField(source="held_on", read_only=True, help_text=_("When the review was held."))

    class Meta:
        model = QualityReview
        fields = ["id", "initiative", "heldOn", "party", "kind", "outcome"]
        read_only_fields = fields


class QualityReviewFilter(PartFilter):
    kind = django_filters.ChoiceFilter(choices=ReviewKind.choices, label=_("Kind of review."))

    class Meta:
        model = QualityReview
        fields: list[str] = []


class QualityReviewViewSet(PartViewSet):
    """Quality reviews (gateway reviews, audits, AcICT) of the initiatives you can see."""

    model = QualityReview
    serializer_class = QualityReviewSerializer
    filterset_class = QualityReviewFilter


class SocietalBenefitSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    oneOffAmount = serializers.DecimalField(
        source="one_off_amount",
        max_digits=14,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=_("Quantified one-off benefit in euro, as a decimal string; empty if not quantified."),
    )
    yearlyAmount = serializers.DecimalField(
        source="yearly_amount",
        max_digits=14,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text=_("Quantified benefit per year in euro, as a decimal string; empty if not quantified."),
    )

    class Meta:
        model = SocietalBenefit
        fields = ["id", "initiative", "explanation", "oneOffAmount", "yearlyAmount"]
        read_only_fields = fields


class SocietalBenefitViewSet(PartViewSet):
    """Societal benefits of the initiatives you can see."""

    model = SocietalBenefit
    serializer_class = SocietalBenefitSerializer
    filterset_class = PartFilter


class DevelopmentPartySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()

    class Meta:
        model = DevelopmentParty
        fields = ["id", "initiative", "party", "role"]
        read_only_fields = fields


class DevelopmentPartyViewSet(PartViewSet):
    """Parties that develop the initiatives you can see, and their roles."""

    model = DevelopmentParty
    serializer_class = DevelopmentPartySerializer
    filterset_class = PartFilter


class ParliamentaryDocumentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    letterDate = serializers.DateField(
        source="letter_date", read_only=True, allow_null=True, help_text=_("Date of the letter; empty if unknown.")
    )
    independentAdvice = serializers.BooleanField(
        source="independent_advice", read_only=True, help_text=_("Independent advice given, e.g. by the AcICT.")
    )

    class Meta:
        model = ParliamentaryDocument
        fields = ["id", "initiative", "title", "number", "link", "letterDate", "independentAdvice"]
        read_only_fields = fields


class ParliamentaryDocumentViewSet(PartViewSet):
    """Parliamentary or council documents about the initiatives you can see."""

    model = ParliamentaryDocument
    serializer_class = ParliamentaryDocumentSerializer
    filterset_class = PartFilter
