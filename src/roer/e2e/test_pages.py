"""Walk through Roer as people would, in English and in Dutch, with an axe-core check on every page."""

from __future__ import annotations

from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, world: Any) -> Any:
    return live_server.url, world


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "nl"])
def test_pages_of_a_cio_are_accessible(page: Any, site: Any, language: str) -> None:
    base, world = site
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        _switch_language(page, "nl")
    assert_accessible(page)
    sign_in(page, base, "alice")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)

    code = world.initiative.code
    for path in (
        "/initiatives/",
        "/initiatives/?phase=idea&sort=-name",
        f"/initiatives/{code}/",
        f"/initiatives/{code}/edit",
        f"/initiatives/{code}/history",
        "/initiatives/new",
        "/org-units/",
        f"/org-units/{world.department.pk}/",
        "/people/",
        f"/people/{world.alice.pk}/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert_accessible(page)


def test_an_edit_in_the_browser_is_saved_and_a_stale_one_refused(page: Any, browser: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/initiatives/{world.initiative.code}/edit")
    # A second tab saves a change first.
    other = page.context.new_page()
    other.goto(f"{base}/initiatives/{world.initiative.code}/edit")
    other.get_by_label("Name").fill("Regie op gegevens 2.0")
    other.get_by_role("button", name="Save changes").click()
    other.wait_for_url(f"{base}/initiatives/{world.initiative.code}/")
    other.close()

    page.get_by_label("Name").fill("Mijn eigen naam")
    page.get_by_role("button", name="Save changes").click()
    alert = page.get_by_role("alert").first
    assert "someone else changed this initiative" in alert.inner_text()
    assert page.get_by_role("cell", name="Regie op gegevens 2.0").is_visible()
    assert_accessible(page)


def test_filters_refresh_the_list_with_htmx(page: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/initiatives/")
    page.get_by_label("Search").fill("geen-treffer")
    page.get_by_text("No initiatives match these filters.").wait_for()
    # htmx replaced only the results and recorded the filter in the address bar (pushState, no reload).
    assert "q=geen-treffer" in page.url
    assert page.get_by_label("Search").input_value() == "geen-treffer"
    assert_accessible(page)


def test_auditor_pages_are_accessible(page: Any, site: Any) -> None:
    base, world = site
    sign_in(page, base, "audrey")
    for path in ("/audit/", f"/org-units/{world.ministry.pk}/history", f"/people/{world.alice.pk}/history"):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert_accessible(page)
    _switch_language(page, "nl")
    assert_accessible(page)


def test_keyboard_user_can_skip_to_content(page: Any, site: Any) -> None:
    base, _ = site
    sign_in(page, base, "alice")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
