"""Proposals in each state for the page tests, driven through the flow service (never by hand)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from roer.governance.models import Proposal, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council


def policy(council: Council, scope: str = Scope.CROSS_CUTTING, title: str = "Generatieve AI") -> Proposal:
    """A policy question of the department (advice: privacy and data officer)."""
    return flow.create_proposal(
        council.paul,
        {
            "title": title,
            "summary": "Alleen toegestaan met een DPIA en menselijke controle.",
            "subject_kind": SubjectKind.POLICY,
            "policy_topic": "Generatieve AI",
            "decision_type": council.kind("policy"),
            "org_unit": council.world.department,
            "scope": scope,
            "scope_reason": "Raakt alle DG's." if scope == Scope.CROSS_CUTTING else "Alleen dit DG.",
            "body": council.body if scope == Scope.CROSS_CUTTING else None,
        },
    )


def gate(council: Council) -> Proposal:
    """A local gate decision of the ministry's initiative (advice: technology and data officer)."""
    return flow.create_proposal(
        council.paul,
        {
            "title": "Goedkeuring Regie op gegevens",
            "summary": "Door naar uitvoering.",
            "subject_kind": SubjectKind.GATE,
            "initiative": council.world.initiative,
            "gate": "approval",
            "decision_type": council.kind("gate"),
            "scope": Scope.LOCAL,
            "scope_reason": "Binnen het eigen budget van het DG.",
        },
    )


def advise_all(proposal: Proposal, council: Council) -> None:
    advisers = {"privacy_officer": council.petra, "data_officer": council.dirk, "technology_officer": council.tim}
    for request in proposal.advice.all():
        flow.give_advice(advisers[request.role], proposal, request.role, "positive", "Akkoord.")


def awaiting_decision(council: Council) -> Proposal:
    proposal = gate(council)
    flow.submit(council.paul, proposal)
    advise_all(proposal, council)
    return Proposal.objects.get(pk=proposal.pk)


def voting(council: Council) -> Proposal:
    proposal = policy(council)
    flow.submit(council.paul, proposal)
    advise_all(proposal, council)
    return Proposal.objects.get(pk=proposal.pk)


def escalated(council: Council) -> Proposal:
    """Otto objected, alice agreed; the vote deadline passed: escalated to marc."""
    proposal = voting(council)
    flow.cast_vote(council.otto, proposal, "object", "Eigen afspraken met de leverancier.")
    flow.cast_vote(council.world.alice, proposal, "agree")
    flow.process_deadlines(timezone.now() + dt.timedelta(days=11))
    return Proposal.objects.get(pk=proposal.pk)
