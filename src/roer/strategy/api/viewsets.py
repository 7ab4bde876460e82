"""The goal–effort network over the API: goals, KPIs, measurements and contributions.

Reads use the ``for_user`` query sets (goals and KPIs of the units above your scope are
visible too); every change goes through ``roer.strategy.services``, like the pages.
Goals and KPIs carry a version: a change must send its ``ETag`` in ``If-Match``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.serializers import BaseSerializer

from roer.api.concurrency import ConcurrencyControlMixin
from roer.strategy.api.filters import ContributionFilter, GoalFilter, KpiFilter, MeasurementFilter
from roer.strategy.api.serializers import (
    ChangeContributionSerializer,
    ChangeMeasurementSerializer,
    ContributionSerializer,
    GoalSerializer,
    KpiSerializer,
    MeasurementSerializer,
)
from roer.strategy.models import KPI, Contribution, Goal, Measurement
from roer.strategy.services import (
    StaleVersion,
    add_contribution,
    add_measurement,
    create_goal,
    create_kpi,
    delete_contribution,
    delete_goal,
    delete_measurement,
    update_contribution,
    update_goal,
    update_kpi,
    update_measurement,
)


class _CrudViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Read, create and change; deleting is added where a resource allows it."""


class _VersionedViewSet(ConcurrencyControlMixin, _CrudViewSet):
    """Create and change through a service; ETag on reads, If-Match on changes."""

    detail_route = ""

    def create_object(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def update_object(self, obj: Any, values: dict[str, Any], version: int) -> Any:
        raise NotImplementedError

    def fresh(self, obj: Any) -> Any:
        """The object as this view shows it (its prefetches), after a service changed it."""
        return self.get_queryset().get(pk=obj.pk)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        return self.versioned(Response(self.get_serializer(obj).data), obj)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        obj = self.fresh(self.create_object(serializer.validated_data))
        response = Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)
        response["Location"] = reverse(self.detail_route, kwargs={"pk": obj.pk}, request=request)
        return self.versioned(response, obj)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        version = self.require_version(request, obj)
        serializer = self.get_serializer(obj, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        try:
            saved = self.fresh(self.update_object(obj, serializer.validated_data, version))
        except StaleVersion as stale:
            raise self.stale(self.fresh(stale.current)) from None
        return self.versioned(Response(self.get_serializer(saved).data), saved)


class GoalViewSet(mixins.DestroyModelMixin, _VersionedViewSet):
    """Goals in a tree (ambition → strategic goal → objective) of the org units you can see,
    and of the units above them: an organisation's goals are visible in every unit.

    Goal managers of a unit add, change and delete its goals. A goal that has sub-goals
    or contributions cannot be deleted.
    """

    serializer_class = GoalSerializer
    filterset_class = GoalFilter
    detail_route = "api-goal-detail"
    action_perms: ClassVar[dict[str, str]] = {"create": "strategy.add_goal"}
    object_perms: ClassVar[dict[str, str]] = {
        "update": "strategy.change_goal",
        "partial_update": "strategy.change_goal",
        "destroy": "strategy.delete_goal",
    }

    def get_queryset(self) -> QuerySet[Goal]:
        return Goal.objects.for_user(self.request.user).select_related("org_unit")

    def create_object(self, values: dict[str, Any]) -> Goal:
        return create_goal(self.request.user, values)

    def update_object(self, obj: Any, values: dict[str, Any], version: int) -> Goal:
        return update_goal(self.request.user, obj, values, version)

    def perform_destroy(self, instance: Goal) -> None:
        delete_goal(self.request.user, instance)


class KpiViewSet(_VersionedViewSet):
    """KPIs of the org units you can see and of the units above them, with the goals they measure.

    KPIs are lasting metrics and are not deleted; unlink them from goals instead.
    """

    serializer_class = KpiSerializer
    filterset_class = KpiFilter
    detail_route = "api-kpi-detail"
    action_perms: ClassVar[dict[str, str]] = {"create": "strategy.add_kpi"}
    object_perms: ClassVar[dict[str, str]] = {
        "update": "strategy.change_kpi",
        "partial_update": "strategy.change_kpi",
    }

    def get_queryset(self) -> QuerySet[KPI]:
        user = self.request.user
        # Only the goals the caller can see are listed (and replaced by a change).
        goals = Prefetch("goals", queryset=Goal.objects.for_user(user).order_by("pk"))
        return KPI.objects.for_user(user).select_related("org_unit").prefetch_related(goals)

    def create_object(self, values: dict[str, Any]) -> KPI:
        return create_kpi(self.request.user, values)

    def update_object(self, obj: Any, values: dict[str, Any], version: int) -> KPI:
        return update_kpi(self.request.user, obj, values, version)


_CHANGE_MEASUREMENT = extend_schema(request=ChangeMeasurementSerializer, responses=ChangeMeasurementSerializer)


@extend_schema_view(update=_CHANGE_MEASUREMENT, partial_update=_CHANGE_MEASUREMENT)
class MeasurementViewSet(mixins.DestroyModelMixin, _CrudViewSet):
    """Measured values of the KPIs you can see. Those who record measurements for a KPI's
    org unit add, correct and delete them; a correction keeps the measurement's KPI.
    Whole files are imported with `roer import-measurements`."""

    serializer_class = MeasurementSerializer
    filterset_class = MeasurementFilter
    action_perms: ClassVar[dict[str, str]] = {"create": "strategy.record_measurement"}
    object_perms: ClassVar[dict[str, str]] = {
        "update": "strategy.record_measurement",
        "partial_update": "strategy.record_measurement",
        "destroy": "strategy.record_measurement",
    }

    def get_queryset(self) -> QuerySet[Measurement]:
        return Measurement.objects.for_user(self.request.user).select_related("kpi__org_unit")

    def get_serializer_class(self) -> type[MeasurementSerializer]:
        return ChangeMeasurementSerializer if self.action in ("update", "partial_update") else MeasurementSerializer

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = serializer.validated_data
        serializer.instance = add_measurement(self.request.user, values["kpi"], values)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert serializer.instance is not None
        serializer.instance = update_measurement(self.request.user, serializer.instance, serializer.validated_data)

    def perform_destroy(self, instance: Measurement) -> None:
        delete_measurement(self.request.user, instance)


_CHANGE_CONTRIBUTION = extend_schema(request=ChangeContributionSerializer, responses=ChangeContributionSerializer)


@extend_schema_view(update=_CHANGE_CONTRIBUTION, partial_update=_CHANGE_CONTRIBUTION)
class ContributionViewSet(mixins.DestroyModelMixin, _CrudViewSet):
    """How the initiatives you can see contribute to goals, optionally through a KPI.

    Whoever may change an initiative adds, changes and deletes its contributions. The
    KPI must measure the goal; the weight must be more than zero. An initiative past the
    idea phase keeps at least one contribution, unless it is mandatory by law.
    """

    serializer_class = ContributionSerializer
    filterset_class = ContributionFilter
    action_perms: ClassVar[dict[str, str]] = {"create": "strategy.add_contribution"}
    object_perms: ClassVar[dict[str, str]] = {
        "update": "strategy.change_contribution",
        "partial_update": "strategy.change_contribution",
        "destroy": "strategy.change_contribution",
    }

    def get_queryset(self) -> QuerySet[Contribution]:
        return Contribution.objects.for_user(self.request.user).select_related("initiative__org_unit")

    def get_serializer_class(self) -> type[ContributionSerializer]:
        return ChangeContributionSerializer if self.action in ("update", "partial_update") else ContributionSerializer

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        values = serializer.validated_data
        serializer.instance = add_contribution(self.request.user, values["initiative"], values)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert serializer.instance is not None
        serializer.instance = update_contribution(self.request.user, serializer.instance, serializer.validated_data)

    def perform_destroy(self, instance: Contribution) -> None:
        delete_contribution(self.request.user, instance)
