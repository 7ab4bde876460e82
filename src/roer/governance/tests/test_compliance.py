"""Comply or explain: statements, exemption requests decided by their own decision, and the overview."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from roer.governance.models import (
    ComplianceState,
    ComplianceStatement,
    Framework,
    Outcome,
    ProposalState,
    Scope,
    SubjectKind,
)
from roer.governance.services import compliance, flow, frameworks
from roer.governance.tests.conftest import Council
from roer.governance.tests.framework_setup import START, TODAY, advise_all, consensus, draft, in_force
from roer.portfolio.models import Phase

pytestmark = pytest.mark.django_db

UNTIL = TODAY + dt.timedelta(days=60)


def _ask(council: Council, until: dt.date = UNTIL) -> tuple[Framework, ComplianceStatement]:
    item, _decision = in_force(council)
    statement = compliance.state(
        council.paul,
        council.world.initiative,
        item,
        {"state": "exemption_requested", "explanation": "Het huidige contract loopt nog.", "exemption_until": until},
    )
    return item, statement


def test_an_initiative_states_it_complies(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        statement = compliance.state(
            council.world.alice,
            council.world.initiative,
            item,
            {"state": "complies", "explanation": "Draait bij een EU-leverancier."},
        )
    assert statement.state == ComplianceState.COMPLIES
    assert statement.framework_version == frameworks.in_force_version(item, TODAY)
    assert statement.stated_by == council.world.alice
    assert not statement.proposals.exists()
    rows = compliance.rows_for(council.world.initiative, TODAY)
    assert [(row.framework, row.statement) for row in rows] == [(item, statement)]


def test_a_statement_without_explanation_is_refused(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        for values in ({"state": "complies", "explanation": " "}, {"state": "exemption_requested", "explanation": ""}):
            with pytest.raises(ValidationError) as error:
                compliance.state(council.paul, council.world.initiative, item, values)
            assert "explanation" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            compliance.state(
                council.paul,
                council.world.initiative,
                item,
                {"state": "exemption_requested", "explanation": "Later.", "exemption_until": TODAY},
            )
        assert "exemption_until" in error.value.message_dict


def test_an_outsider_or_viewer_may_not_state(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        for person in (council.world.charlie, council.world.bob, council.otto):
            with pytest.raises(PermissionDenied):
                compliance.state(person, council.world.initiative, item, {"state": "complies", "explanation": "Ja."})


def test_the_sponsor_states_and_a_revision_checks_the_version(council: Council) -> None:
    initiative = council.world.initiative
    initiative.sponsor = council.world.bob
    initiative.save()
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        first = compliance.state(council.world.bob, initiative, item, {"state": "complies", "explanation": "Ja."})
        with pytest.raises(compliance.StaleStatement):
            compliance.state(council.paul, initiative, item, {"state": "complies", "explanation": "Nee."})
        revised = compliance.state(
            council.paul, initiative, item, {"state": "complies", "explanation": "Zeker."}, first.version
        )
    assert revised.pk == first.pk
    assert revised.version == first.version + 1
    assert revised.explanation == "Zeker."


def test_an_exemption_request_is_a_proposal_and_the_council_grants_it(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        _item, statement = _ask(council)
        assert statement.state == ComplianceState.EXEMPTION_REQUESTED
        proposal = statement.proposals.get()
        assert proposal.subject_kind == SubjectKind.EXEMPTION
        assert proposal.decision_type.code == "exemption"
        assert proposal.scope == Scope.CROSS_CUTTING  # the framework is the ministry's, not the directorate's
        assert proposal.body == council.body
        assert proposal.initiative == council.world.initiative
        assert proposal.state == ProposalState.ADVICE
        with pytest.raises(ValidationError, match="awaits its decision"):
            compliance.state(
                council.paul,
                council.world.initiative,
                statement.framework,
                {"state": "complies", "explanation": "Toch wel."},
                statement.version,
            )
        decision = consensus(proposal, council)
    statement.refresh_from_db()
    assert decision.valid_until == UNTIL
    assert statement.state == ComplianceState.EXEMPTION_GRANTED
    assert statement.decision == decision
    assert statement.exemption_until == UNTIL


def test_the_mandate_holder_refuses_an_exemption_after_an_objection(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        _item, statement = _ask(council)
        proposal = statement.proposals.get()
        advise_all(proposal, council)
        flow.cast_vote(council.otto, proposal, "object", "Geen uitzonderingen op cloudbeleid.")
        flow.cast_vote(council.world.alice, proposal, "agree")
    with time_machine.travel(START + dt.timedelta(days=30), tick=False):
        flow.process_deadlines()
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.ESCALATED
        decision = flow.decide(council.marc, proposal, Outcome.REJECTED, "Het kader geldt voor iedereen.")
    statement.refresh_from_db()
    assert statement.state == ComplianceState.EXEMPTION_REFUSED
    assert statement.decision == decision
    # Refused: the initiative must comply, and may now state again.
    with time_machine.travel(START + dt.timedelta(days=31), tick=False):
        again = compliance.state(
            council.paul,
            council.world.initiative,
            statement.framework,
            {"state": "complies", "explanation": "Overgestapt."},
            statement.version,
        )
    assert again.state == ComplianceState.COMPLIES
    assert again.decision is None


def test_a_framework_of_the_initiatives_own_unit_is_a_local_exemption(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council, council.world.directorate, code="directie")
        statement = compliance.state(
            council.paul,
            council.world.initiative,
            item,
            {"state": "exemption_requested", "explanation": "Nog niet.", "exemption_until": UNTIL},
        )
        proposal = statement.proposals.get()
        assert proposal.scope == Scope.LOCAL
        advise_all(proposal, council)
        flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Tijdelijk akkoord.", valid_until=UNTIL)
    statement.refresh_from_db()
    assert statement.state == ComplianceState.EXEMPTION_GRANTED


def test_a_new_version_in_force_makes_statements_older(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        item, _decision = in_force(council)
        compliance.state(council.paul, council.world.initiative, item, {"state": "complies", "explanation": "Ja."})
        second = draft(council, item)
        consensus(frameworks.propose(council.tim, second, {"scope_reason": "Ministerie."}), council)
    (row,) = compliance.rows_for(council.world.initiative, TODAY)
    assert row.version.number == 2
    assert row.outdated
    (summary,) = compliance.overview(council.marc, today=TODAY)
    assert summary.outdated == 1


def test_the_overview_counts_per_framework_and_lists_open_and_expiring_exemptions(council: Council) -> None:
    world = council.world
    with time_machine.travel(START, tick=False):
        item, statement = _ask(council)
        consensus(statement.proposals.get(), council)
    closed = world.other_initiative
    closed.phase = Phase.CLOSED
    closed.save()
    (summary,) = compliance.overview(council.marc, today=TODAY)
    assert summary.framework == item
    assert summary.in_scope == 1  # the closed initiative is out of scope
    assert (summary.granted, summary.expiring, summary.expired, summary.missing) == (1, 1, 0, 0)
    (later,) = compliance.overview(council.marc, today=UNTIL + dt.timedelta(days=1))
    assert (later.expiring, later.expired) == (0, 1)
    assert [s.pk for s in compliance.exemptions(council.marc, today=TODAY)] == [statement.pk]
    assert compliance.exemptions(council.marc, today=TODAY - dt.timedelta(days=60)) == []
    # Filtered on the other department: nothing of this initiative.
    (other,) = compliance.overview(council.marc, world.other_department, today=TODAY)
    assert other.in_scope == 0
    # An outsider sees nothing.
    assert compliance.overview(world.charlie, today=TODAY) == []
    assert compliance.exemptions(world.charlie, today=TODAY) == []
