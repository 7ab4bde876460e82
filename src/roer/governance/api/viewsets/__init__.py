"""Governance over the API: bodies, proposals and their steps, decisions, frameworks,
compliance statements, the decision-rights matrix and meetings.

Reads use the ``for_user`` query sets: what lies outside your scope answers 404, and a list
holds only what you may see. Every change goes through ``roer.governance.services.flow``,
like the pages; the services refuse a missing right (403) and invalid input (400, with
``invalidParams``). A proposal's steps are sub-resources (``submissions``, ``withdrawals``,
``scope-changes``, ``advice``, ``votes``, ``decisions``), never verbs. Decisions are
immutable: there is no PUT, PATCH or DELETE; a correction supersedes a decision."""

from roer.governance.api.viewsets.bodies import BodyViewSet, MeetingViewSet, MembershipViewSet
from roer.governance.api.viewsets.decisions import DecisionViewSet
from roer.governance.api.viewsets.frameworks import ComplianceStatementViewSet, FrameworkViewSet, states_somewhere
from roer.governance.api.viewsets.proposals import ProposalViewSet, proposes_somewhere
from roer.governance.api.viewsets.rights import DecisionTypeViewSet

__all__ = [
    "BodyViewSet",
    "ComplianceStatementViewSet",
    "DecisionTypeViewSet",
    "DecisionViewSet",
    "FrameworkViewSet",
    "MeetingViewSet",
    "MembershipViewSet",
    "ProposalViewSet",
    "proposes_somewhere",
    "states_somewhere",
]
