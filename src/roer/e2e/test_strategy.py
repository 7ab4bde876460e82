"""The goal and KPI pages in the browser, in English and Dutch: axe-core finds nothing, charts draw."""

from __future__ import annotations

from typing import Any

import pytest

from roer.e2e.conftest import assert_accessible, sign_in
from roer.strategy.models import Measurement
from roer.strategy.tests import page_data

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(transactional_db: None, live_server: Any, world: Any) -> Any:
    return live_server.url, world, page_data.build(world)


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language


def _chart_drawn(page: Any, selector: str) -> None:
    """ECharts drew an SVG in the container, which keeps its role and accessible name."""
    container = page.locator(selector).first
    container.locator("svg").first.wait_for(state="attached")
    assert container.get_attribute("role") == "img"
    assert container.get_attribute("aria-label")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_strategy_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, world, net = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")

    contribution = net.objective.contributions.get()
    charts = {
        f"/goals/{net.strategic.pk}/": ".roer-chart--trend",
        f"/kpis/{net.shared.pk}/": ".roer-chart--trend",
        "/goals/network": ".roer-chart--network",
        "/goals/network?layout=circular": ".roer-chart--network",
        "/goals/effects": ".roer-chart--bars",
    }
    for path in (
        "/goals/",
        f"/goals/?unit={world.directorate.pk}",
        *charts,
        f"/goals/{net.objective.pk}/",
        f"/goals/{net.strategic.pk}/history",
        "/kpis/",
        f"/kpis/{net.satisfaction.pk}/",
        f"/kpis/{net.shared.pk}/history",
        "/goals/orphans",
        "/goals/new",
        f"/goals/new?parent={net.strategic.pk}",
        f"/goals/{net.objective.pk}/edit",
        "/kpis/new",
        f"/kpis/{net.satisfaction.pk}/edit",
        f"/kpis/{net.satisfaction.pk}/measurements/new",
        "/kpis/import",
        f"/initiatives/{world.initiative.code}/",
        f"/initiatives/{net.closed.code}/",
        f"/initiatives/{world.initiative.code}/contributions/new",
        f"/initiatives/{world.initiative.code}/contributions/{contribution.pk}/edit",
        f"/initiatives/{world.initiative.code}/contributions/{contribution.pk}/delete",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        if path in charts:
            _chart_drawn(page, charts[path])
        assert_accessible(page)

    # Every chart has its numbers in a table or list as well.
    page.goto(f"{base}/goals/{net.strategic.pk}/")
    page.locator("details.roer-details summary").first.click()
    assert page.locator("details.roer-details table").first.is_visible()
    assert_accessible(page)
    page.goto(f"{base}/goals/network")
    assert page.locator("#network-list-heading + details .roer-tree").first.is_visible()
    page.goto(f"{base}/goals/effects")
    assert page.get_by_role("cell", name="180%").is_visible()


def test_goal_tree_filter_refreshes_with_htmx_and_the_network_redraws(page: Any, site: Any) -> None:
    base, world, net = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/goals/network")
    _chart_drawn(page, ".roer-chart--network")
    page.get_by_label("Layout").select_option("circular")
    # The choice loads a whole page: the chart's data comes with it (htmx would not insert the data block).
    page.wait_for_function("location.search.includes('layout=circular')")
    _chart_drawn(page, ".roer-chart--network")
    assert page.locator(".roer-chart--network svg").count() == 1
    assert_accessible(page)

    page.goto(f"{base}/goals/")
    page.get_by_label("Org unit (and below)").select_option(str(world.directorate.pk))
    page.get_by_text("money of the initiatives of Directie Digitale Samenleving").wait_for()
    assert f"unit={world.directorate.pk}" in page.url  # htmx recorded the filter in the address bar
    assert_accessible(page)


def test_a_network_node_opens_its_page(page: Any, site: Any) -> None:
    base, world, net = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/goals/network?layout=circular")
    _chart_drawn(page, ".roer-chart--network")
    # The largest node of the picture is an ambition; click it through ECharts' own hit testing.
    page.locator(".roer-chart--network").scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # the nodes have moved into place
    box = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.querySelector('.roer-chart--network'));
            const series = chart.getModel().getSeriesByIndex(0);
            const data = series.getData();
            const index = data.indexOfName('Dienstverlening die werkt');
            const [x, y] = data.getItemLayout(index);
            const point = chart.convertToPixel({seriesIndex: 0}, [x, y]);
            const rect = document.querySelector('.roer-chart--network').getBoundingClientRect();
            return {x: rect.left + point[0], y: rect.top + point[1]};
        }"""
    )
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(f"{base}/goals/{net.ambition.pk}/")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_import_with_problems_lists_them_and_stores_nothing(
    page: Any, site: Any, language: str, tmp_path: Any
) -> None:
    base, world, net = site
    sign_in(page, base, "alice")
    if language == "nl":
        _switch_language(page, "nl")
    upload = tmp_path / "metingen.csv"
    upload.write_text(f"kpi,date,value\n{net.satisfaction.pk},2026-01-31,7.1\nOnbekend,2026-02-30,x\n")
    page.goto(f"{base}/kpis/import")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.locator("form.utrecht-form button[type=submit]").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").first
    assert ("nothing was stored" if language == "en" else "niets opgeslagen") in alert.inner_text().lower()
    assert page.locator("table tbody tr").count() >= 2
    assert not Measurement.objects.filter(kpi=net.satisfaction).exists()
    assert_accessible(page)
