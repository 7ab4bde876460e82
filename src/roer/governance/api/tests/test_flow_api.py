"""A proposal's whole path through the API on a frozen clock: create, change the draft, submit,
advice, votes with an objection, the deadline, escalation and a mandate decision with the dissent;
a local decision by the unit's CIO; missing advice; refusals; and decisions that never change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.audit.models import AuditEvent
from roer.governance.models import Decision, ProposalState
from roer.governance.services import flow
from roer.governance.tests.conftest import Council
from roer.organisation.models import Person

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
PROPOSALS = BASE + "/governance/proposals"
DECISIONS = BASE + "/governance/decisions"


def _post(person: Person, url: str, data: Any = None) -> Any:
    return session_client(person).post(url, data or {}, format="json")


def _policy(council: Council) -> dict[str, Any]:
    return {
        "title": "Generatieve AI in de werkprocessen",
        "summary": "Alleen toegestaan met een DPIA en menselijke controle.",
        "subjectKind": "policy",
        "policyTopic": "Generatieve AI",
        "decisionType": "policy",
        "orgUnit": council.world.department.pk,
        "scope": "cross_cutting",
        "scopeReason": "Raakt alle DG's.",
        "body": council.body.pk,
    }


def _gate(council: Council) -> dict[str, Any]:
    return {
        "title": "Goedkeuring Regie op gegevens",
        "summary": "Door naar uitvoering.",
        "subjectKind": "gate",
        "initiative": council.world.initiative.code,
        "gate": "approval",
        "decisionType": "gate",
        "scope": "local",
        "scopeReason": "Binnen het eigen budget van het DG.",
    }


def _advise(council: Council, reference: str, *roles: str) -> None:
    advisers = {"privacy_officer": council.petra, "data_officer": council.dirk, "technology_officer": council.tim}
    for role in roles:
        data = {"role": role, "position": "positive", "text": "Akkoord."}
        response = _post(advisers[role], f"{PROPOSALS}/{reference}/advice", data)
        assert response.status_code == 201, response.content


@pytest.mark.django_db
def test_objection_deadline_escalation_and_a_mandate_decision_with_the_dissent(council: Council) -> None:
    world = council.world
    with time_machine.travel(START, tick=False):
        created = _post(council.paul, PROPOSALS, _policy(council))
        assert created.status_code == 201, created.content
        reference = created.json()["reference"]
        assert reference == "B-2027-0001"
        assert created.json()["state"] == "draft"
        assert created["ETag"] == '"1"'
        assert created["Location"].endswith(f"/governance/proposals/{reference}")
        url = f"{PROPOSALS}/{reference}"

        # A change of the draft is guarded by If-Match: without it 428, with an old version 412.
        paul = session_client(council.paul)
        assert_problem(paul.patch(url, {"title": "Nieuw"}, format="json"), 428)
        changed = paul.patch(url, {"title": "Generatieve AI, met DPIA"}, format="json", HTTP_IF_MATCH='"1"')
        assert changed.status_code == 200, changed.content
        assert changed["ETag"] == '"2"' and changed.json()["title"] == "Generatieve AI, met DPIA"
        stale = assert_problem(paul.patch(url, {"title": "Overschreven"}, format="json", HTTP_IF_MATCH='"1"'), 412)
        assert stale["current"]["title"] == "Generatieve AI, met DPIA"
        assert session_client(council.paul).get(url).json()["title"] == "Generatieve AI, met DPIA"

        submitted = _post(council.paul, f"{url}/submissions")
        assert submitted.status_code == 201, submitted.content
        assert submitted.json()["state"] == "advice"
        advice = session_client(world.bob).get(f"{url}/advice").json()
        assert [(item["role"], item["state"]) for item in advice] == [
            ("data_officer", "requested"),
            ("privacy_officer", "requested"),
        ]
        # Only the holder of the role advises.
        refused = _post(council.tim, f"{url}/advice", {"role": "data_officer", "position": "positive", "text": "Ja"})
        assert_problem(refused, 403)
        _advise(council, reference, "privacy_officer", "data_officer")
        assert session_client(council.paul).get(url).json()["state"] == "voting"

        # An objection needs its reason; an advisory member does not vote.
        assert invalid_names(_post(council.otto, f"{url}/votes", {"position": "object"})) == {"reason"}
        assert_problem(_post(council.tim, f"{url}/votes", {"position": "agree"}), 403)
        objection = {"position": "object", "reason": "Wij hebben eigen afspraken met de leverancier."}
        assert _post(council.otto, f"{url}/votes", objection).status_code == 201
        assert _post(world.alice, f"{url}/votes", {"position": "agree"}).status_code == 201
        votes = session_client(council.paul).get(f"{url}/votes").json()
        assert {(vote["member"], vote["position"]) for vote in votes} == {
            (council.otto.pk, "object"),
            (world.alice.pk, "agree"),
        }
        early = _post(council.marc, f"{url}/decisions", {"outcome": "approved", "rationale": "Zo doen we het."})
        assert "votes until" in assert_problem(early, 400)["invalidParams"][0]["reason"]

    with time_machine.travel(START + dt.timedelta(days=10, minutes=5), tick=False):
        assert flow.process_deadlines().escalated == [reference]
        shown = session_client(council.marc).get(url).json()
        assert shown["state"] == ProposalState.ESCALATED
        assert shown["escalatedTo"] == council.marc.pk

        # Alice is a CIO, but not the one the failed consensus went to: 403, and nothing recorded.
        refused = _post(world.alice, f"{url}/decisions", {"outcome": "approved", "rationale": "Ik besluit."})
        assert_problem(refused, 403)
        assert not Decision.objects.exists()
        assert invalid_names(_post(council.marc, f"{url}/decisions", {"outcome": "approved", "rationale": " "})) == {
            "rationale"
        }
        decided = _post(
            council.marc, f"{url}/decisions", {"outcome": "approved", "rationale": "Eén lijn voor het hele ministerie."}
        )
        assert decided.status_code == 201, decided.content

    decision = decided.json()
    assert decision["basis"] == "mandate"
    assert decision["decidedBy"] == council.marc.pk
    assert decision["proposal"] == reference
    assert decision["body"] == council.body.pk
    assert decision["inForce"] is True
    assert decision["dissent"] == [
        {"member": council.otto.pk, "position": "object", "reason": "Wij hebben eigen afspraken met de leverancier."}
    ]
    assert decided["Location"].endswith(f"/governance/decisions/{decision['reference']}")
    read = session_client(world.bob).get(f"{DECISIONS}/{decision['reference']}")
    assert read.status_code == 200 and read.json() == decision
    shown = session_client(council.paul).get(url).json()
    assert shown["state"] == "decided" and shown["decisions"] == [decision["reference"]]


@pytest.mark.django_db
def test_a_local_decision_by_the_units_own_cio_after_the_missing_advice_is_in(council: Council) -> None:
    world = council.world
    with time_machine.travel(START, tick=False):
        created = _post(council.paul, PROPOSALS, _gate(council))
        assert created.status_code == 201, created.content
        body = created.json()
        assert body["orgUnit"] == world.directorate.pk and body["scope"] == "local"
        url = f"{PROPOSALS}/{body['reference']}"
        assert _post(council.paul, f"{url}/submissions").status_code == 201
        _advise(council, body["reference"], "technology_officer")

        decide = {"outcome": "approved", "rationale": "Past binnen de kaders."}
        missing = assert_problem(_post(world.alice, f"{url}/decisions", decide), 400)
        assert "Data officer" in missing["invalidParams"][0]["reason"]
        assert not Decision.objects.exists()

        _advise(council, body["reference"], "data_officer")
        # A viewer, and a CIO higher up: the department decides its own matters.
        for person in (world.bob, council.marc):
            assert_problem(_post(person, f"{url}/decisions", decide), 403)
        assert not Decision.objects.exists()
        decided = _post(world.alice, f"{url}/decisions", decide)
        assert decided.status_code == 201, decided.content
    assert decided.json()["basis"] == "unit_mandate"
    assert decided.json()["decidedBy"] == world.alice.pk
    assert decided.json()["body"] is None
    assert "Akkoord." in decided.json()["adviceSummary"]


def _decided(council: Council) -> Decision:
    with time_machine.travel(START, tick=False):
        proposal = flow.create_proposal(
            council.paul,
            {
                "title": "Goedkeuring",
                "summary": "Door.",
                "subject_kind": "gate",
                "initiative": council.world.initiative,
                "gate": "approval",
                "decision_type": council.kind("gate"),
                "scope": "local",
                "scope_reason": "Eigen DG.",
            },
        )
        flow.submit(council.paul, proposal)
        proposal.refresh_from_db()
        for request in proposal.advice.all():
            adviser = council.dirk if request.role == "data_officer" else council.tim
            flow.give_advice(adviser, proposal, request.role, "positive", "Akkoord.")
        return flow.decide(council.world.alice, proposal, "approved", "Prima.")


@pytest.mark.django_db
def test_no_one_edits_or_deletes_a_decision(council: Council) -> None:
    decision = _decided(council)
    url = f"{DECISIONS}/{decision.reference}"
    for person in (council.world.alice, council.marc, council.world.frank):
        client = session_client(person)
        for method in ("put", "patch"):
            response = getattr(client, method)(url, {"outcome": "rejected"}, format="json", HTTP_IF_MATCH='"1"')
            assert assert_problem(response, 405)["code"] == "methodNotAllowed"
        assert_problem(client.delete(url), 405)
    stored = Decision.objects.get()
    assert (stored.outcome, stored.rationale) == ("approved", "Prima.")


@pytest.mark.django_db
def test_a_correction_supersedes_the_decision_which_stays_as_it_was(council: Council) -> None:
    decision = _decided(council)
    url = f"{DECISIONS}/{decision.reference}/corrections"
    correction = {"outcome": "conditional", "rationale": "Toch met voorwaarden.", "conditions": "Exit-plan."}
    assert_problem(_post(council.world.bob, url, correction), 403)
    assert invalid_names(_post(council.world.alice, url, {**correction, "conditions": ""})) == {"conditions"}
    corrected = _post(council.world.alice, url, correction)
    assert corrected.status_code == 201, corrected.content
    assert corrected.json()["basis"] == "correction"
    assert corrected.json()["supersedes"] == decision.reference
    old = session_client(council.world.bob).get(f"{DECISIONS}/{decision.reference}").json()
    assert old["inForce"] is False and old["supersededBy"] == corrected.json()["reference"]
    assert old["outcome"] == "approved"
    bob = session_client(council.world.bob)
    listed = bob.get(DECISIONS, {"inForce": "true"}).json()
    assert [item["reference"] for item in listed["results"]] == [corrected.json()["reference"]]
    assert [item["reference"] for item in bob.get(DECISIONS, {"inForce": "false"}).json()["results"]] == [
        decision.reference
    ]
    assert bob.get(DECISIONS, {"basis": "correction", "outcome": "conditional"}).json()["count"] == 1
    assert bob.get(DECISIONS, {"basis": "unit_mandate", "outcome": "rejected"}).json()["count"] == 0
    assert bob.get(DECISIONS, {"body": council.body.pk}).json()["count"] == 0  # a local decision has no body
    assert invalid_names(bob.get(DECISIONS, {"basis": "whim"})) == {"basis"}


@pytest.mark.django_db
def test_steps_of_withdrawal_and_reclassification(council: Council) -> None:
    created = _post(council.paul, PROPOSALS, _policy(council)).json()
    url = f"{PROPOSALS}/{created['reference']}"
    assert invalid_names(_post(world_cio := council.world.alice, f"{url}/scope-changes", {"scope": "local"})) == {
        "reason"
    }
    moved = _post(world_cio, f"{url}/scope-changes", {"scope": "local", "reason": "Alleen ons DG."})
    assert moved.status_code == 201, moved.content
    assert moved.json()["scope"] == "local"
    assert moved.json()["scopeChanges"][0]["fromScope"] == "cross_cutting"
    assert_problem(_post(council.world.bob, f"{url}/withdrawals", {"reason": "Weg."}), 403)
    assert invalid_names(_post(council.paul, f"{url}/withdrawals", {"reason": " "})) == {"reason"}
    withdrawn = _post(council.paul, f"{url}/withdrawals", {"reason": "Niet meer nodig."})
    assert withdrawn.status_code == 201 and withdrawn.json()["state"] == "withdrawn"


@pytest.mark.django_db
def test_a_viewer_may_not_propose_and_an_outsider_sees_nothing(council: Council) -> None:
    assert_problem(_post(council.world.bob, PROPOSALS, _policy(council)), 403)
    decision = _decided(council)
    charlie = session_client(council.world.charlie)
    assert charlie.get(PROPOSALS).json()["count"] == 0
    assert charlie.get(DECISIONS).json()["count"] == 0
    assert_problem(charlie.get(f"{PROPOSALS}/{decision.proposal.reference}"), 404)
    assert_problem(charlie.get(f"{DECISIONS}/{decision.reference}"), 404)
    assert_problem(_post(council.world.charlie, f"{PROPOSALS}/{decision.proposal.reference}/decisions"), 404)
    anonymous = session_client()
    assert assert_problem(anonymous.get(PROPOSALS), 401)["code"] == "notAuthenticated"
    assert_problem(anonymous.post(f"{PROPOSALS}/{decision.proposal.reference}/decisions", {}, format="json"), 401)


@pytest.mark.django_db
def test_proposals_are_filtered(council: Council) -> None:
    _decided(council)
    _post(council.paul, PROPOSALS, _policy(council))
    bob = session_client(council.world.bob)
    assert [item["state"] for item in bob.get(PROPOSALS, {"state": "decided"}).json()["results"]] == ["decided"]
    assert [item["scope"] for item in bob.get(PROPOSALS, {"scope": "cross_cutting"}).json()["results"]] == [
        "cross_cutting"
    ]
    assert bob.get(PROPOSALS, {"body": council.body.pk}).json()["count"] == 1
    assert bob.get(PROPOSALS, {"decisionType": "gate"}).json()["count"] == 1
    assert invalid_names(bob.get(PROPOSALS, {"state": "nonsense"})) == {"state"}


@pytest.mark.django_db
def test_every_step_through_the_api_is_in_the_audit_trail_with_the_api_channel(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        created = token_client(council.paul).post(PROPOSALS, _gate(council), format="json")
        url = f"{PROPOSALS}/{created.json()['reference']}"
        token_client(council.paul).post(f"{url}/submissions", {}, format="json")
        for adviser, role in ((council.tim, "technology_officer"), (council.dirk, "data_officer")):
            data = {"role": role, "position": "positive", "text": "Akkoord."}
            assert token_client(adviser).post(f"{url}/advice", data, format="json").status_code == 201
        decide = {"outcome": "approved", "rationale": "Past binnen de kaders."}
        decided = token_client(council.world.alice).post(f"{url}/decisions", decide, format="json")
        assert decided.status_code == 201, decided.content
    decision = Decision.objects.get()
    event = AuditEvent.objects.for_object(decision).get()
    assert (event.actor, event.source, event.action) == (council.world.alice, "api", "create")
    advice = AuditEvent.objects.filter(content_type__model="advicerequest", actor=council.dirk)
    assert advice.exists() and {event.source for event in advice} == {"api"}
    proposal = AuditEvent.objects.filter(content_type__model="proposal", actor=council.paul, source="api")
    assert proposal.count() >= 2  # created, submitted
