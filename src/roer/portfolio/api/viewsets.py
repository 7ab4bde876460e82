"""The initiative register over the API: read, register and change; never delete.

Changes go through ``portfolio.services`` like the pages do, and are guarded
by ``If-Match`` so that nobody overwrites a change they have not seen.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import QuerySet
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.concurrency import ConcurrencyControlMixin
from roer.portfolio.api.filters import InitiativeFilter
from roer.portfolio.api.serializers import InitiativeSerializer, NewInitiativeSerializer
from roer.portfolio.models import Initiative
from roer.portfolio.services import (
    IntakeIncomplete,
    Refused,
    StaleVersion,
    create_initiative,
    update_initiative,
)

CHANGE = "portfolio.change_initiative"


def _refusal(refused: Refused) -> Exception:
    """Something missing (the intake rule) is an invalid value, 400; anything else is not allowed, 403."""
    if isinstance(refused, IntakeIncomplete):
        return ValidationError({refused.field: [str(refused.message)]})
    return PermissionDenied(refused.message)


class InitiativeViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Initiatives in the org units you can see, and those you sponsor or manage.

    A change must send the `ETag` of the version it is based on in `If-Match`.
    There is no delete: the register is permanent; stop an initiative with its phase.
    """

    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9-]+"
    action_perms: ClassVar[dict[str, str]] = {"create": "portfolio.add_initiative"}
    object_perms: ClassVar[dict[str, str]] = {"update": CHANGE, "partial_update": CHANGE}

    def get_queryset(self) -> QuerySet[Initiative]:
        return Initiative.objects.for_user(self.request.user).select_related("org_unit")

    def get_serializer_class(self) -> type[InitiativeSerializer]:
        return NewInitiativeSerializer if self.action == "create" else InitiativeSerializer

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        initiative = self.get_object()
        return self.versioned(Response(self.get_serializer(initiative).data), initiative)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            initiative = create_initiative(request.user, serializer.validated_data)
        except Refused as refused:
            raise _refusal(refused) from None
        location = reverse("api-initiative-detail", kwargs={"code": initiative.code}, request=request)
        response = Response(self.get_serializer(initiative).data, status=status.HTTP_201_CREATED)
        response["Location"] = location
        return self.versioned(response, initiative)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        initiative = self.get_object()
        version = self.require_version(request, initiative)
        serializer = self.get_serializer(initiative, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        try:
            saved = update_initiative(request.user, initiative, serializer.validated_data, version)
        except StaleVersion as stale:
            raise self.stale(stale.current) from None
        except Refused as refused:
            raise _refusal(refused) from None
        return self.versioned(Response(self.get_serializer(saved).data), saved)
