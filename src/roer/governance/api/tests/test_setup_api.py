"""Setting up bodies and changing the decision-rights matrix over the API, through their services."""

from __future__ import annotations

from typing import Any

import pytest

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.governance.models import Body, DecisionRight, DecisionType
from roer.governance.tests.conftest import Council

BODIES = BASE + "/governance/bodies"
TYPES = BASE + "/governance/decision-types"


def _board(council: Council) -> dict[str, Any]:
    return {
        "name": "Portfolioraad DGDO",
        "kind": "portfolio_board",
        "orgUnit": council.world.department.pk,
        "chair": council.world.alice.pk,
        "mandateHolder": council.world.alice.pk,
        "quorum": 2,
        "consensusRule": "consensus_minus_one",
        "cadence": "quarterly",
    }


@pytest.mark.django_db
def test_a_governance_manager_sets_up_and_changes_a_body(council: Council) -> None:
    alice = session_client(council.world.alice)
    assert_problem(session_client(council.world.bob).post(BODIES, _board(council), format="json"), 403)
    created = alice.post(BODIES, _board(council), format="json")
    assert created.status_code == 201, created.content
    assert created["ETag"] == '"1"' and created.json()["consensusRule"] == "consensus_minus_one"
    url = f"{BODIES}/{created.json()['id']}"
    assert created["Location"].endswith(url)
    assert invalid_names(alice.post(BODIES, _board(council), format="json")) == {"name"}

    assert_problem(alice.patch(url, {"quorum": 3}, format="json"), 428)
    changed = alice.patch(url, {"quorum": 3, "secretary": council.paul.pk}, format="json", HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == '"2"' and changed.json()["secretary"] == council.paul.pk
    stale = assert_problem(alice.patch(url, {"quorum": 1}, format="json", HTTP_IF_MATCH='"1"'), 412)
    assert stale["current"]["quorum"] == 3
    assert Body.objects.get(name="Portfolioraad DGDO").quorum == 3
    # Otto sees the ministry's council, not alice's board; the council is not his to change.
    otto = session_client(council.otto)
    assert_problem(otto.get(url), 404)
    assert_problem(otto.patch(f"{BODIES}/{council.body.pk}", {"quorum": 1}, format="json", HTTP_IF_MATCH='"1"'), 403)


@pytest.mark.django_db
def test_the_matrix_is_changed_by_a_governance_manager_of_the_whole_organisation(council: Council) -> None:
    url = f"{TYPES}/policy"
    change = {"voteDays": 14, "rights": [{"role": "controller", "responsibility": "C"}]}
    # The usual installation: one organisation. (Where several share it, the matrix is the installation
    # administrator's alone; services.matrix and its tests cover that.)
    council.world.other_org.parent = council.world.ministry
    council.world.other_org.save()
    # Alice is a CIO, but of a department: the matrix binds the whole organisation.
    assert_problem(session_client(council.world.alice).patch(url, change, format="json", HTTP_IF_MATCH='"1"'), 403)
    frank = session_client(council.world.frank)
    etag = frank.get(url)["ETag"]
    changed = frank.patch(url, change, format="json", HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.content
    assert changed.json()["voteDays"] == 14
    assert {(r["role"], r["responsibility"]) for r in changed.json()["rights"]} >= {("controller", "C"), ("cio", "A")}
    assert changed["ETag"] != etag
    assert_problem(frank.patch(url, {"voteDays": 3}, format="json", HTTP_IF_MATCH=etag), 412)

    # Nobody accountable: refused, and nothing changed.
    nobody = {"rights": [{"role": "cio", "responsibility": ""}, {"role": "mandate_holder", "responsibility": "R"}]}
    refused = frank.patch(url, nobody, format="json", HTTP_IF_MATCH=changed["ETag"])
    assert invalid_names(refused) <= {"nonFieldErrors", "rights", "escalationRole"}
    assert DecisionRight.objects.get(decision_type__code="policy", role="cio").responsibility == "A"
    assert DecisionType.objects.get(code="policy").vote_days == 14
