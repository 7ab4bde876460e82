"""Cost sheet, cost roll-up and delivery lists in the browser, in English and Dutch, checked with axe-core."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.portfolio.models import CostLine, Milestone
from roer.portfolio.services.delivery import add_entry

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, world: Any) -> Any:
    initiative = world.initiative
    for year, category, kind, amount in (
        (2025, "internal_staff", "plan", "100000"),
        (2025, "hardware", "plan", "25000.50"),
        (2026, "internal_staff", "actual", "90000"),
        (2026, "software", "forecast", "30000"),
    ):
        CostLine.objects.create(initiative=initiative, year=year, category=category, kind=kind, amount=Decimal(amount))
    past = datetime.date.today() - datetime.timedelta(days=10)
    add_entry(world.alice, initiative, "milestones", {"description": "Pilot live", "expected_on": past})
    add_entry(world.alice, initiative, "quality-reviews", {"held_on": past, "party": "BIT", "kind": "gateway"})
    add_entry(world.alice, initiative, "societal-benefits", {"explanation": "Minder wachttijd", "yearly_amount": 5})
    add_entry(world.alice, initiative, "development-parties", {"party": "Logius", "role": "Bouwer"})
    add_entry(world.alice, initiative, "documents", {"title": "Kamerbrief", "link": "https://example.org/k"})
    return live_server.url, world


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "nl"])
def test_cost_and_delivery_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, world = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")
    code = world.initiative.code
    entry = Milestone.objects.get()
    for path in (
        f"/initiatives/{code}/",
        f"/initiatives/{code}/costs",
        f"/initiatives/{code}/costs/edit?kind=plan",
        f"/initiatives/{code}/costs/edit?kind=forecast",
        f"/initiatives/{code}/milestones/new",
        f"/initiatives/{code}/milestones/{entry.pk}/edit",
        f"/initiatives/{code}/milestones/{entry.pk}/delete",
        f"/initiatives/{code}/documents/new",
        f"/org-units/{world.department.pk}/",
        f"/org-units/{world.department.pk}/costs",
        f"/org-units/{world.department.pk}/costs?year=2025",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_a_cost_sheet_is_saved_and_its_errors_are_shown(page: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/initiatives/{world.initiative.code}/costs/edit?kind=plan")
    page.get_by_label("Amount (euro), row 1", exact=True).fill("-5")
    page.get_by_role("button", name="Save costs").click()
    page.get_by_text("Not saved: please correct these rows").wait_for()
    assert page.get_by_role("link", name="Row 1, Amount (euro)").is_visible()
    assert_accessible(page)
    page.get_by_label("Amount (euro), row 1", exact=True).fill("120000")
    page.get_by_label("Year, row 3", exact=True).fill("2027")
    page.get_by_label("Category, row 3", exact=True).select_option("other")
    page.get_by_label("Amount (euro), row 3", exact=True).fill("7500")
    page.get_by_role("button", name="Save costs").click()
    page.get_by_text("The plan costs of").wait_for()
    assert CostLine.objects.filter(initiative=world.initiative, kind="plan").count() == 3
    assert page.get_by_role("cell", name="227,500").first.is_visible()  # 120,000 + 100,000 + 7,500
    assert_accessible(page)


def test_a_viewer_sees_totals_only(page: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "bob")
    page.goto(f"{base}/initiatives/{world.initiative.code}/costs")
    assert page.get_by_text("visible only to the people who steer").is_visible()
    assert page.get_by_role("cell", name="Hardware").count() == 0
    assert_accessible(page)
