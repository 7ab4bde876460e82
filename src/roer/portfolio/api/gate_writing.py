"""Recording a gate review over the API, through ``record_gate_review`` like the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.api.lifecycle import GateReviewSerializer, GateReviewViewSet
from roer.portfolio.api.report_writing import VisibleInitiativeField
from roer.portfolio.models import Gate, GateOutcome, Initiative, Lever
from roer.portfolio.services.gates import LeverInput, LeversBelowThreshold, record_gate_review


class NewLeverScoreSerializer(serializers.Serializer):  # type: ignore[type-arg]
    lever = serializers.ChoiceField(choices=Lever.choices, help_text=_("The lever."))
    score = serializers.IntegerField(min_value=0, max_value=3, help_text=_("0 (absent) to 3 (strong)."))
    evidence = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("The evidence."))
    waiverReason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("At a passing approval gate: why the gate may pass although this lever is below the threshold."),
    )


class NewGateReviewSerializer(serializers.Serializer):  # type: ignore[type-arg]
    initiative = VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative reviewed.")
    )
    gate = serializers.ChoiceField(choices=Gate.choices, help_text=_("The gate."))
    outcome = serializers.ChoiceField(choices=GateOutcome.choices, help_text=_("The outcome."))
    heldOn = serializers.DateField(required=False, help_text=_("When the gate was held; today if left out."))
    conditions = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("Conditions."))
    notes = serializers.CharField(required=False, allow_blank=True, default="", help_text=_("Notes."))
    adoptionEvaluation = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Required for a passing closure: how far the users adopted the result."),
    )
    levers = NewLeverScoreSerializer(many=True, help_text=_("A score for each of the six levers."))

    def validate_levers(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        given = [item["lever"] for item in value]
        if sorted(given) != sorted(Lever.values):
            raise ValidationError(_("Score each of the six levers exactly once."))
        return value


def reviews_gates_somewhere(user: Any) -> bool:
    return has_capability(user, Capability.REVIEW_GATES)


class GateReviewWritingViewSet(mixins.CreateModelMixin, GateReviewViewSet):
    """Gate reviews of the initiatives you can see, with the lever scores of each.

    Those who review gates record a review with all six lever scores; a passing review
    moves the initiative's phase forward. A passing approval needs a waiver reason for
    every lever below the organisation's threshold; a passing closure needs the
    adoption evaluation.
    """

    def get_serializer_class(self) -> Any:
        return NewGateReviewSerializer if self.action == "create" else GateReviewSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not reviews_gates_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not record gate reviews.")))

    @extend_schema(request=NewGateReviewSerializer, responses={201: GateReviewSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {
            "gate": data["gate"],
            "outcome": data["outcome"],
            "held_on": data.get("heldOn"),
            "conditions": data["conditions"],
            "notes": data["notes"],
            "adoption_evaluation": data["adoptionEvaluation"],
        }
        levers = {
            item["lever"]: LeverInput(item["score"], item["evidence"], item["waiverReason"]) for item in data["levers"]
        }
        try:
            review = record_gate_review(request.user, data["initiative"], values, levers)
        except LeversBelowThreshold as below:
            raise ValidationError({"levers": below.messages}) from None
        body = GateReviewSerializer(review, context=self.get_serializer_context()).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api-gate-review-detail", kwargs={"pk": review.pk}, request=request)
        return response
