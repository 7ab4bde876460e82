"""Frameworks and the compliance statements of initiatives (comply or explain)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from roer.api.concurrency import ConcurrencyControlMixin
from roer.governance.api.filters import (
    ComplianceStatementFilter,
)
from roer.governance.api.serializers import (
    ChangeComplianceStatementSerializer,
    ComplianceStatementSerializer,
    FrameworkSerializer,
    NewComplianceStatementSerializer,
)
from roer.governance.api.viewsets.common import _ReadOnlyViewSet
from roer.governance.models import (
    ComplianceStatement,
    Framework,
    FrameworkVersion,
)
from roer.governance.services import compliance
from roer.portfolio.models import Initiative


class FrameworkViewSet(_ReadOnlyViewSet):
    """Binding frameworks set at your org units or above them, with every version (draft, or set by a
    decision) and its requirement statements."""

    serializer_class = FrameworkSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"

    def get_queryset(self) -> QuerySet[Framework]:
        versions = FrameworkVersion.objects.select_related("decision").prefetch_related("requirements")
        return Framework.objects.for_user(self.request.user).prefetch_related(Prefetch("versions", queryset=versions))


def states_somewhere(user: Any) -> bool:
    """May change some initiative (sponsor, manager, or a role that changes initiatives): may state."""
    return bool(user.has_perm("strategy.add_contribution"))


_STATEMENT_CHANGE = extend_schema(request=ChangeComplianceStatementSerializer, responses=ComplianceStatementSerializer)


@extend_schema_view(
    create=extend_schema(request=NewComplianceStatementSerializer, responses={201: ComplianceStatementSerializer}),
    update=_STATEMENT_CHANGE,
    partial_update=_STATEMENT_CHANGE,
)
class ComplianceStatementViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Comply or explain: per initiative you can see and framework, whether it complies or asks for an
    exemption (requested, granted or refused by a decision), with the explanation.

    The initiative's sponsor or manager, or whoever may change it, states against the version in
    force; an exemption request (with `exemptionUntil`) becomes an exemption proposal at once,
    decided by its own decision. A revision sends `If-Match`; not while the exemption awaits
    its decision.
    """

    filterset_class = ComplianceStatementFilter
    shown_serializer_class = ComplianceStatementSerializer

    def get_queryset(self) -> QuerySet[ComplianceStatement]:
        initiatives = Initiative.objects.for_user(self.request.user)
        return ComplianceStatement.objects.filter(initiative__in=initiatives).select_related(
            "initiative", "framework", "decision"
        )

    def get_serializer_class(self) -> Any:
        if self.action == "create":
            return NewComplianceStatementSerializer
        if self.action in ("update", "partial_update"):
            return ChangeComplianceStatementSerializer
        return ComplianceStatementSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not states_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not state compliance.")))

    def _shown(self, statement: ComplianceStatement, code: int = status.HTTP_200_OK) -> Response:
        return self.respond_fresh(statement, code, "api-governance-compliance-statement-detail")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        statement = self.get_object()
        return self.versioned(Response(self.get_serializer(statement).data), statement)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {
            "state": data["state"],
            "explanation": data["explanation"],
            "exemption_until": data.get("exemptionUntil"),
        }
        try:
            statement = compliance.state(request.user, data["initiative"], data["framework"], values)
        except compliance.StaleStatement:
            message = _("The initiative already stated on this framework: change that statement (PUT or PATCH).")
            raise ValidationError({"framework": [str(message)]}) from None
        return self._shown(statement, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        statement = self.get_object()
        version = self.require_version(request, statement)
        serializer = self.get_serializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {
            "state": data.get("state", statement.state),
            "explanation": data.get("explanation", statement.explanation),
            "exemption_until": data.get("exemptionUntil", statement.exemption_until),
        }
        try:
            saved = compliance.state(request.user, statement.initiative, statement.framework, values, version)
        except compliance.StaleStatement as stale:
            raise self.stale(self.get_queryset().get(pk=stale.current.pk)) from None
        return self._shown(saved)
