"""Binding frameworks and compliance in the browser, in English and Dutch, with axe."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.governance.models import ComplianceState
from roer.governance.services import frameworks
from roer.governance.tests.conftest import council  # noqa: F401 (the fixture)
from roer.governance.tests.framework_setup import consensus, draft, framework

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, council: Any) -> Any:  # noqa: F811
    from django.apps import apps

    from roer.governance.seed import seed_decision_types

    seed_decision_types(apps, None)  # a transactional test starts without the data migration's rows
    today = datetime.date.today()
    item = framework(council)
    version = draft(council, item, effective_on=today)
    consensus(frameworks.propose(council.tim, version, {"scope_reason": "Het hele ministerie."}), council)
    draft(council, item, effective_on=today + datetime.timedelta(days=30), lines=3)
    return live_server.url, council, item


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_framework_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, people, item = site
    sign_in(page, base, "tim")
    if language == "nl":
        _switch_language(page, "nl")
    code = people.world.initiative.code
    for path in (
        "/governance/frameworks/",
        "/governance/frameworks/new",
        f"/governance/frameworks/{item.code}/",
        f"/governance/frameworks/{item.code}/draft",
        f"/governance/frameworks/{item.code}/versions/2/propose",
        "/governance/compliance/",
        f"/governance/compliance/?unit={people.world.department.pk}",
        f"/governance/initiatives/{code}/compliance",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_asking_for_an_exemption_in_the_browser(page: Any, site: Any) -> None:
    base, people, item = site
    initiative = people.world.initiative
    sign_in(page, base, "alice")
    page.goto(f"{base}/governance/initiatives/{initiative.code}/compliance")
    page.get_by_label("The initiative asks for an exemption").check()
    page.get_by_role("button", name="Record the statement").click()
    assert page.get_by_text("Explain how the initiative complies, or why it asks for an exemption.").is_visible()
    assert_accessible(page)
    page.get_by_label("The initiative asks for an exemption").check()
    page.get_by_label("Explanation").fill("Het huidige contract loopt nog een half jaar.")
    until = datetime.date.today() + datetime.timedelta(days=120)
    page.get_by_label("Exemption until").fill(until.isoformat())
    page.get_by_role("button", name="Record the statement").click()
    page.wait_for_url(f"{base}/governance/initiatives/{initiative.code}/compliance")
    statement = initiative.compliance_statements.get()
    assert statement.state == ComplianceState.EXEMPTION_REQUESTED
    assert page.get_by_text(statement.proposals.get().reference).is_visible()
    assert_accessible(page)
