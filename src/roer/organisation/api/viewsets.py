"""The organisation resources: org units, people (read-only) and role assignments."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from roer.organisation.api.filters import OrgUnitFilter, PersonFilter, RoleAssignmentFilter
from roer.organisation.api.serializers import (
    EndRoleAssignmentSerializer,
    OrgUnitSerializer,
    PersonSerializer,
    RoleAssignmentSerializer,
)
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.organisation.services import assign_role, end_assignment

MANAGE = "organisation.manage"


class OrgUnitViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Org units you can see: those where you hold a role, and every unit below them."""

    serializer_class = OrgUnitSerializer
    filterset_class = OrgUnitFilter

    def get_queryset(self) -> QuerySet[OrgUnit]:
        return OrgUnit.objects.for_user(self.request.user)


class PersonViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """People who work in, or hold a role in, an org unit you can see."""

    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self) -> QuerySet[Person]:
        people: QuerySet[Person] = Person.objects.for_user(self.request.user)
        return people.order_by("last_name", "first_name", "username")


_END = extend_schema(request=EndRoleAssignmentSerializer, responses=RoleAssignmentSerializer)


@extend_schema_view(update=_END, partial_update=_END)
class RoleAssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Who holds which role in which org unit, and when.

    Everyone sees the roles in the units they can see. Functional administrators
    of a unit assign roles in it, set their last day (`validUntil`, the only
    thing that changes), and delete assignments made by mistake.
    """

    serializer_class = RoleAssignmentSerializer
    filterset_class = RoleAssignmentFilter
    action_perms: ClassVar[dict[str, str]] = {"create": MANAGE}
    object_perms: ClassVar[dict[str, str]] = {"update": MANAGE, "partial_update": MANAGE, "destroy": MANAGE}

    def get_queryset(self) -> QuerySet[RoleAssignment]:
        return RoleAssignment.objects.for_user(self.request.user).select_related("org_unit")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = assign_role(self.request.user, **serializer.validated_data)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        assignment = self.get_object()
        end = EndRoleAssignmentSerializer(data=request.data, partial=kwargs.get("partial", False))
        end.is_valid(raise_exception=True)
        if "valid_until" in end.validated_data:  # an empty PATCH changes nothing
            assignment = end_assignment(request.user, assignment, end.validated_data["valid_until"])
        return Response(self.get_serializer(assignment).data)

    def perform_destroy(self, instance: RoleAssignment) -> None:
        # No service for this: deleting is only for mistakes, and the audit trail keeps the record.
        with transaction.atomic():
            instance.delete()
