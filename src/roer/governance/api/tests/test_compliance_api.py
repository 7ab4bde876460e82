"""Comply or explain over the API: a statement, a revision guarded by If-Match, and an exemption
request that becomes its own proposal."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.governance.models import ComplianceStatement, Proposal, SubjectKind
from roer.governance.tests.conftest import Council
from roer.governance.tests.framework_setup import START, TODAY, in_force

URL = BASE + "/governance/compliance-statements"


@pytest.mark.django_db
def test_state_compliance_then_ask_for_an_exemption(council: Council) -> None:
    with time_machine.travel(START, tick=False):
        in_force(council)
        paul = session_client(council.paul)
        complies = {"initiative": "MINBZ-0001", "framework": "cloud", "state": "complies", "explanation": "EU-cloud."}
        assert_problem(session_client(council.world.bob).post(URL, complies, format="json"), 403)
        created = paul.post(URL, complies, format="json")
        assert created.status_code == 201, created.content
        assert created["ETag"] == '"1"'
        body = created.json()
        assert (body["initiative"], body["framework"], body["state"]) == ("MINBZ-0001", "cloud", "complies")
        url = f"{URL}/{body['id']}"
        assert created["Location"].endswith(url)
        assert invalid_names(paul.post(URL, complies, format="json")) == {"framework"}

        assert_problem(paul.patch(url, {"explanation": "Anders."}, format="json"), 428)
        asked = {"state": "exemption_requested", "explanation": "Het contract loopt nog."}
        assert invalid_names(paul.patch(url, asked, format="json", HTTP_IF_MATCH='"1"')) == {"exemptionUntil"}
        until = (TODAY + dt.timedelta(days=60)).isoformat()
        changed = paul.patch(url, {**asked, "exemptionUntil": until}, format="json", HTTP_IF_MATCH='"1"')
        assert changed.status_code == 200, changed.content
        assert changed["ETag"] == '"2"' and changed.json()["exemptionUntil"] == until
        stale = assert_problem(
            paul.patch(url, {"explanation": "Weer anders."}, format="json", HTTP_IF_MATCH='"1"'), 412
        )
        assert stale["current"]["state"] == "exemption_requested"

    statement = ComplianceStatement.objects.get()
    proposal = Proposal.objects.get(compliance_statement=statement)
    assert proposal.subject_kind == SubjectKind.EXEMPTION and proposal.proposer == council.paul
    charlie = session_client(council.world.charlie)
    assert charlie.get(URL).json()["count"] == 0
    assert_problem(charlie.patch(url, {"explanation": "x"}, format="json", HTTP_IF_MATCH='"2"'), 404)
