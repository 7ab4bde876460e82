"""The API's URLs, below ``/api/v1/``: plural kebab-case resources, no trailing slashes."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from roer.audit.api.viewsets import AuditEventViewSet
from roer.organisation.api.viewsets import OrgUnitViewSet, PersonViewSet, RoleAssignmentViewSet
from roer.portfolio.api.viewsets import InitiativeViewSet
from roer.strategy.api.analyses import (
    GoalSpendingViewSet,
    OrphanGoalViewSet,
    OrphanInitiativeViewSet,
    OrphanKpiViewSet,
    StaleKpiViewSet,
)
from roer.strategy.api.viewsets import ContributionViewSet, GoalViewSet, KpiViewSet, MeasurementViewSet

router = SimpleRouter(trailing_slash=False)
router.register("org-units", OrgUnitViewSet, basename="api-org-unit")
router.register("people", PersonViewSet, basename="api-person")
router.register("role-assignments", RoleAssignmentViewSet, basename="api-role-assignment")
router.register("initiatives", InitiativeViewSet, basename="api-initiative")
router.register("goals", GoalViewSet, basename="api-goal")
router.register("kpis", KpiViewSet, basename="api-kpi")
router.register("measurements", MeasurementViewSet, basename="api-measurement")
router.register("contributions", ContributionViewSet, basename="api-contribution")
router.register("goal-spending", GoalSpendingViewSet, basename="api-goal-spending")
router.register("orphan-initiatives", OrphanInitiativeViewSet, basename="api-orphan-initiative")
router.register("orphan-goals", OrphanGoalViewSet, basename="api-orphan-goal")
router.register("orphan-kpis", OrphanKpiViewSet, basename="api-orphan-kpi")
router.register("stale-kpis", StaleKpiViewSet, basename="api-stale-kpi")
router.register("audit-events", AuditEventViewSet, basename="api-audit-event")

urlpatterns = [
    # Public: the description of the API is no secret, and a stray token must not hide it.
    path("openapi.json", SpectacularJSONAPIView.as_view(authentication_classes=[]), name="api-schema"),
    *router.urls,
]
