"""Gate reviews, baselines, status reports and early warnings in the browser, in English and Dutch, with axe."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.portfolio.models import GateReview, Phase
from roer.portfolio.services.baselines import record_baseline
from roer.portfolio.services.reports import record_status_report
from roer.portfolio.services.warnings import refresh_warnings

pytestmark = pytest.mark.e2e

D = datetime.date


@pytest.fixture
def site(transactional_db: None, live_server: Any, world: Any) -> Any:
    initiative = world.initiative
    initiative.mandatory, initiative.legal_basis = True, "Wet digitale overheid"
    initiative.phase, initiative.team_size, initiative.start_date = Phase.INTAKE, 11, D(2024, 1, 1)
    initiative.save()
    record_baseline(
        world.alice,
        initiative,
        {"recorded_on": D(2025, 1, 1), "start_date": D(2025, 1, 1), "end_date": D(2026, 12, 31)},
        {"hardware": Decimal(1000)},
    )
    values = {
        "recorded_on": D(2025, 6, 1),
        "start_date": D(2025, 1, 1),
        "end_date": D(2027, 6, 30),
        "reason": "Meer koppelingen",
        "cost_change_explanation": "Extra servers",
        "end_date_change_explanation": "Leverancier later",
        "decision_reference": "SC-2025-12",
    }
    record_baseline(world.alice, initiative, values, {"hardware": Decimal(1400)})
    report = {
        "period_end": D(2025, 9, 30),
        "cost": "amber",
        "schedule": "amber",
        "scope": "green",
        "risk": "amber",
        "overall": "green",
        "narrative": "Vertraging bij de leverancier.",
        "variance_narrative": "Extra servers en een latere oplevering.",
    }
    record_status_report(world.alice, initiative, report)
    refresh_warnings(initiative)
    return live_server.url, world


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_health_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, world = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")
    code = world.initiative.code
    report = world.initiative.status_reports.get()
    for path in (
        f"/initiatives/{code}/",
        f"/initiatives/{code}/gates/",
        f"/initiatives/{code}/gates/new",
        f"/initiatives/{code}/baselines/",
        f"/initiatives/{code}/baselines/new",
        f"/initiatives/{code}/reports/",
        f"/initiatives/{code}/reports/new",
        f"/initiatives/{code}/reports/opinion",
        f"/initiatives/{code}/reports/rate?report={report.pk}&as=cio",
        "/initiatives/warnings",
        "/initiatives/warnings?severity=amber",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_policy_page_is_accessible(page: Any, site: Any, language: str) -> None:
    base, world = site
    sign_in(page, base, "frank")
    if language == "nl":
        _switch_language(page, "nl")
    response = page.goto(f"{base}/initiatives/policy/{world.ministry.code}")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


def test_approval_gate_in_the_browser_needs_a_waiver(page: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/initiatives/{world.initiative.code}/gates/new")
    page.get_by_label("Gate", exact=True).select_option("approval")
    page.get_by_label("Outcome").select_option("passed")
    for index, select in enumerate(page.locator("select[name$='_score']").all()):
        select.select_option("1" if index == 0 else "3")
    page.get_by_role("button", name="Record the review").click()
    alert = page.get_by_role("alert").filter(has_text="A clear change story")
    assert alert.count() >= 1
    assert_accessible(page)
    page.locator("textarea[name='change_story_waiver']").fill("Het veranderverhaal volgt bij de start; besluit SC-14.")
    page.get_by_role("button", name="Record the review").click()
    page.wait_for_url(f"{base}/initiatives/{world.initiative.code}/gates/")
    assert GateReview.objects.get().levers.get(lever="change_story").waiver_reason.startswith("Het")
    assert page.get_by_text("A clear change story").first.is_visible()
    assert_accessible(page)
