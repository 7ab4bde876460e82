"""Binding frameworks: drafting versions, proposing them, and which version is in force when."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from roer.governance.models import Basis, ProposalState, Scope, SubjectKind
from roer.governance.services import flow, frameworks
from roer.governance.services.frameworks import VersionState
from roer.governance.tests.conftest import Council
from roer.governance.tests.framework_setup import START, TODAY, consensus, draft, framework, in_force

pytestmark = pytest.mark.django_db


def test_only_a_framework_manager_at_the_unit_creates_a_framework(council: Council) -> None:
    with pytest.raises(PermissionDenied):
        frameworks.create_framework(council.world.bob, {"code": "x", "title": "X", "org_unit": council.world.ministry})
    with pytest.raises(PermissionDenied):  # alice is CIO of the department, not of the ministry
        frameworks.create_framework(
            council.world.alice, {"code": "x", "title": "X", "org_unit": council.world.ministry}
        )
    created = frameworks.create_framework(
        council.world.alice, {"code": "dep", "title": "Afdelingskader", "org_unit": council.world.department}
    )
    assert created.org_unit == council.world.department


def test_a_draft_numbers_its_requirements_and_only_one_is_open(council: Council) -> None:
    item = framework(council)
    version = draft(council, item, lines=3)
    assert version.number == 1
    assert list(version.requirements.values_list("code", flat=True)) == ["R1", "R2", "R3"]
    assert frameworks.state_of(version, TODAY) == VersionState.DRAFT
    with pytest.raises(ValidationError, match="open draft"):
        draft(council, item)
    changed = frameworks.save_draft(
        council.tim, item, {"effective_on": TODAY, "requirements": ["Alleen EU."]}, draft=version
    )
    assert changed.pk == version.pk
    assert list(changed.requirements.values_list("code", "statement")) == [("R1", "Alleen EU.")]
    with pytest.raises(ValidationError) as error:
        frameworks.save_draft(council.tim, item, {"effective_on": TODAY, "requirements": []}, draft=version)
    assert "requirements" in error.value.message_dict


def test_a_version_put_in_force_by_a_consensus_decision(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item = framework(council)
        version = draft(council, item)
        proposal = frameworks.propose(council.tim, version, {"scope_reason": "Raakt het hele ministerie."})
        assert proposal.subject_kind == SubjectKind.FRAMEWORK
        assert proposal.scope == Scope.CROSS_CUTTING
        assert proposal.body == council.body
        assert proposal.state == ProposalState.ADVICE
        assert frameworks.state_of(version, TODAY) == VersionState.AWAITING
        with pytest.raises(ValidationError):  # on its way to a decision: never changed
            frameworks.save_draft(council.tim, item, {"effective_on": TODAY, "requirements": ["X"]}, draft=version)
        with pytest.raises(ValidationError, match="open draft"):
            draft(council, item)
        decision = consensus(proposal, council)
    assert decision.basis == Basis.CONSENSUS
    version.refresh_from_db()
    assert version.decision == decision
    assert frameworks.state_of(version, TODAY) == VersionState.IN_FORCE
    assert frameworks.in_force_version(item, TODAY) == version
    assert frameworks.state_of(version, TODAY - dt.timedelta(days=1)) == VersionState.SCHEDULED
    assert frameworks.in_force_version(item, TODAY - dt.timedelta(days=1)) is None


def test_a_rejected_correction_takes_the_version_out_of_force(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, decision = in_force(council)
        version = frameworks.in_force_version(item, TODAY)
        assert version is not None
        correction = flow.supersede(council.marc, decision, "rejected", "Eerst de leveranciers horen.")
    version.refresh_from_db()
    assert correction.supersedes == decision
    assert version.decision is None
    assert frameworks.state_of(version, TODAY) == VersionState.NOT_ADOPTED
    assert frameworks.in_force_version(item, TODAY) is None
    assert frameworks.open_version(item) is None  # a new version can be drafted
    assert draft(council, item).number == 2


def test_a_newer_version_in_force_replaces_the_older(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        first = frameworks.in_force_version(item, TODAY)
        second = draft(council, item, effective_on=TODAY + dt.timedelta(days=30))
        proposal = frameworks.propose(council.tim, second, {"scope_reason": "Het hele ministerie."})
        consensus(proposal, council)
    second.refresh_from_db()
    assert frameworks.state_of(second, TODAY) == VersionState.SCHEDULED
    assert frameworks.in_force_version(item, TODAY) == first
    later = TODAY + dt.timedelta(days=30)
    assert frameworks.in_force_version(item, later) == second
    assert first is not None
    assert frameworks.state_of(first, later) == VersionState.REPLACED
    states = [state for _version, state in frameworks.versions(item, later)]
    assert states == [VersionState.IN_FORCE, VersionState.REPLACED]


def test_a_framework_without_a_covering_council_is_decided_locally(council: Council) -> None:
    council.body.delete()
    item = framework(council, code="lokaal")
    version = draft(council, item)
    proposal = frameworks.propose(council.tim, version, {"scope_reason": "Alleen het ministerie."})
    assert proposal.scope == Scope.LOCAL
    assert proposal.body is None


def test_the_nearest_council_decides(council: Council) -> None:
    from roer.governance.models import Body, BodyKind

    department_council = Body.objects.create(
        name="DG-raad",
        kind=BodyKind.CIO_COUNCIL,
        org_unit=council.world.department,
        chair=council.world.alice,
        mandate_holder=council.world.alice,
    )
    assert frameworks.covering_council(council.world.directorate) == department_council
    assert frameworks.covering_council(council.world.other_department) == council.body


def test_proposing_needs_a_draft_a_scope_reason_and_the_right_to_propose(council: Council) -> None:
    item = framework(council)
    version = draft(council, item)
    with pytest.raises(PermissionDenied):
        frameworks.propose(council.world.bob, version, {"scope_reason": "Waarom niet."})
    with pytest.raises(ValidationError) as error:
        frameworks.propose(council.tim, version, {"scope_reason": " "})
    assert "scope_reason" in error.value.message_dict
    assert frameworks.state_of(version) == VersionState.DRAFT
