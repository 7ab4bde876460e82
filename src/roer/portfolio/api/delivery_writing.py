"""Recording and changing milestones, quality reviews, societal benefits, development parties and
parliamentary documents over the API, through ``services.delivery`` like the initiative file.

Whoever may change the initiative may add and change its records. A change sends the
record's ``ETag`` (a fingerprint of its values) in ``If-Match``, so nobody overwrites a
change they have not seen. There is no delete over the API.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.exceptions import PreconditionFailed
from roer.portfolio.api import delivery as read
from roer.portfolio.api.etags import require, tag, tagged
from roer.portfolio.api.report_writing import VisibleInitiativeField
from roer.portfolio.api.writing import api_names, changes_initiatives_somewhere, invalid
from roer.portfolio.models import (
    DevelopmentParty,
    Initiative,
    Milestone,
    ParliamentaryDocument,
    QualityReview,
    SocietalBenefit,
)
from roer.portfolio.services.delivery import LISTS, add_entry, update_entry
from roer.portfolio.services.stale import ChangedMeanwhile, fingerprint


def _initiative() -> VisibleInitiativeField:
    return VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative this belongs to.")
    )


class MilestoneChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    expectedDate = serializers.DateField(source="expected_on", help_text=_("When it is expected."))
    realisedDate = serializers.DateField(
        source="realised_on", required=False, allow_null=True, help_text=_("When it was realised; empty if not yet.")
    )
    metRequirements = serializers.BooleanField(
        source="met_requirements",
        required=False,
        allow_null=True,
        help_text=_("Whether it met the requirements; empty until it is realised."),
    )
    planVersion = serializers.CharField(
        source="plan_version",
        required=False,
        allow_blank=True,
        max_length=50,
        help_text=_("Version of the project plan it comes from."),
    )

    class Meta:
        model = Milestone
        fields = ["description", "expectedDate", "realisedDate", "achieved", "metRequirements", "planVersion"]


class NewMilestoneSerializer(MilestoneChangeSerializer):
    initiative = _initiative()

    class Meta(MilestoneChangeSerializer.Meta):
        fields = ["initiative", *MilestoneChangeSerializer.Meta.fields]


class QualityReviewChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    heldOn = serializers.DateField(source="held_on", help_text=_("When the review was held."))

    class Meta:
        model = QualityReview
        fields = ["heldOn", "party", "kind", "outcome"]


class NewQualityReviewSerializer(QualityReviewChangeSerializer):
    initiative = _initiative()

    class Meta(QualityReviewChangeSerializer.Meta):
        fields = ["initiative", *QualityReviewChangeSerializer.Meta.fields]


def _amount(source: str, help_text: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        source=source, max_digits=14, decimal_places=2, required=False, allow_null=True, help_text=help_text
    )


class SocietalBenefitChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    oneOffAmount = _amount(
        "one_off_amount", _("Quantified one-off benefit in euro, as a decimal string; empty if not quantified.")
    )
    yearlyAmount = _amount(
        "yearly_amount", _("Quantified benefit per year in euro, as a decimal string; empty if not quantified.")
    )

    class Meta:
        model = SocietalBenefit
        fields = ["explanation", "oneOffAmount", "yearlyAmount"]


class NewSocietalBenefitSerializer(SocietalBenefitChangeSerializer):
    initiative = _initiative()

    class Meta(SocietalBenefitChangeSerializer.Meta):
        fields = ["initiative", *SocietalBenefitChangeSerializer.Meta.fields]


class DevelopmentPartyChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = DevelopmentParty
        fields = ["party", "role"]


class NewDevelopmentPartySerializer(DevelopmentPartyChangeSerializer):
    initiative = _initiative()

    class Meta(DevelopmentPartyChangeSerializer.Meta):
        fields = ["initiative", *DevelopmentPartyChangeSerializer.Meta.fields]


class ParliamentaryDocumentChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    letterDate = serializers.DateField(
        source="letter_date", required=False, allow_null=True, help_text=_("Date of the letter; empty if unknown.")
    )
    independentAdvice = serializers.BooleanField(
        source="independent_advice", required=False, help_text=_("Independent advice given, e.g. by the AcICT.")
    )

    class Meta:
        model = ParliamentaryDocument
        fields = ["title", "number", "link", "letterDate", "independentAdvice"]


class NewParliamentaryDocumentSerializer(ParliamentaryDocumentChangeSerializer):
    initiative = _initiative()

    class Meta(ParliamentaryDocumentChangeSerializer.Meta):
        fields = ["initiative", *ParliamentaryDocumentChangeSerializer.Meta.fields]


class DeliveryWriting:
    """Create, replace and patch for a delivery list's viewset (mixed in before the read-only one)."""

    concurrency_control = True
    slug: ClassVar[str]
    new_serializer: ClassVar[type[serializers.Serializer]]  # type: ignore[type-arg]
    change_serializer: ClassVar[type[serializers.Serializer]]  # type: ignore[type-arg]
    serializer_class: Any
    action: str
    request: Any

    def get_serializer_class(self) -> Any:
        return {"create": self.new_serializer, "update": self.change_serializer}.get(
            "update" if self.action == "partial_update" else self.action, self.serializer_class
        )

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)  # type: ignore[misc]
        if self.action == "create" and not changes_initiatives_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not change initiatives.")))  # type: ignore[attr-defined]

    def _version(self, entry: Any) -> str:
        return fingerprint(entry, LISTS[self.slug].fields)

    def _shown(self, entry: Any) -> Any:
        return self.serializer_class(entry, context=self.get_serializer_context()).data  # type: ignore[attr-defined]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()  # type: ignore[attr-defined]
        return tagged(Response(self._shown(entry)), self._version(entry))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)  # type: ignore[attr-defined]
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        initiative = values.pop("initiative")
        try:
            entry = add_entry(request.user, initiative, self.slug, values)
        except DjangoValidationError as error:
            raise invalid(error, api_names(serializer)) from None
        response = tagged(Response(self._shown(entry), status=status.HTTP_201_CREATED), self._version(entry))
        response["Location"] = reverse(f"{self.basename}-detail", kwargs={"pk": entry.pk}, request=request)  # type: ignore[attr-defined]
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        entry = self.get_object()  # type: ignore[attr-defined]
        expected = require(request, self._version(entry), lambda: self._shown(entry))
        partial = kwargs.get("partial", False)
        serializer = self.get_serializer(entry, data=request.data, partial=partial)  # type: ignore[attr-defined]
        serializer.is_valid(raise_exception=True)
        try:
            saved = update_entry(request.user, self.slug, entry, dict(serializer.validated_data), expected)
        except ChangedMeanwhile as stale:
            raise self._stale(stale.current) from None
        except DjangoValidationError as error:
            raise invalid(error, api_names(serializer)) from None
        return tagged(Response(self._shown(saved)), self._version(saved))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def _stale(self, current: Any) -> Exception:
        return PreconditionFailed(current=self._shown(current), etag=tag(self._version(current)))


def _schema(new: Any, change: Any, shown: Any) -> Any:
    return extend_schema_view(
        create=extend_schema(request=new, responses={201: shown}),
        update=extend_schema(request=change, responses=shown),
        partial_update=extend_schema(request=change, responses=shown),
    )


@_schema(NewMilestoneSerializer, MilestoneChangeSerializer, read.MilestoneSerializer)
class MilestoneWritingViewSet(DeliveryWriting, read.MilestoneViewSet):
    """Milestones of the initiatives you can see; whoever may change an initiative records and changes them."""

    slug = "milestones"
    new_serializer = NewMilestoneSerializer
    change_serializer = MilestoneChangeSerializer


@_schema(NewQualityReviewSerializer, QualityReviewChangeSerializer, read.QualityReviewSerializer)
class QualityReviewWritingViewSet(DeliveryWriting, read.QualityReviewViewSet):
    """Quality reviews (gateway reviews, audits, AcICT) of the initiatives you can see; recorded once held."""

    slug = "quality-reviews"
    new_serializer = NewQualityReviewSerializer
    change_serializer = QualityReviewChangeSerializer


@_schema(NewSocietalBenefitSerializer, SocietalBenefitChangeSerializer, read.SocietalBenefitSerializer)
class SocietalBenefitWritingViewSet(DeliveryWriting, read.SocietalBenefitViewSet):
    """Societal benefits of the initiatives you can see; amounts are decimal strings in euro."""

    slug = "societal-benefits"
    new_serializer = NewSocietalBenefitSerializer
    change_serializer = SocietalBenefitChangeSerializer


@_schema(NewDevelopmentPartySerializer, DevelopmentPartyChangeSerializer, read.DevelopmentPartySerializer)
class DevelopmentPartyWritingViewSet(DeliveryWriting, read.DevelopmentPartyViewSet):
    """Parties that develop the initiatives you can see, and their roles."""

    slug = "development-parties"
    new_serializer = NewDevelopmentPartySerializer
    change_serializer = DevelopmentPartyChangeSerializer


@_schema(
    NewParliamentaryDocumentSerializer, ParliamentaryDocumentChangeSerializer, read.ParliamentaryDocumentSerializer
)
class ParliamentaryDocumentWritingViewSet(DeliveryWriting, read.ParliamentaryDocumentViewSet):
    """Parliamentary or council documents about the initiatives you can see, with the independent-advice flag."""

    slug = "documents"
    new_serializer = NewParliamentaryDocumentSerializer
    change_serializer = ParliamentaryDocumentChangeSerializer
