"""The portfolio calendar passes axe in English and in Dutch."""

from __future__ import annotations

from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["en", "nl"])
def test_roadmap_is_accessible(page: Any, transactional_db: None, live_server: Any, world: Any, language: str) -> None:
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_load_state()
    sign_in(page, base, "alice")
    for path in (
        "/initiatives/roadmap",
        "/initiatives/roadmap?first_year=2025&last_year=2027&phase=idea",
        "/initiatives/?size=s&warnings=none&rating=red",
        "/initiatives/?computed=none&independent=none&gap=not_rosier&sort=-severity",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("table caption").count() == 1
        assert_accessible(page)
