"""Scenarios: settings, budgets and team capacities; what-if variants, the optimiser input and queueing a solve."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.concurrency import ConcurrencyControlMixin
from roer.planning.api.filters import ScenarioFilter
from roer.planning.api.serializers import (
    ChangeScenarioSerializer,
    NewScenarioSerializer,
    QueueRunSerializer,
    ScenarioSerializer,
    SolveRunSerializer,
    VariantSerializer,
)
from roer.planning.models.links import ScenarioGroup, ScenarioGroupMember, ScenarioLink
from roer.planning.models.scenarios import Scenario, Team
from roer.planning.services import scenarios as service
from roer.planning.services.build import build, candidates_of
from roer.planning.services.runs import queue_run
from roer.portfolio.services import StaleVersion

# Actions that change the scenario or act on it: only for those who may change it (403), checked
# before the version, so a viewer learns that first.
_CHANGES = {"update", "partial_update", "variants", "runs"}
# Actions whose answer is not the scenario itself: no ETag.
_UNVERSIONED = {"optimiser_input", "runs"}
_HUNDRED = Decimal("100")

_CHANGE = extend_schema(request=ChangeScenarioSerializer, responses=ScenarioSerializer)


def creates_somewhere(user: Any) -> bool:
    """May change initiatives or set policy in some unit: may create scenarios there."""
    return bool(service.units_for(user).exists())


@extend_schema_view(
    create=extend_schema(request=NewScenarioSerializer, responses={201: ScenarioSerializer}),
    update=_CHANGE,
    partial_update=_CHANGE,
)
class ScenarioViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Planning scenarios of the org units you can see: the horizon, discount rate, budget per year
    and the teams with their capacity per quarter (FTE). The candidates are the initiatives of the
    scenario's unit and every unit below it, taken from the portfolio when a run is queued.

    Those who may change initiatives or set policy in the unit create scenarios and change them
    (with `If-Match`), derive what-if `variants` and queue solve `runs`. The scenario's
    `dependencies` and `groups` (exclusive, together) are shown here and changed on its page. A new scenario has the
    same budget every year and one team per unit directly below its unit. Scenarios are not
    deleted, as on the pages. `optimiser-input` is the optimiser's scenario JSON as it would be
    built now, the same as the page's download.
    """

    filterset_class = ScenarioFilter
    shown_serializer_class = ScenarioSerializer

    @property
    def concurrency_control(self) -> bool:  # type: ignore[override]
        return getattr(self, "action", None) not in _UNVERSIONED

    def get_queryset(self) -> QuerySet[Scenario]:
        teams = Team.objects.select_related("org_unit").order_by("org_unit__path")
        links = ScenarioLink.objects.select_related("before", "after")
        members = ScenarioGroupMember.objects.select_related("initiative")
        groups = ScenarioGroup.objects.prefetch_related(Prefetch("members", queryset=members))
        return (
            Scenario.objects.for_user(self.request.user)
            .select_related("org_unit", "parent", "created_by")
            .prefetch_related(
                Prefetch("teams", queryset=teams),
                Prefetch("links", queryset=links),
                Prefetch("groups", queryset=groups),
            )
        )

    def get_serializer_class(self) -> Any:
        if self.action == "create":
            return NewScenarioSerializer
        if self.action in ("update", "partial_update"):
            return ChangeScenarioSerializer
        return ScenarioSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not creates_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not create scenarios.")))

    def check_object_permissions(self, request: Request, obj: Any) -> None:
        super().check_object_permissions(request, obj)
        if self.action in _CHANGES:
            service.require_change(request.user, obj)

    def _shown(self, scenario: Scenario, code: int = status.HTTP_200_OK) -> Response:
        return self.respond_fresh(scenario, code, "api-planning-scenario-detail")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        scenario = self.get_object()
        return self.versioned(Response(self.get_serializer(scenario).data), scenario)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        values = {name: data[name] for name in service.SCENARIO_FIELDS if name in data}
        scenario = service.create_scenario(request.user, values, data["budget"], data["capacity"])
        return self._shown(scenario, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        scenario = self.get_object()
        version = self.require_version(request, scenario)
        context = {**self.get_serializer_context(), "scenario": scenario}
        serializer = ChangeScenarioSerializer(data=request.data, partial=kwargs.get("partial", False), context=context)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        values = {name: data[name] for name in service.SCENARIO_FIELDS if name in data}
        capacities = {team["id"]: team["capacity"] for team in data.get("teams", [])}
        try:
            saved = service.update_scenario(
                request.user, scenario, values, version, budgets=data.get("budgets"), capacities=capacities or None
            )
        except StaleVersion as stale:
            raise self.stale(self.get_queryset().get(pk=stale.current.pk)) from None
        return self._shown(saved)

    @extend_schema(request=VariantSerializer, responses={201: ScenarioSerializer})
    @action(detail=True, methods=["post"], url_path="variants")
    def variants(self, request: Request, pk: str) -> Response:
        """Derive a what-if variant: a new scenario with this one's budgets and capacities scaled, a team left
        out, or initiatives forced in or left out. The variant's `parent` is this scenario."""
        scenario = self.get_object()
        codes = list(candidates_of(scenario).values_list("code", flat=True))
        context = {**self.get_serializer_context(), "scenario": scenario, "codes": codes}
        serializer = VariantSerializer(data=request.data, context=context)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        variant = service.create_variant(
            request.user,
            scenario,
            data["name"],
            budget_factor=data["budgetPercent"] / _HUNDRED,
            capacity_factor=data["capacityPercent"] / _HUNDRED,
            remove_team=data.get("removeTeam"),
            force_in=data["forceIn"],
            force_out=data["forceOut"],
        )
        return self._shown(variant, status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description=_("The optimiser's scenario JSON, as described by docs/planning/scenario.schema.json."),
            )
        },
    )
    @action(detail=True, methods=["get"], url_path="optimiser-input", filter_backends=[], pagination_class=None)
    def optimiser_input(self, request: Request, pk: str) -> Response:
        """The optimiser's input as it would be built from the portfolio now: candidates with value, duration,
        cost and demand, the budgets and the team capacities. A run keeps its own copy as it was solved."""
        return Response(build(self.get_object()).data)

    @extend_schema(request=QueueRunSerializer, responses={201: SolveRunSerializer})
    @action(detail=True, methods=["post"], url_path="runs")
    def runs(self, request: Request, pk: str) -> Response:
        """Queue a solve: the scenario is snapshotted from the portfolio now, and the background worker solves
        it. Follow `Location` (`/planning/runs/{id}`) for its progress and plan."""
        scenario = self.get_object()
        serializer = QueueRunSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        run = queue_run(request.user, scenario, serializer.validated_data["timeLimit"])
        response = Response(SolveRunSerializer(run, context=self.get_serializer_context()).data, status=201)
        response["Location"] = reverse("api-planning-run-detail", kwargs={"pk": run.pk}, request=request)
        return response
