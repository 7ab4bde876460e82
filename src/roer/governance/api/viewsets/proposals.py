"""Proposals and their steps as sub-resources: submissions, withdrawals, scope changes, advice, votes, decisions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from roer.api.concurrency import ConcurrencyControlMixin
from roer.governance.api.filters import (
    ProposalFilter,
)
from roer.governance.api.serializers import (
    AdviceSerializer,
    CastVoteSerializer,
    ChangeProposalSerializer,
    DecideSerializer,
    DecisionSerializer,
    GiveAdviceSerializer,
    ProposalSerializer,
    ReclassificationSerializer,
    VoteSerializer,
    WithdrawalSerializer,
)
from roer.governance.api.viewsets.common import _REFERENCE, _decision_created, _renamed
from roer.governance.models import (
    Decision,
    DecisionRight,
    Proposal,
    Responsibility,
    Vote,
)
from roer.governance.services import flow
from roer.organisation.access import active_roles


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
    shown_serializer_class = ProposalSerializer
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
        return self.respond_fresh(proposal, code, "api-governance-proposal-detail", "reference")

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
