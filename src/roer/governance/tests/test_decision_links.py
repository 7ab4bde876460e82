"""Gate reviews and re-baselines cite the decision that authorised them; the decision shows what cites it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError

from roer.governance.models import Decision, Outcome, Proposal, Scope, SubjectKind
from roer.governance.services import citations, flow
from roer.governance.tests.conftest import Council
from roer.governance.tests.framework_setup import START, advise_all
from roer.portfolio.models import Initiative, Lever
from roer.portfolio.services import baselines, gates
from roer.portfolio.services.gates import LeverInput

pytestmark = pytest.mark.django_db

LEVERS = {lever.value: LeverInput(score=3, evidence="Op orde.") for lever in Lever}


def _decided(
    council: Council,
    subject: str,
    outcome: str = Outcome.APPROVED,
    initiative: Initiative | None = None,
    gate: str = "",
) -> Decision:
    """A local proposal on the initiative, advised, and decided by its unit's CIO."""
    target = initiative or council.world.initiative
    decider = council.world.alice if target == council.world.initiative else council.otto
    proposer = council.paul if target == council.world.initiative else council.marc
    proposal: Proposal = flow.create_proposal(
        proposer,
        {
            "title": f"{subject} {target.code}",
            "summary": "Zie bijlage.",
            "subject_kind": subject,
            "initiative": target,
            "gate": gate,
            "decision_type": council.kind("gate" if subject == SubjectKind.GATE else "rebaseline"),
            "scope": Scope.LOCAL,
            "scope_reason": "Binnen het eigen DG.",
        },
    )
    flow.submit(proposer, proposal)
    advise_all(proposal, council)
    return flow.decide(decider, proposal, outcome, "Zo besloten.")


def _review(council: Council, decision: Decision | None, gate: str = "intake") -> Any:
    values = {"gate": gate, "outcome": "passed", "held_on": dt.date(2027, 3, 1), "decision": decision}
    return gates.record_gate_review(council.world.alice, council.world.initiative, values, LEVERS)


def _baseline(council: Council, values: dict[str, Any]) -> Any:
    base = {"recorded_on": dt.date(2027, 3, 1), "start_date": dt.date(2027, 1, 1), "end_date": dt.date(2028, 1, 1)}
    return baselines.record_baseline(
        council.world.alice, council.world.initiative, base | values, {"internal_staff": Decimal(1000)}
    )


def test_a_gate_review_cites_the_approving_decision_of_the_same_gate(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        decision = _decided(council, SubjectKind.GATE, gate="go_live")
        assert list(citations.citable(council.world.initiative, SubjectKind.GATE)) == [decision]
        review = _review(council, decision, gate="go_live")  # (an idea does not move on at go-live)
    review.refresh_from_db()
    assert review.decision == decision
    effects = citations.cited_by(decision, council.world.bob)
    assert effects.gate_reviews == [review]
    assert not citations.cited_by(decision, council.world.charlie)


def test_a_gate_review_citing_a_rejected_decision_is_refused(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        decision = _decided(council, SubjectKind.GATE, Outcome.REJECTED, gate="intake")
        with pytest.raises(ValidationError) as error:
            _review(council, decision)
    assert "did not approve" in error.value.message_dict["decision"][0]
    assert not council.world.initiative.gate_reviews.exists()


def test_a_gate_review_citing_another_gate_or_subject_or_a_superseded_decision_is_refused(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        approval = _decided(council, SubjectKind.GATE, gate="approval")
        with pytest.raises(ValidationError, match="approval gate"):
            _review(council, approval, gate="intake")
        rebaseline = _decided(council, SubjectKind.REBASELINE)
        with pytest.raises(ValidationError, match="decided"):
            _review(council, rebaseline)
        intake = _decided(council, SubjectKind.GATE, gate="intake")
        flow.supersede(council.world.alice, intake, Outcome.APPROVED, "Opnieuw, met voorwaarden erbij.")
        with pytest.raises(ValidationError, match="superseded"):
            _review(council, intake)


def test_a_gate_review_citing_another_initiatives_decision_is_refused(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        other = _decided(council, SubjectKind.GATE, initiative=council.world.other_initiative, gate="intake")
        with pytest.raises(ValidationError) as error:
            _review(council, other)
    assert "another initiative" in error.value.message_dict["decision"][0]


def test_a_rebaseline_cites_its_decision_and_takes_its_reference(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        _baseline(council, {})
        decision = _decided(council, SubjectKind.REBASELINE)
        with pytest.raises(ValidationError) as error:  # neither a reference nor a decision
            _baseline(
                council,
                {"reason": "Scope groter.", "end_date": dt.date(2028, 6, 1), "end_date_change_explanation": "Later."},
            )
        assert "decision_reference" in error.value.message_dict
        rebaseline = _baseline(
            council,
            {
                "reason": "Scope groter.",
                "end_date": dt.date(2028, 6, 1),
                "end_date_change_explanation": "Later.",
                "decision": decision,
            },
        )
    assert rebaseline.decision == decision
    assert rebaseline.decision_reference == decision.reference
    assert citations.cited_by(decision, council.world.bob).baselines == [rebaseline]


def test_a_rebaseline_citing_a_gate_decision_is_refused(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        _baseline(council, {})
        gate = _decided(council, SubjectKind.GATE, gate="intake")
        with pytest.raises(ValidationError) as error:
            _baseline(council, {"reason": "Anders.", "decision": gate})
    assert "decision" in error.value.message_dict


def _gate_post(decision: Decision | None, gate: str = "go_live") -> dict[str, str]:
    data = {
        "gate": gate,
        "outcome": "passed",
        "held_on": "2027-03-01",
        "decision": str(decision.pk) if decision else "",
    }
    for lever in Lever:
        data[f"{lever.value}_score"] = "3"
    return data


def test_the_gate_form_offers_and_checks_the_decision(client: Any, council: Council) -> None:
    from django.urls import reverse

    with time_machine.travel(START, tick=False):
        approved = _decided(council, SubjectKind.GATE, gate="go_live")
        rejected = _decided(council, SubjectKind.GATE, Outcome.REJECTED, gate="go_live")
        url = reverse("portfolio:gate-create", args=[council.world.initiative.code])
        data = _gate_post(approved)
        data["reviewer"] = str(council.world.alice.pk)
        client.force_login(council.world.bob)
        assert client.post(url, data).status_code == 403
        client.force_login(council.world.alice)
        page = client.get(url).content.decode()
        assert approved.reference in page and rejected.reference not in page
        response = client.post(url, {**data, "decision": str(rejected.pk)})
        assert response.status_code == 200 and 'id="id_decision_error"' in response.content.decode()
        response = client.post(url, {**data, "gate": "closure", "adoption_evaluation": "Goed."})
        assert response.status_code == 200 and "go-live gate" in response.content.decode()
        assert client.post(url, data).status_code == 302
        review = council.world.initiative.gate_reviews.get()
        assert review.decision == approved
        page = client.get(reverse("portfolio:gate-list", args=[council.world.initiative.code])).content.decode()
        assert approved.reference in page
        client.force_login(council.world.charlie)
        assert client.get(url).status_code == 404


def test_the_baseline_form_offers_the_rebaseline_decision(client: Any, council: Council) -> None:
    from django.urls import reverse

    with time_machine.travel(START, tick=False):
        _baseline(council, {})
        decision = _decided(council, SubjectKind.REBASELINE)
        url = reverse("portfolio:baseline-create", args=[council.world.initiative.code])
        client.force_login(council.world.alice)
        assert decision.reference in client.get(url).content.decode()
        data = {
            "recorded_on": "2027-03-01",
            "start_date": "2027-01-01",
            "end_date": "2028-01-01",
            "reason": "Herijking.",
            "decision": str(decision.pk),
            "amount_internal_staff": "1000",
        }
        assert client.post(url, data).status_code == 302
        page = client.get(reverse("portfolio:baseline-list", args=[council.world.initiative.code])).content.decode()
        assert decision.reference in page
        client.force_login(council.world.bob)
        assert client.post(url, data).status_code == 403
