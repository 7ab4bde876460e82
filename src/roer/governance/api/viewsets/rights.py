"""The decision-rights matrix: decision types with their letters per role."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from roer.api.concurrency import ConcurrencyControlMixin
from roer.governance.api.serializers import (
    ChangeDecisionTypeSerializer,
    DecisionTypeSerializer,
)
from roer.governance.api.viewsets.common import _renamed
from roer.governance.models import (
    DecisionType,
)
from roer.governance.services import matrix
from roer.organisation.access import has_capability
from roer.organisation.roles import Capability, Role

_MATRIX_CHANGE = extend_schema(request=ChangeDecisionTypeSerializer, responses=DecisionTypeSerializer)


@extend_schema_view(update=_MATRIX_CHANGE, partial_update=_MATRIX_CHANGE)
class DecisionTypeViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """The decision-rights matrix: each decision type with its deadlines, escalation route and, per role,
    R (responsible: proposes), A (accountable: decides), C (consulted: advises) or I (informed).

    Those who manage governance for the whole organisation change it (with `If-Match`): a type keeps at
    least one accountable role, and the escalation role must be accountable. A role left out of
    `rights` keeps its letter; an empty `responsibility` removes it.
    """

    lookup_field = "code"
    shown_serializer_class = DecisionTypeSerializer
    lookup_value_regex = "[A-Za-z0-9_-]+"

    def get_queryset(self) -> QuerySet[DecisionType]:
        if not has_capability(self.request.user, Capability.VIEW_PORTFOLIO):
            return DecisionType.objects.none()
        return DecisionType.objects.prefetch_related("rights").order_by("name")

    def get_serializer_class(self) -> Any:
        if self.action in ("update", "partial_update"):
            return ChangeDecisionTypeSerializer
        return DecisionTypeSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action in ("update", "partial_update") and not matrix.may_edit_matrix(request.user):
            self.permission_denied(request, message=str(_("You may not change the decision-rights matrix.")))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kind = self.get_object()
        return self.versioned(Response(self.get_serializer(kind).data), kind)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kind = self.get_object()
        version = self.require_version(request, kind)
        serializer = self.get_serializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        names = {"adviceDays": "advice_days", "voteDays": "vote_days", "escalationDays": "escalation_days"}
        settings = {
            model: data[field]
            for field, model in {**names, "escalationRole": "escalation_role"}.items()
            if field in data
        }
        letters = {item["role"]: item["responsibility"] for item in data.get("rights", [])}
        try:
            saved = matrix.edit_decision_type(request.user, kind, settings, letters, version)
        except matrix.StaleVersion as stale:
            raise self.stale(self.get_queryset().get(pk=stale.current.pk)) from None
        except DjangoValidationError as error:
            raise _renamed(error, {role: "rights" for role in Role.values}) from None
        return self.respond_fresh(saved, status.HTTP_200_OK, "api-governance-decision-type-detail", "code")
