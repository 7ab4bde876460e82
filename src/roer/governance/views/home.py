"""The governance landing page: the person's open work (advice, votes, decisions, escalations) and recent decisions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from roer.governance.models import (
    AdviceRequest,
    AdviceState,
    Decision,
    MemberCapacity,
    Proposal,
    ProposalState,
    Vote,
)
from roer.governance.services import flow, rights
from roer.governance.services.notify import unread_count
from roer.organisation.access import active_roles

RECENT = 8


def advice_to_give(user: Any) -> list[AdviceRequest]:
    """Advice requested from a role the user holds in the proposal's scope."""
    held = {role.value for role, _scope in active_roles(user)}
    requests = (
        AdviceRequest.objects.filter(state=AdviceState.REQUESTED, proposal__state=ProposalState.ADVICE, role__in=held)
        .select_related("proposal__org_unit")
        .order_by("due", "pk")
    )
    return [request for request in requests if rights.may_advise(user, request.proposal, request.role)]


def votes_due(user: Any) -> list[dict[str, Any]]:
    """Proposals the user votes on as a voting member: not yet voted, or a vote that may still change."""
    today = timezone.localdate()
    proposals = (
        Proposal.objects.filter(
            state=ProposalState.VOTING,
            body__memberships__person=user,
            body__memberships__capacity=MemberCapacity.VOTING,
            body__memberships__since__lte=today,
        )
        .select_related("body")
        .distinct()
        .order_by("vote_due", "pk")
    )
    mine = {vote.proposal_id: vote for vote in Vote.objects.filter(member=user, proposal__in=proposals)}
    return [
        {"proposal": proposal, "vote": mine.get(proposal.pk)}
        for proposal in proposals
        if any(person.pk == user.pk for person in flow.voting_members(proposal))
    ]


def decisions_due(user: Any) -> list[Proposal]:
    """Local proposals awaiting the user's decision, and escalations the user decides by mandate."""
    candidates = Proposal.objects.for_user(user).filter(
        state__in=[ProposalState.AWAITING_DECISION, ProposalState.ESCALATED]
    )
    candidates = candidates.select_related("decision_type", "org_unit", "body", "escalated_to").order_by("pk")
    return [proposal for proposal in candidates if flow.may_decide(user, proposal)]


@require_safe
@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    due = decisions_due(user)
    context = {
        "advice": advice_to_give(user),
        "votes": votes_due(user),
        "decisions_due": [proposal for proposal in due if proposal.state == ProposalState.AWAITING_DECISION],
        "escalated": [proposal for proposal in due if proposal.state == ProposalState.ESCALATED],
        "my_proposals": Proposal.objects.filter(proposer_id=user.pk)
        .exclude(state__in=[ProposalState.DECIDED, ProposalState.WITHDRAWN])
        .order_by("-created_at"),
        "recent": Decision.objects.for_user(user).select_related("proposal")[:RECENT],
        "unread": unread_count(user),
    }
    return render(request, "governance/home/home.html", context)


urlpatterns = [path("", home, name="home")]
