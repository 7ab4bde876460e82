"""Bodies, memberships and meetings."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from roer.api.concurrency import ConcurrencyControlMixin
from roer.governance.api.filters import (
    MeetingFilter,
    MembershipFilter,
)
from roer.governance.api.serializers import (
    BodySerializer,
    MeetingSerializer,
    MembershipSerializer,
)
from roer.governance.api.viewsets.common import _ReadOnlyViewSet
from roer.governance.models import (
    AgendaItem,
    Body,
    Decision,
    Meeting,
    Membership,
)
from roer.governance.services import bodies
from roer.organisation.access import has_capability
from roer.organisation.roles import Capability


class BodyViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Governance bodies (CIO council, portfolio board, chain board, architecture board) set at
    your org units or above them, and those you belong to; with the chair, secretary, mandate
    holder, quorum, consensus rule and meeting cadence.

    Those who manage governance at the body's unit set it up and change it (with `If-Match`).
    A quorum above the number of voting members is allowed (members are added afterwards, on
    the pages): until the body is back to strength, every vote escalates to the mandate holder.
    Bodies are not deleted.
    """

    serializer_class = BodySerializer

    def get_queryset(self) -> QuerySet[Body]:
        return Body.objects.for_user(self.request.user).select_related("org_unit")

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not has_capability(request.user, Capability.MANAGE_GOVERNANCE):
            self.permission_denied(request, message=str(_("You may not set up bodies.")))

    def _shown(self, body: Body, code: int = status.HTTP_200_OK) -> Response:
        return self.respond_fresh(body, code, "api-governance-body-detail")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_object()
        return self.versioned(Response(self.get_serializer(body).data), body)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._shown(bodies.create_body(request.user, dict(serializer.validated_data)), status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_object()
        version = self.require_version(request, body)
        serializer = self.get_serializer(body, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        try:
            saved = bodies.update_body(request.user, body, dict(serializer.validated_data), version)
        except bodies.StaleVersion as stale:
            raise self.stale(self.get_queryset().get(pk=stale.current.pk)) from None
        return self._shown(saved)


class MembershipViewSet(_ReadOnlyViewSet):
    """The members of the bodies you can see: voting or advisory, since and until when."""

    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter

    def get_queryset(self) -> QuerySet[Membership]:
        bodies = Body.objects.for_user(self.request.user)
        return Membership.objects.filter(body__in=bodies).select_related("body", "person")


class MeetingViewSet(_ReadOnlyViewSet):
    """Meetings of the bodies you can see, newest first, with the agenda and the decisions taken."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self) -> QuerySet[Meeting]:
        user = self.request.user
        items = AgendaItem.objects.select_related("proposal", "initiative").order_by("position")
        decisions = Decision.objects.for_user(user).order_by("decided_at", "pk")
        return Meeting.objects.filter(body__in=Body.objects.for_user(user)).prefetch_related(
            Prefetch("items", queryset=items), Prefetch("decisions", queryset=decisions)
        )
