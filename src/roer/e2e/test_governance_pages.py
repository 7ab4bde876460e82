"""Proposals, decisions, the inbox and the governance landing page in the browser, in English and Dutch, with axe."""

from __future__ import annotations

from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.governance.models import Basis, Decision, Outcome
from roer.governance.services import flow
from roer.governance.tests import proposal_setup as setup
from roer.governance.tests.conftest import council  # noqa: F401 (the fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, council: Any) -> Any:  # noqa: F811
    from django.apps import apps

    from roer.governance.seed import seed_decision_types

    seed_decision_types(apps, None)  # a transactional test starts without the data migration's rows
    # The escalation moves the clock past every open vote: first, so that the other proposals stay open.
    escalated = setup.escalated(council)
    decided = flow.decide(council.marc, escalated, Outcome.CONDITIONAL, "Eén lijn.", "Met een overgangstermijn.")
    local = setup.awaiting_decision(council)
    voting = setup.voting(council)
    return live_server.url, council, local, voting, decided


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_governance_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, people, local, voting, decided = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")
    for path in (
        "/governance/",
        "/governance/proposals/",
        "/governance/proposals/?state=voting&scope=cross_cutting",
        "/governance/proposals/new",
        "/governance/proposals/new?subject_kind=gate",
        f"/governance/proposals/{local.reference}/",  # with the decide form
        f"/governance/proposals/{voting.reference}/",  # with the vote form and the tally
        f"/governance/proposals/{local.reference}/reclassify",
        "/governance/decisions/",
        f"/governance/decisions/{decided.reference}/",  # with the dissent
        "/governance/inbox/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_deciding_in_the_browser(page: Any, site: Any) -> None:
    base, people, local, voting, decided = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/governance/proposals/{local.reference}/")
    page.get_by_label("Approved with conditions").check()
    page.get_by_label("Rationale").fill("Past binnen de kaders.")
    page.get_by_role("button", name="Take the decision").click()
    assert page.get_by_text("State the conditions.").is_visible()
    assert_accessible(page)
    page.get_by_role("textbox", name="Conditions").fill("Met een exit-plan.")
    page.get_by_role("button", name="Take the decision").click()
    decision = Decision.objects.get(proposal=local)
    page.wait_for_url(f"{base}/governance/decisions/{decision.reference}/")
    assert decision.basis == Basis.UNIT_MANDATE
    assert page.get_by_text("Met een exit-plan.").is_visible()


def test_voting_and_the_inbox_in_the_browser(page: Any, site: Any) -> None:
    base, people, local, voting, decided = site
    sign_in(page, base, "otto")
    page.goto(f"{base}/governance/proposals/{voting.reference}/")
    page.get_by_label("Object").check()
    page.get_by_role("button", name="Record my vote").click()
    assert page.get_by_text("An objection needs its reason.").is_visible()
    page.get_by_label("Object").check()
    page.get_by_role("textbox", name="Reason").fill("Te vroeg.")
    page.get_by_role("button", name="Record my vote").click()
    assert page.get_by_text("Your vote on").is_visible()
    page.goto(f"{base}/governance/inbox/")
    assert page.get_by_role("link", name=f"Your vote is due on {voting.reference}").is_visible()
    page.get_by_role("button", name="Mark all as read").click()
    assert page.get_by_text("0 unread notifications").is_visible()
    assert_accessible(page)
