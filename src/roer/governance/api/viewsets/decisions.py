"""Decisions: read, and corrected by a new decision; never changed or deleted (405)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from roer.governance.api.filters import (
    DecisionFilter,
)
from roer.governance.api.serializers import (
    CorrectionSerializer,
    DecisionSerializer,
)
from roer.governance.api.viewsets.common import _REFERENCE, _decision_created, _ReadOnlyViewSet
from roer.governance.models import (
    Decision,
)
from roer.governance.services import flow


class DecisionViewSet(_ReadOnlyViewSet):
    """Decisions on the proposals you can see, newest first, with their basis (unit mandate,
    consensus, mandate after failed consensus, correction), rationale and every dissent.

    Decisions are immutable: PUT, PATCH and DELETE answer 405. A correction is a new decision
    that supersedes the old one (`corrections`), taken by the accountable decider.
    """

    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter
    lookup_field = "reference"
    lookup_value_regex = _REFERENCE

    def get_queryset(self) -> QuerySet[Decision]:
        return (
            Decision.objects.for_user(self.request.user)
            .select_related("proposal", "supersedes", "superseded_by")
            .prefetch_related("dissent")
        )

    @extend_schema(request=CorrectionSerializer, responses={201: DecisionSerializer})
    @action(detail=True, methods=["post"], url_path="corrections")
    def corrections(self, request: Request, reference: str) -> Response:
        """Correct a decision: a new decision that supersedes it; the old one stays as it was."""
        decision = self.get_object()
        serializer = CorrectionSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        correction = flow.supersede(
            request.user, decision, data["outcome"], data["rationale"], data["conditions"], data.get("validUntil")
        )
        return _decision_created(self, correction)
