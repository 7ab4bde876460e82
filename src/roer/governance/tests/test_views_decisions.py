"""Decision pages: the register and one decision; a correction supersedes; nothing edits or deletes a decision."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import NoReverseMatch, get_resolver, reverse

from roer.governance.models import Basis, Decision, Outcome
from roer.governance.services import flow
from roer.governance.tests import proposal_setup as setup
from roer.governance.tests.conftest import Council

pytestmark = pytest.mark.django_db


def _local_decision(council: Council) -> Decision:
    proposal = setup.awaiting_decision(council)
    return flow.decide(council.world.alice, proposal, Outcome.CONDITIONAL, "Past binnen de kaders.", "Exit-plan.")


def _mandate_decision(council: Council) -> Decision:
    proposal = setup.escalated(council)
    return flow.decide(council.marc, proposal, Outcome.APPROVED, "Eén lijn voor het ministerie.")


def _detail(decision: Decision) -> str:
    return reverse("governance:decision-detail", args=[decision.reference])


def _supersede(decision: Decision) -> str:
    return reverse("governance:decision-supersede", args=[decision.reference])


def test_list_with_filters(client: Client, council: Council) -> None:
    local = _local_decision(council)
    mandate = _mandate_decision(council)
    client.force_login(council.world.bob)
    response = client.get(reverse("governance:decision-list"))
    assert response.status_code == 200
    assert local.reference in response.text and mandate.reference in response.text
    by_basis = client.get(reverse("governance:decision-list"), {"basis": "mandate"})
    assert mandate.reference in by_basis.text and local.reference not in by_basis.text
    by_body = client.get(reverse("governance:decision-list"), {"body": council.body.pk})
    assert mandate.reference in by_body.text and local.reference not in by_body.text
    correction = flow.supersede(council.world.alice, local, Outcome.APPROVED, "Het exit-plan is er.")
    superseded = client.get(reverse("governance:decision-list"), {"standing": "superseded"})
    assert _detail(local) in superseded.text and _detail(correction) not in superseded.text
    in_force = client.get(reverse("governance:decision-list"), {"standing": "in_force", "outcome": "approved"})
    assert _detail(correction) in in_force.text and _detail(local) not in in_force.text


def test_the_outsider_sees_no_decision(client: Client, council: Council) -> None:
    decision = _local_decision(council)
    client.force_login(council.world.charlie)
    assert decision.reference not in client.get(reverse("governance:decision-list")).text
    assert client.get(_detail(decision)).status_code == 404
    assert client.post(_supersede(decision), {"outcome": "rejected", "rationale": "Nee."}).status_code == 404


def test_detail_shows_basis_advice_dissent_and_the_proposal(client: Client, council: Council) -> None:
    decision = _mandate_decision(council)
    client.force_login(council.world.bob)
    response = client.get(_detail(decision))
    assert response.status_code == 200
    for fact in (
        "Mandate after failed consensus",
        "Eén lijn voor het ministerie.",
        "Marc Hendriks",
        "In force.",
        "Akkoord.",
        "Otto Mulder",
        "Eigen afspraken met de leverancier.",
        decision.proposal.reference,
    ):
        assert fact in response.text, fact
    assert "Correct this decision" not in response.text  # a viewer may look, not correct


def test_the_accountable_decider_corrects_by_superseding(client: Client, council: Council) -> None:
    decision = _local_decision(council)
    client.force_login(council.world.alice)
    assert "Correct this decision" in client.get(_detail(decision)).text
    empty = client.post(_supersede(decision), {"outcome": "approved", "rationale": ""})
    assert empty.status_code == 200 and 'id="id_rationale_error"' in empty.text
    response = client.post(_supersede(decision), {"outcome": "approved", "rationale": "Het exit-plan is er."})
    correction = Decision.objects.get(supersedes=decision)
    assert response.status_code == 302 and response["Location"] == _detail(correction)
    assert correction.basis == Basis.CORRECTION
    old = client.get(_detail(decision)).text
    assert f"Superseded by {correction.reference}" in old and "Correct this decision" not in old
    assert decision.reference in client.get(_detail(correction)).text
    # The old decision is as it was.
    assert Decision.objects.get(pk=decision.pk).outcome == Outcome.CONDITIONAL


def test_no_one_else_corrects(client: Client, council: Council) -> None:
    decision = _local_decision(council)
    for person in (council.world.bob, council.paul, council.marc):
        client.force_login(person)
        assert client.post(_supersede(decision), {"outcome": "rejected", "rationale": "Nee."}).status_code == 403
    assert Decision.objects.count() == 1


def test_no_page_edits_or_deletes_a_decision(client: Client, council: Council) -> None:
    decision = _local_decision(council)
    for name in ("decision-edit", "decision-delete", "decision-update"):
        with pytest.raises(NoReverseMatch):
            reverse(f"governance:{name}", args=[decision.reference])
    decision_routes = [
        str(pattern.pattern) for pattern in get_resolver().url_patterns if "governance" in str(pattern.pattern)
    ]
    assert decision_routes  # the governance pages are mounted
    client.force_login(council.world.alice)  # even the decider
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(_detail(decision), {"outcome": "rejected", "rationale": "Anders."})
        assert response.status_code == 405
    for suffix in ("edit", "delete", "update"):
        assert client.post(_detail(decision) + suffix, {"outcome": "rejected"}).status_code == 404
    stored = Decision.objects.get(pk=decision.pk)
    assert (stored.outcome, stored.rationale) == (Outcome.CONDITIONAL, "Past binnen de kaders.")
    page = client.get(_detail(decision)).text
    assert "Delete" not in page and "Edit" not in page
