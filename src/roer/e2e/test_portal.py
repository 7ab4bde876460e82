"""The public portal and the publication pages in the browser, in English and Dutch, checked with axe-core."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.portfolio.models import Baseline, BaselineCost, CostLine, Milestone
from roer.publication import services

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, world: Any) -> Any:
    initiative = world.initiative
    initiative.public = True
    initiative.save()
    start = datetime.date(2024, 1, 1)
    for number, (end, reason, total) in enumerate(
        [(datetime.date(2026, 12, 31), "", "900000"), (datetime.date(2027, 9, 30), "Extra koppelingen", "1200000")]
    ):
        baseline = Baseline.objects.create(
            initiative=initiative, number=number, kind="rebaseline" if number else "initial", recorded_on=start,
            start_date=start, end_date=end, reason=reason, recorded_by=world.alice,
        )  # fmt: skip
        BaselineCost.objects.create(baseline=baseline, category="internal_staff", amount=Decimal(total))
    CostLine.objects.create(initiative=initiative, year=2025, category="internal_staff", kind="actual", amount=400000)
    Milestone.objects.create(initiative=initiative, description="Pilot", expected_on=start, achieved=True)
    services.publish(world.alice, services.prepare_draft(world.alice, initiative))
    return live_server.url, world


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "nl"])
def test_portal_is_accessible_without_login(page: Any, site: Any, language: str) -> None:
    base, world = site
    page.goto(f"{base}/public/")
    if language == "nl":
        _switch_language(page, "nl")
    assert_accessible(page)
    page.get_by_role("link", name="Regie op gegevens").click()
    page.wait_for_load_state()
    assert "Extra koppelingen" in page.content()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_publication_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, world = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")
    for path in ("/publication/", f"/publication/{world.initiative.code}/"):
        page.goto(f"{base}{path}")
        assert_accessible(page)
