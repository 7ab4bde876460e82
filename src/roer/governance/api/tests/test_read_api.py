"""Reading bodies, memberships, frameworks, compliance statements, the decision-rights matrix and
meetings over the API: what each person may see, and nothing for an outsider."""

from __future__ import annotations

import datetime as dt

import pytest

from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.governance.models import (
    AgendaItem,
    AgendaKind,
    ComplianceState,
    ComplianceStatement,
    Framework,
    FrameworkVersion,
    Meeting,
    Requirement,
)
from roer.governance.tests.conftest import Council

G = BASE + "/governance"


def _framework(council: Council) -> Framework:
    framework = Framework.objects.create(code="cloud", title="Cloudbeleid", org_unit=council.world.ministry)
    version = FrameworkVersion.objects.create(framework=framework, number=1, effective_on=dt.date(2027, 1, 1))
    Requirement.objects.create(framework_version=version, code="C1", statement="Gegevens blijven in de EU.")
    ComplianceStatement.objects.create(
        initiative=council.world.initiative,
        framework=framework,
        framework_version=version,
        state=ComplianceState.EXEMPTION_REQUESTED,
        explanation="De leverancier verhuist pas in 2028.",
        exemption_until=dt.date(2028, 1, 1),
        stated_by=council.paul,
        stated_at=dt.datetime(2027, 2, 1, 9, tzinfo=dt.UTC),
    )
    return framework


@pytest.mark.django_db
def test_bodies_and_their_members(council: Council) -> None:
    bob = session_client(council.world.bob)
    bodies = bob.get(f"{G}/bodies").json()["results"]
    assert [(body["name"], body["mandateHolder"], body["quorum"]) for body in bodies] == [
        ("CIO-raad", council.marc.pk, 2)
    ]
    assert bodies[0]["consensusRule"] == "no_objection"
    assert bob.get(f"{G}/bodies/{council.body.pk}").json()["chair"] == council.marc.pk
    members = bob.get(f"{G}/memberships", {"body": council.body.pk}).json()["results"]
    assert {(member["person"], member["capacity"]) for member in members} == {
        (council.world.alice.pk, "voting"),
        (council.otto.pk, "voting"),
        (council.tim.pk, "advisory"),
    }
    assert bob.get(f"{G}/memberships", {"body": council.body.pk + 1}).json()["count"] == 0
    # Memberships are changed on the pages; the API only reads them.
    assert_problem(session_client(council.marc).post(f"{G}/memberships", {"body": council.body.pk}, format="json"), 405)


@pytest.mark.django_db
def test_frameworks_with_versions_and_requirements_and_the_compliance_statements(council: Council) -> None:
    _framework(council)
    bob = session_client(council.world.bob)
    framework = bob.get(f"{G}/frameworks/cloud").json()
    assert framework["title"] == "Cloudbeleid"
    assert framework["versions"][0]["number"] == 1
    assert framework["versions"][0]["effectiveOn"] == "2027-01-01"
    assert framework["versions"][0]["decision"] is None
    assert framework["versions"][0]["requirements"] == [{"code": "C1", "statement": "Gegevens blijven in de EU."}]
    statements = bob.get(f"{G}/compliance-statements", {"framework": "cloud"}).json()["results"]
    assert [(row["initiative"], row["state"], row["exemptionUntil"]) for row in statements] == [
        ("MINBZ-0001", "exemption_requested", "2028-01-01")
    ]
    assert bob.get(f"{G}/compliance-statements", {"state": "complies"}).json()["count"] == 0
    # Otto's department does not hold the initiative: he sees the framework, not the statement.
    otto = session_client(council.otto)
    assert otto.get(f"{G}/frameworks").json()["count"] == 1
    assert otto.get(f"{G}/compliance-statements").json()["count"] == 0


@pytest.mark.django_db
def test_the_decision_rights_matrix(council: Council) -> None:
    bob = session_client(council.world.bob)
    gate = bob.get(f"{G}/decision-types/gate").json()
    letters = {right["role"]: right["responsibility"] for right in gate["rights"]}
    assert letters["cio"] == "A" and letters["data_officer"] == "C" and letters["portfolio_manager"] == "R"
    assert gate["adviceDays"] == 10 and gate["escalationRole"] == "mandate_holder"
    codes = {row["code"] for row in bob.get(f"{G}/decision-types", {"pageSize": 50}).json()["results"]}
    assert {"gate", "policy", "framework"} <= codes


@pytest.mark.django_db
def test_meetings_with_the_agenda_and_the_decisions_taken(council: Council) -> None:
    meeting = Meeting.objects.create(
        body=council.body, starts_at=dt.datetime(2027, 3, 10, 10, tzinfo=dt.UTC), location="Zaal 1"
    )
    AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        kind=AgendaKind.RED_RATING,
        title="Regie op gegevens",
        initiative=council.world.initiative,
    )
    bob = session_client(council.world.bob)
    shown = bob.get(f"{G}/meetings/{meeting.pk}").json()
    assert shown["items"] == [
        {
            "position": 1,
            "kind": "red_rating",
            "title": "Regie op gegevens",
            "proposal": None,
            "initiative": "MINBZ-0001",
            "complianceStatement": None,
        }
    ]
    assert shown["decisions"] == [] and shown["state"] == "planned"
    assert bob.get(f"{G}/meetings", {"body": council.body.pk}).json()["count"] == 1


@pytest.mark.django_db
def test_an_outsider_sees_no_governance(council: Council) -> None:
    _framework(council)
    meeting = Meeting.objects.create(body=council.body, starts_at=dt.datetime(2027, 3, 10, 10, tzinfo=dt.UTC))
    charlie = session_client(council.world.charlie)
    for resource in ("bodies", "memberships", "frameworks", "compliance-statements", "meetings"):
        assert charlie.get(f"{G}/{resource}").json()["count"] == 0, resource
    for item in (f"bodies/{council.body.pk}", "frameworks/cloud", f"meetings/{meeting.pk}"):
        assert_problem(charlie.get(f"{G}/{item}"), 404)
    for resource in ("bodies", "frameworks", "decision-types", "meetings"):
        assert_problem(session_client().get(f"{G}/{resource}"), 401)
