"""Recording a baseline over the API, through ``record_baseline`` like the baseline page.

The first baseline of an initiative is the initial one; every later one is a
re-baseline and needs its reason and approving decision, and the explanation of a
change in total cost or end date. Baselines are immutable: there is no change or delete.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.api.baselines import BaselineSerializer, BaselineViewSet
from roer.portfolio.api.report_writing import VisibleInitiativeField
from roer.portfolio.api.writing import invalid
from roer.portfolio.models import CostCategory, Initiative
from roer.portfolio.services.baselines import record_baseline

# Service (model) field → API field, for the names in invalidParams.
NAMES = {
    "recorded_on": "recordedOn",
    "start_date": "startDate",
    "end_date": "endDate",
    "reason": "reason",
    "cost_change_explanation": "costChangeExplanation",
    "end_date_change_explanation": "endChangeExplanation",
    "decision_reference": "decisionReference",
}


class NewBaselineCostSerializer(serializers.Serializer):  # type: ignore[type-arg]
    category = serializers.ChoiceField(choices=CostCategory.choices, help_text=_("Cost category."))
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=Decimal(0),
        help_text=_("Planned amount in euro, as a decimal string."),
    )


def _text(help_text: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, default="", help_text=help_text)


class NewBaselineSerializer(serializers.Serializer):  # type: ignore[type-arg]
    initiative = VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative.")
    )
    recordedOn = serializers.DateField(
        required=False, help_text=_("When it was recorded; today if left out. Not before the previous baseline.")
    )
    startDate = serializers.DateField(help_text=_("Planned start."))
    endDate = serializers.DateField(help_text=_("Planned end."))
    reason = _text(_("Why the initiative is re-baselined; required for a re-baseline."))
    costChangeExplanation = _text(_("Why the costs change; required when the total changes."))
    endChangeExplanation = _text(_("Why the end date changes; required when it changes."))
    decisionReference = _text(_("The decision that approved this baseline; required for a re-baseline."))
    costs = NewBaselineCostSerializer(many=True, help_text=_("Planned costs per category, each category once."))

    def validate_costs(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        categories = [item["category"] for item in value]
        if len(set(categories)) != len(categories):
            raise ValidationError(_("Name each category at most once."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["endDate"] < attrs["startDate"]:
            raise ValidationError({"endDate": _("The end cannot lie before the start.")})
        return attrs


class BaselineWritingViewSet(mixins.CreateModelMixin, BaselineViewSet):
    """Baselines of the initiatives you can see: the initial plan is kept, every re-baseline is explained.

    Those who review gates record the initial baseline and every re-baseline, with its
    planned costs per category. A baseline is never changed or deleted.
    """

    def get_serializer_class(self) -> Any:
        return NewBaselineSerializer if self.action == "create" else BaselineSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not has_capability(request.user, Capability.REVIEW_GATES):
            self.permission_denied(request, message=str(_("You may not record baselines.")))

    @extend_schema(request=NewBaselineSerializer, responses={201: BaselineSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {model: data.get(name) for model, name in NAMES.items()}
        costs = {item["category"]: item["amount"] for item in data["costs"]}
        try:
            baseline = record_baseline(request.user, data["initiative"], values, costs)
        except DjangoValidationError as error:
            raise invalid(error, NAMES) from None
        body = BaselineSerializer(baseline, context=self.get_serializer_context()).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api-baseline-detail", kwargs={"pk": baseline.pk}, request=request)
        return response
