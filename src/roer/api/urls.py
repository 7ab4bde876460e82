"""The API's URLs, below ``/api/v1/``: plural kebab-case resources, no trailing slashes."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from roer.audit.api.viewsets import AuditEventViewSet
from roer.governance.api.viewsets import (
    BodyViewSet,
    ComplianceStatementViewSet,
    DecisionTypeViewSet,
    DecisionViewSet,
    FrameworkViewSet,
    MeetingViewSet,
    MembershipViewSet,
    ProposalViewSet,
)
from roer.organisation.api.viewsets import OrgUnitViewSet, PersonViewSet, RoleAssignmentViewSet
from roer.planning.api.viewsets import ScenarioViewSet, ScoreViewSet, SolveRunViewSet
from roer.portfolio.api.baseline_writing import BaselineWritingViewSet
from roer.portfolio.api.cost_writing import CostLineWritingViewSet
from roer.portfolio.api.delivery_writing import (
    DevelopmentPartyWritingViewSet,
    MilestoneWritingViewSet,
    ParliamentaryDocumentWritingViewSet,
    QualityReviewWritingViewSet,
    SocietalBenefitWritingViewSet,
)
from roer.portfolio.api.gate_writing import GateReviewWritingViewSet
from roer.portfolio.api.opinion_writing import CioOpinionWritingViewSet
from roer.portfolio.api.report_writing import StatusReportWritingViewSet
from roer.portfolio.api.viewsets import InitiativeViewSet
from roer.portfolio.api.warnings import EarlyWarningViewSet
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
router.register("gate-reviews", GateReviewWritingViewSet, basename="api-gate-review")
router.register("baselines", BaselineWritingViewSet, basename="api-baseline")
router.register("cost-lines", CostLineWritingViewSet, basename="api-cost-line")
router.register("milestones", MilestoneWritingViewSet, basename="api-milestone")
router.register("quality-reviews", QualityReviewWritingViewSet, basename="api-quality-review")
router.register("societal-benefits", SocietalBenefitWritingViewSet, basename="api-societal-benefit")
router.register("development-parties", DevelopmentPartyWritingViewSet, basename="api-development-party")
router.register("parliamentary-documents", ParliamentaryDocumentWritingViewSet, basename="api-parliamentary-document")
router.register("status-reports", StatusReportWritingViewSet, basename="api-status-report")
router.register("cio-opinions", CioOpinionWritingViewSet, basename="api-cio-opinion")
router.register("early-warnings", EarlyWarningViewSet, basename="api-early-warning")
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
router.register("governance/bodies", BodyViewSet, basename="api-governance-body")
router.register("governance/memberships", MembershipViewSet, basename="api-governance-membership")
router.register("governance/proposals", ProposalViewSet, basename="api-governance-proposal")
router.register("governance/decisions", DecisionViewSet, basename="api-governance-decision")
router.register("governance/frameworks", FrameworkViewSet, basename="api-governance-framework")
router.register(
    "governance/compliance-statements", ComplianceStatementViewSet, basename="api-governance-compliance-statement"
)
router.register("governance/decision-types", DecisionTypeViewSet, basename="api-governance-decision-type")
router.register("governance/meetings", MeetingViewSet, basename="api-governance-meeting")
router.register("planning/scenarios", ScenarioViewSet, basename="api-planning-scenario")
router.register("planning/runs", SolveRunViewSet, basename="api-planning-run")
router.register("planning/scores", ScoreViewSet, basename="api-planning-score")

urlpatterns = [
    # Public: the description of the API is no secret, and a stray token must not hide it.
    path("openapi.json", SpectacularJSONAPIView.as_view(authentication_classes=[]), name="api-schema"),
    *router.urls,
]
