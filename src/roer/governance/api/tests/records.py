"""Governance records in the shared ``world`` for the API's refusal table: one of each resource,
in the ministry, which the outsider (charlie) must not see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from roer.conftest import World
from roer.governance.models import (
    Basis,
    Body,
    BodyKind,
    ComplianceState,
    ComplianceStatement,
    Decision,
    DecisionType,
    Framework,
    FrameworkVersion,
    Meeting,
    MemberCapacity,
    Membership,
    Outcome,
    Proposal,
    Scope,
    SubjectKind,
)

MOMENT = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _body(world: World) -> Body:
    body, _created = Body.objects.get_or_create(
        name="CIO-raad",
        defaults={
            "kind": BodyKind.CIO_COUNCIL,
            "org_unit": world.ministry,
            "chair": world.alice,
            "mandate_holder": world.alice,
        },
    )
    return body


def _proposal(world: World) -> Proposal:
    proposal, _created = Proposal.objects.get_or_create(
        reference="B-2026-0001",
        defaults={
            "title": "Cloudbeleid",
            "summary": "Eén lijn.",
            "subject_kind": SubjectKind.POLICY,
            "policy_topic": "Cloud",
            "decision_type": DecisionType.objects.get(code="policy"),
            "org_unit": world.department,
            "proposer": world.alice,
            "scope": Scope.CROSS_CUTTING,
            "scope_reason": "Raakt alles.",
            "body": _body(world),
        },
    )
    return proposal


def _decision(world: World) -> Decision:
    existing = Decision.objects.filter(reference="D-2026-0001").first()
    if existing is not None:
        return existing
    decision: Decision = Decision.objects.create(
        reference="D-2026-0001",
        proposal=_proposal(world),
        outcome=Outcome.APPROVED,
        basis=Basis.CONSENSUS,
        body=_body(world),
        decided_at=MOMENT,
    )
    return decision


def _framework(world: World) -> Framework:
    framework, _created = Framework.objects.get_or_create(
        code="cloud", defaults={"title": "Cloudbeleid", "org_unit": world.ministry}
    )
    return framework


def _statement(world: World) -> ComplianceStatement:
    framework = _framework(world)
    version, _created = FrameworkVersion.objects.get_or_create(
        framework=framework, number=1, defaults={"effective_on": dt.date(2026, 1, 1)}
    )
    statement, _created = ComplianceStatement.objects.get_or_create(
        initiative=world.initiative,
        framework=framework,
        defaults={
            "framework_version": version,
            "state": ComplianceState.COMPLIES,
            "stated_by": world.alice,
            "stated_at": MOMENT,
        },
    )
    return statement


def _membership(world: World) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        body=_body(world),
        person=world.alice,
        defaults={"capacity": MemberCapacity.VOTING, "since": dt.date(2020, 1, 1)},
    )
    return membership


KEYS: dict[str, Callable[[World], Any]] = {
    "bodies": lambda world: _body(world).pk,
    "memberships": lambda world: _membership(world).pk,
    "proposals": lambda world: _proposal(world).reference,
    "decisions": lambda world: _decision(world).reference,
    "frameworks": lambda world: _framework(world).code,
    "compliance-statements": lambda world: _statement(world).pk,
    "decision-types": lambda world: "policy",
    "meetings": lambda world: Meeting.objects.create(body=_body(world), starts_at=MOMENT).pk,
}


def governance_url(world: World, template: str) -> str:
    """``/governance/proposals/{reference}/votes`` with a real reference, and so on."""
    resource = template.split("/")[2]
    _decision(world)  # every list holds something charlie must not see
    _statement(world)
    _membership(world)
    if "{" not in template:
        return template
    key = str(KEYS[resource](world))
    return template.replace("{id}", key).replace("{code}", key).replace("{reference}", key)


_BASENAMES = (
    ("compliance-statement", "compliance-statements"),
    ("decision-type", "decision-types"),
    ("membership", "memberships"),
    ("proposal", "proposals"),
    ("decision", "decisions"),
    ("framework", "frameworks"),
    ("meeting", "meetings"),
    ("body", "bodies"),
)


def sample_key(name: str, world: World) -> str:
    """The sample for a URL named ``api-governance-<basename>-<action>``, for the outsider test."""
    rest = name.removeprefix("api-governance-")
    for basename, resource in _BASENAMES:
        if rest.startswith(basename + "-"):
            return str(KEYS[resource](world))
    raise AssertionError(f"No governance sample for {name!r}")
