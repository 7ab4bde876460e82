"""Scoring pages pass axe in English and in Dutch, for someone who may change the weights."""

from __future__ import annotations

from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["en", "nl"])
def test_scoring_pages_are_accessible(
    page: Any,
    transactional_db: None,
    live_server: Any,
    world: Any,
    language: str,
) -> None:
    from roer.planning.tests.test_scoring_services import well_documented

    well_documented(world.initiative, world.alice)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    if language == "nl":
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_load_state()
    sign_in(page, base, "frank")
    for path in (
        "/planning/scoring/",
        f"/planning/scoring/?unit={world.directorate.pk}&sort=-strategic",
        "/planning/scoring/MINBZ-0001/",
        f"/planning/scoring/weights/{world.ministry.code}/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
    # An invalid save shows its errors accessibly too.
    page.locator("#id_weight_legal").fill("101")
    page.get_by_role("button", name="Save").or_(page.get_by_role("button", name="Opslaan")).click()
    page.wait_for_load_state()
    assert_accessible(page)
