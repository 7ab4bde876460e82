"""Every governance page on the demo's data, in English and Dutch, with axe-core; and a council
member's objection in the browser, refused without a reason (the error tied to the field)."""

from __future__ import annotations

from typing import Any

import pytest

from roer.demo.builder import build_small
from roer.demo.data.people import DEMO_PASSWORD
from roer.demo.governance import BOARD, COUNCIL
from roer.e2e.conftest import assert_accessible, sign_in
from roer.governance.models import (
    Basis,
    Body,
    ComplianceState,
    ComplianceStatement,
    Decision,
    Meeting,
    MeetingState,
    Proposal,
    ProposalState,
    Vote,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(transactional_db: None, live_server: Any) -> str:
    from django.apps import apps

    from roer.governance.seed import seed_decision_types

    seed_decision_types(apps, None)  # a transactional test starts without the data migration's rows
    build_small()
    return str(live_server.url)


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


def governance_pages() -> list[tuple[str, str]]:
    """(what, path) for every governance page, on the demo's rows."""
    council = Body.objects.get(name=COUNCIL)
    board = Body.objects.get(name=BOARD)
    escalated = Proposal.objects.get(state=ProposalState.ESCALATED)
    voting = Proposal.objects.get(state=ProposalState.VOTING)
    mandate = Decision.objects.get(basis=Basis.MANDATE)
    correction = Decision.objects.get(basis=Basis.CORRECTION)
    held = Meeting.objects.filter(body=council, state=MeetingState.HELD).get()
    planned = Meeting.objects.filter(body=council, state=MeetingState.PLANNED).get()
    evaluated = Meeting.objects.filter(body=board, state=MeetingState.HELD).order_by("-starts_at").first()
    assert evaluated is not None
    exemption = ComplianceStatement.objects.get(state=ComplianceState.EXEMPTION_GRANTED)
    return [
        ("landing", "/governance/"),
        ("proposals list", "/governance/proposals/"),
        ("proposals list, filtered", "/governance/proposals/?state=escalated"),
        ("proposal detail, escalated", f"/governance/proposals/{escalated.reference}/"),
        ("proposal detail, voting", f"/governance/proposals/{voting.reference}/"),
        ("proposal detail, decided", f"/governance/proposals/{mandate.proposal.reference}/"),
        ("new proposal", "/governance/proposals/new"),
        ("decisions list", "/governance/decisions/"),
        ("decision detail, mandate with dissent", f"/governance/decisions/{mandate.reference}/"),
        ("decision detail, correction", f"/governance/decisions/{correction.reference}/"),
        ("inbox", "/governance/inbox/"),
        ("bodies list", "/governance/bodies/"),
        ("body detail", f"/governance/bodies/{council.pk}/"),
        ("decision rights", "/governance/decision-rights/"),
        ("meeting detail, held", f"/governance/meetings/{held.pk}/"),
        ("meeting detail, planned", f"/governance/meetings/{planned.pk}/"),
        ("evaluation form", f"/governance/meetings/{evaluated.pk}/evaluation"),
        ("evaluation trend", f"/governance/bodies/{board.pk}/evaluations"),
        ("frameworks list", "/governance/frameworks/"),
        ("framework detail", "/governance/frameworks/cloud/"),
        ("compliance overview", "/governance/compliance/"),
        ("initiative compliance", f"/governance/initiatives/{exemption.initiative.code}/compliance"),
    ]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_governance_page_passes_axe(page: Any, demo: str, language: str) -> None:
    # marieke is the mandate holder and the ministry's CIO, and sits on the portfolio board: she sees every page.
    sign_in(page, demo, "marieke", DEMO_PASSWORD)
    if language == "nl":
        _switch_language(page, "nl")
    failures = []
    for what, path in governance_pages():
        response = page.goto(demo + path)
        if response is None or response.status != 200:
            failures.append(f"{what} ({path}): HTTP {response.status if response else '—'}")
            continue
        assert page.locator("html").get_attribute("lang") == language, path
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(f"{what} ({path}): {error}")
    assert not failures, "\n\n".join(failures)


def _description_of(page: Any, field: Any) -> str:
    """The text of the elements the field's aria-describedby names."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    return " ".join(page.locator(f"[id='{name}']").inner_text() for name in ids)


def test_an_objection_needs_its_reason_in_the_browser(page: Any, demo: str) -> None:
    voting = Proposal.objects.get(state=ProposalState.VOTING)
    assert not voting.votes.filter(member__username="joost").exists()
    sign_in(page, demo, "joost", DEMO_PASSWORD)
    page.goto(f"{demo}/governance/proposals/{voting.reference}/")

    page.get_by_label("Object").check()
    page.get_by_role("button", name="Record my vote").click()
    reason = page.get_by_role("textbox", name="Reason")
    assert reason.get_attribute("aria-invalid") == "true"
    assert "An objection needs its reason." in _description_of(page, reason)
    assert not Vote.objects.filter(proposal=voting, member__username="joost").exists()
    assert_accessible(page)

    page.get_by_label("Object").check()
    reason.fill("DG Digitale Overheid bouwt op een eigen platform met een andere licentie.")
    page.get_by_role("button", name="Record my vote").click()
    assert page.get_by_text(f"Your vote on {voting.reference} is recorded.").is_visible()
    vote = Vote.objects.get(proposal=voting, member__username="joost")
    assert (vote.position, vote.reason) == (
        "object",
        "DG Digitale Overheid bouwt op een eigen platform met een andere licentie.",
    )
    voting.refresh_from_db()
    assert voting.state == ProposalState.VOTING  # an objection stands until the deadline; then escalation
    assert_accessible(page)

    # joost has not evaluated the board's latest quarter yet: his form is empty, and accessible too.
    board = Body.objects.get(name=BOARD)
    latest = Meeting.objects.filter(body=board, state=MeetingState.HELD).order_by("-starts_at").first()
    assert latest is not None
    response = page.goto(f"{demo}/governance/meetings/{latest.pk}/evaluation")
    assert response is not None and response.status == 200
    assert_accessible(page)
