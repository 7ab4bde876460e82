"""A scenario's links in the browser: a dependency added on the scenario page, a refused one at its field."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e

SHOTS = os.environ.get("ROER_SCREENSHOTS")  # a directory: save a screenshot of every page, to look at


def _setup(world: Any) -> Any:
    from roer.planning.models import GroupKind
    from roer.planning.services.links import add_dependency, add_group
    from roer.planning.tests.scenario_setup import portfolio, scenario

    items = portfolio(world)
    base = scenario(world)
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]], name="Loket of regie")
    add_dependency(world.alice, base, items["undated"], items["b"])  # not a candidate: listed as not passed on
    return base, items


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_adding_a_dependency_in_the_browser(
    page: Any, transactional_db: None, live_server: Any, world: Any, language: str
) -> None:
    from roer.planning.models import ScenarioLink

    scenario, items = _setup(world)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_load_state()
    sign_in(page, base, "alice")
    page.goto(f"{base}/planning/scenarios/{scenario.pk}/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    _shot(page, f"{language}-scenario-links")

    page.locator("#id_dependency-before").select_option(str(items["c"].pk))
    page.locator("#id_dependency-after").select_option(str(items["a"].pk))
    page.locator("form[action$='/dependencies/new'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/planning/scenarios/{scenario.pk}/#links")
    dependencies = page.locator("#links ~ .roer-table-wrap table").first
    row = dependencies.locator("tbody tr", has_text="MINBZ-0004 Basisregistratie")
    assert row.count() == 1 and "MINBZ-0001 Regie op gegevens" in row.inner_text()
    assert ScenarioLink.objects.filter(scenario=scenario, before=items["c"], after=items["a"]).exists()
    assert_accessible(page)

    # The reverse would close a cycle: refused, with the message at the field.
    page.locator("#id_dependency-before").select_option(str(items["a"].pk))
    page.locator("#id_dependency-after").select_option(str(items["c"].pk))
    page.locator("form[action$='/dependencies/new'] button[type=submit]").click()
    page.wait_for_load_state()
    error = page.locator("#id_dependency-before_error")
    assert "MINBZ-0001 → MINBZ-0004 → MINBZ-0001" in error.inner_text()
    assert page.locator("#id_dependency-before").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    _shot(page, f"{language}-dependency-refused")
