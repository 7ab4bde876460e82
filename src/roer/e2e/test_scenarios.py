"""Scenario pages pass axe in English and in Dutch; the run page refreshes itself until the plan is there."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("ROER_SCREENSHOTS")  # a directory: save a screenshot of every page, to look at


def _setup(world: Any) -> dict[str, Any]:
    from roer.planning.services import worker
    from roer.planning.services.runs import queue_run
    from roer.planning.services.scenarios import create_variant
    from roer.planning.tests.scenario_setup import portfolio, scenario

    portfolio(world)
    base = scenario(world)
    variant = create_variant(world.alice, base, "Plan 2027 — min 10 %", budget_factor=Decimal("0.9"))
    first = queue_run(world.alice, base, time_limit=5)
    second = queue_run(world.alice, variant, time_limit=5)
    worker.iteration(worker.WorkerState())
    worker.iteration(worker.WorkerState())
    queued = queue_run(world.alice, base, time_limit=5)
    return {"base": base, "variant": variant, "first": first, "second": second, "queued": queued}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_scenario_pages_are_accessible(
    page: Any, transactional_db: None, live_server: Any, world: Any, language: str
) -> None:
    made = _setup(world)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_load_state()
    sign_in(page, base, "alice")
    scenario, first, second = made["base"], made["first"], made["second"]
    for path in (
        "/planning/scenarios/",
        "/planning/scenarios/new",
        f"/planning/scenarios/{scenario.pk}/",
        f"/planning/scenarios/{scenario.pk}/edit",
        f"/planning/scenarios/{scenario.pk}/what-if",
        f"/planning/scenarios/{scenario.pk}/teams/new",
        f"/planning/scenarios/runs/{first.pk}/",
        f"/planning/scenarios/runs/{made['queued'].pk}/",
        f"/planning/scenarios/runs/{first.pk}/propose",
        "/planning/scenarios/compare",
        f"/planning/scenarios/compare?run={first.pk}&run={second.pk}",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
        if SHOTS:
            name = path.strip("/").replace("/", "_").replace("?", "_").replace("&", "_") or "index"
            page.screenshot(path=str(Path(SHOTS) / f"{language}-{name}.png"), full_page=True)


def test_the_run_page_shows_the_plan_once_the_worker_is_done(
    page: Any, transactional_db: None, live_server: Any, world: Any
) -> None:
    from roer.planning.services import worker
    from roer.planning.services.runs import queue_run
    from roer.planning.tests.scenario_setup import portfolio, scenario

    portfolio(world)
    run = queue_run(world.alice, scenario(world), time_limit=5)
    base = live_server.url
    sign_in(page, base, "alice")
    page.goto(f"{base}/planning/scenarios/runs/{run.pk}/")
    assert page.get_by_role("status").first.inner_text().startswith("Queued")
    worker.iteration(worker.WorkerState())
    # htmx polls the progress block and reloads the page when the run has finished.
    page.get_by_role("heading", name="Funded, by start").wait_for(timeout=15000)
    assert page.get_by_role("img", name="Efficient frontier: value against budget").is_visible()
    assert_accessible(page)


def test_a_long_horizon_scrolls_its_tables_not_the_page(
    page: Any, transactional_db: None, live_server: Any, world: Any
) -> None:
    """Sixteen quarters of team capacity are wider than the screen: the table scrolls in its own box."""
    from roer.planning.services.scenarios import create_scenario
    from roer.planning.tests.scenario_setup import portfolio

    portfolio(world)
    long = create_scenario(
        world.alice,
        {
            "name": "Plan 2027–2030",
            "org_unit": world.department,
            "start_year": 2027,
            "start_quarter": 1,
            "quarters": 16,
        },
        Decimal("600000"),
        Decimal("10"),
    )
    page.set_viewport_size({"width": 1024, "height": 800})
    sign_in(page, live_server.url, "alice")
    assert page.goto(f"{live_server.url}/planning/scenarios/{long.pk}/").status == 200
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"
    assert page.evaluate("document.querySelector('.roer-table-wrap').scrollWidth") > widths[1]
