"""Governance over the API: bodies, proposals and their steps, decisions, frameworks,
compliance statements, the decision-rights matrix and meetings.

Reads use the ``for_user`` query sets: what lies outside your scope answers 404, and a list
holds only what you may see. Every change goes through ``roer.governance.services.flow``,
like the pages; the services refuse a missing right (403) and invalid input (400, with
``invalidParams``). A proposal's steps are sub-resources (``submissions``, ``withdrawals``,
``scope-changes``, ``advice``, ``votes``, ``decisions``), never verbs. Decisions are
immutable: there is no PUT, PATCH or DELETE; a correction supersedes a decision.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.concurrency import ConcurrencyControlMixin, etag
from roer.api.exceptions import PreconditionFailed
from roer.governance.api.filters import (
    ComplianceStatementFilter,
    DecisionFilter,
    MeetingFilter,
    MembershipFilter,
    ProposalFilter,
)
from roer.governance.api.serializers import (
    AdviceSerializer,
    BodySerializer,
    CastVoteSerializer,
    ChangeComplianceStatementSerializer,
    ChangeDecisionTypeSerializer,
    ChangeProposalSerializer,
    ComplianceStatementSerializer,
    CorrectionSerializer,
    DecideSerializer,
    DecisionSerializer,
    DecisionTypeSerializer,
    FrameworkSerializer,
    GiveAdviceSerializer,
    MeetingSerializer,
    MembershipSerializer,
    NewComplianceStatementSerializer,
    ProposalSerializer,
    ReclassificationSerializer,
    VoteSerializer,
    WithdrawalSerializer,
)
from roer.governance.models import (
    AgendaItem,
    Body,
    ComplianceStatement,
    Decision,
    DecisionRight,
    DecisionType,
    Framework,
    FrameworkVersion,
    Meeting,
    Membership,
    Proposal,
    Responsibility,
    Vote,
)
from roer.governance.services import bodies, compliance, flow, matrix
from roer.organisation.access import active_roles, has_capability
from roer.organisation.roles import Capability, Role
from roer.portfolio.models import Initiative

_REFERENCE = "[A-Za-z0-9-]+"


class _ReadOnlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """List and read."""


def _renamed(error: DjangoValidationError, names: dict[str, str]) -> Exception:
    """A service's field error under the name the API's input uses."""
    if not hasattr(error, "error_dict"):
        return error
    renamed: dict[str, list[str]] = {}
    for key, messages in error.message_dict.items():
        renamed.setdefault(names.get(key, key), []).extend(messages)
    return ValidationError(renamed)


# --- bodies ---------------------------------------------------------------------------------------


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
        fresh = self.get_queryset().get(pk=body.pk)
        response = Response(self.get_serializer(fresh).data, status=code)
        if code == status.HTTP_201_CREATED:
            response["Location"] = reverse("api-governance-body-detail", kwargs={"pk": fresh.pk}, request=self.request)
        return self.versioned(response, fresh)

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


# --- proposals ------------------------------------------------------------------------------------


def proposes_somewhere(user: Any) -> bool:
    """Holds a role that is responsible or accountable for some decision type."""
    roles = {role.value for role, _scope in active_roles(user)}
    responsible = (Responsibility.RESPONSIBLE, Responsibility.ACCOUNTABLE)
    return DecisionRight.objects.filter(role__in=roles, responsibility__in=responsible).exists()


_STEP = {"submissions", "withdrawals", "scope_changes"}


class ProposalViewSet(
    ConcurrencyControlMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Proposals in your scope, and those you take part in (as proposer, adviser, council member,
    chair, secretary, mandate holder, or the one a failed consensus was escalated to).

    A role responsible or accountable for the decision type proposes; the proposer changes the
    draft (with `If-Match`). Then the steps, each a sub-resource: `submissions` (advice is
    requested), `advice` (the consulted roles), `scope-changes` (reclassify, with a reason),
    `votes` (the council's voting members), `decisions` (the unit's accountable CIO on a local
    proposal, or the mandate holder after escalation) and `withdrawals`.
    """

    filterset_class = ProposalFilter
    lookup_field = "reference"
    lookup_value_regex = _REFERENCE

    @property
    def concurrency_control(self) -> bool:  # type: ignore[override]
        """ETag on the proposal's own representation; advice, votes and decisions carry none."""
        return getattr(self, "action", None) not in ("advice", "votes", "decisions")

    def get_queryset(self) -> QuerySet[Proposal]:
        return (
            Proposal.objects.for_user(self.request.user)
            .select_related("decision_type", "initiative", "org_unit", "body")
            .prefetch_related(
                "scope_changes", Prefetch("decisions", queryset=Decision.objects.order_by("decided_at", "pk"))
            )
        )

    def get_serializer_class(self) -> Any:
        if self.action in ("update", "partial_update"):
            return ChangeProposalSerializer
        return ProposalSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not proposes_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not propose decisions.")))

    def _proposal(self, proposal: Proposal, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=proposal.pk)
        response = Response(ProposalSerializer(fresh, context=self.get_serializer_context()).data, status=code)
        if code == status.HTTP_201_CREATED:
            response["Location"] = reverse(
                "api-governance-proposal-detail", kwargs={"reference": fresh.reference}, request=self.request
            )
        return self.versioned(response, fresh)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        proposal = self.get_object()
        return self.versioned(Response(self.get_serializer(proposal).data), proposal)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = flow.create_proposal(request.user, dict(serializer.validated_data))
        return self._proposal(proposal, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        proposal = self.get_object()
        version = self.require_version(request, proposal)
        serializer = self.get_serializer(proposal, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        try:
            saved = flow.update_proposal(request.user, proposal, dict(serializer.validated_data), version)
        except flow.StaleProposal as stale:
            raise self.stale(self.get_queryset().get(pk=stale.current.pk)) from None
        return self._proposal(saved)

    @extend_schema(request=None, responses={201: ProposalSerializer})
    @action(detail=True, methods=["post"], url_path="submissions")
    def submissions(self, request: Request, reference: str) -> Response:
        """Send the draft on its way: advice is asked of every consulted role, or else it goes straight on
        to its decider (local) or the council's vote (cross-cutting)."""
        proposal = flow.submit(request.user, self.get_object())
        return self._proposal(proposal, status.HTTP_201_CREATED)

    @extend_schema(request=WithdrawalSerializer, responses={201: ProposalSerializer})
    @action(detail=True, methods=["post"], url_path="withdrawals")
    def withdrawals(self, request: Request, reference: str) -> Response:
        """The proposer withdraws an undecided proposal, with the reason."""
        proposal = self.get_object()
        data = self._input(WithdrawalSerializer)
        try:
            proposal = flow.withdraw(request.user, proposal, data["reason"])
        except DjangoValidationError as error:
            raise _renamed(error, {"withdrawal_reason": "reason"}) from None
        return self._proposal(proposal, status.HTTP_201_CREATED)

    @extend_schema(request=ReclassificationSerializer, responses={201: ProposalSerializer})
    @action(detail=True, methods=["post"], url_path="scope-changes")
    def scope_changes(self, request: Request, reference: str) -> Response:
        """Reclassify local ↔ cross-cutting with a recorded reason: the unit's CIO, or the council's chair,
        secretary or mandate holder; not once a council member has voted."""
        proposal = self.get_object()
        data = self._input(ReclassificationSerializer)
        proposal = flow.reclassify(request.user, proposal, data["scope"], data["reason"], data.get("body"))
        return self._proposal(proposal, status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], request=None, responses={200: AdviceSerializer(many=True)})
    @extend_schema(methods=["POST"], request=GiveAdviceSerializer, responses={201: AdviceSerializer})
    @action(detail=True, methods=["get", "post"], url_path="advice", filter_backends=[], pagination_class=None)
    def advice(self, request: Request, reference: str) -> Response:
        """The formal advice asked of each consulted role: requested, given or lapsed. A holder of the role
        gives (or revises) it while the advice phase lasts."""
        proposal = self.get_object()
        if request.method == "GET":
            requests = proposal.advice.order_by("role")
            return Response(AdviceSerializer(requests, many=True).data)
        data = self._input(GiveAdviceSerializer)
        given = flow.give_advice(request.user, proposal, data["role"], data["position"], data["text"])
        return Response(AdviceSerializer(given).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], request=None, responses={200: VoteSerializer(many=True)})
    @extend_schema(methods=["POST"], request=CastVoteSerializer, responses={201: VoteSerializer})
    @action(detail=True, methods=["get", "post"], url_path="votes", filter_backends=[], pagination_class=None)
    def votes(self, request: Request, reference: str) -> Response:
        """The council's votes: agree, object (with a reason) or abstain. A voting member casts or changes
        a vote until the deadline."""
        proposal = self.get_object()
        if request.method == "GET":
            return Response(VoteSerializer(proposal.votes.order_by("cast_at", "pk"), many=True).data)
        data = self._input(CastVoteSerializer)
        vote: Vote = flow.cast_vote(request.user, proposal, data["position"], data["reason"])
        return Response(VoteSerializer(vote).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DecideSerializer, responses={201: DecisionSerializer})
    @action(detail=True, methods=["post"], url_path="decisions")
    def decisions(self, request: Request, reference: str) -> Response:
        """Decide: the unit's own accountable CIO on a local proposal, or the mandate holder it was
        escalated to. Refused (403) for anyone else, and (400) while required advice is missing."""
        proposal = self.get_object()
        data = self._input(DecideSerializer)
        decision = flow.decide(
            request.user,
            proposal,
            data["outcome"],
            data["rationale"],
            data["conditions"],
            data.get("validUntil"),
            data.get("meeting"),
        )
        return _decision_created(self, decision)

    def _input(self, serializer_class: Any) -> dict[str, Any]:
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


def _decision_created(view: Any, decision: Decision) -> Response:
    fresh = Decision.objects.select_related("proposal", "supersedes").get(pk=decision.pk)
    response = Response(DecisionSerializer(fresh).data, status=status.HTTP_201_CREATED)
    response["Location"] = reverse(
        "api-governance-decision-detail", kwargs={"reference": fresh.reference}, request=view.request
    )
    return response


# --- decisions ------------------------------------------------------------------------------------


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


# --- frameworks and compliance --------------------------------------------------------------------


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

    def stale(self, current: Any) -> PreconditionFailed:
        body = ComplianceStatementSerializer(current, context=self.get_serializer_context()).data
        return PreconditionFailed(current=body, etag=etag(current.version))

    def _shown(self, statement: ComplianceStatement, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=statement.pk)
        response = Response(
            ComplianceStatementSerializer(fresh, context=self.get_serializer_context()).data, status=code
        )
        if code == status.HTTP_201_CREATED:
            response["Location"] = reverse(
                "api-governance-compliance-statement-detail", kwargs={"pk": fresh.pk}, request=self.request
            )
        return self.versioned(response, fresh)

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


# --- the decision-rights matrix -------------------------------------------------------------------


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

    def stale(self, current: Any) -> PreconditionFailed:
        body = DecisionTypeSerializer(current, context=self.get_serializer_context()).data
        return PreconditionFailed(current=body, etag=etag(current.version))

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
        fresh = self.get_queryset().get(pk=saved.pk)
        return self.versioned(
            Response(DecisionTypeSerializer(fresh, context=self.get_serializer_context()).data), fresh
        )


# --- meetings -------------------------------------------------------------------------------------


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
