"""The goal, KPI and analysis pages for alice (may change), bob (may look), charlie (outsider) and anonymous."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from roer.strategy.tests import page_data


@pytest.fixture
def net(world):
    return page_data.build(world)


@pytest.fixture
def urls(net):
    return {
        "goal-list": reverse("strategy:goal-list"),
        "goal-detail": reverse("strategy:goal-detail", args=[net.strategic.pk]),
        "goal-history": reverse("strategy:goal-history", args=[net.strategic.pk]),
        "kpi-list": reverse("strategy:kpi-list"),
        "kpi-detail": reverse("strategy:kpi-detail", args=[net.shared.pk]),
        "kpi-history": reverse("strategy:kpi-history", args=[net.shared.pk]),
        "orphans": reverse("strategy:orphans"),
        "network": reverse("strategy:network"),
        "effects": reverse("strategy:effects"),
    }


def _body(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def _text(html):
    """The page's text without tags and with single spaces, for sentences that span elements."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_anonymous_is_sent_to_sign_in(client, urls):
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_read_only_pages_refuse_post(client, world, urls):
    client.force_login(world.alice)
    for url in urls.values():
        assert client.post(url).status_code == 405, url


@pytest.mark.parametrize("person", ["alice", "bob"])
def test_every_page_opens_for_people_in_scope(client, world, urls, person):
    client.force_login(getattr(world, person))
    for url in urls.values():
        _body(client, url)


def test_outsider_gets_404_for_objects_and_empty_lists(client, world, net, urls):
    client.force_login(world.charlie)
    for name in ("goal-detail", "goal-history", "kpi-detail", "kpi-history"):
        assert client.get(urls[name]).status_code == 404, name
    assert client.get(reverse("strategy:goal-detail", args=[net.objective.pk])).status_code == 404
    for name in ("goal-list", "kpi-list", "orphans", "network", "effects"):
        body = _body(client, urls[name])
        for marker in ("Dienstverlening die werkt", "Digitaal afgehandelde", "MINBZ-0", "Klanttevredenheid"):
            assert marker not in body, (name, marker)
    # Asking for the ministry's unit is not a way in.
    body = _body(client, urls["goal-list"], unit=world.ministry.pk)
    assert "Dienstverlening die werkt" not in body


def test_goal_tree_with_levels_money_and_kpi_status(client, world, net, urls):
    client.force_login(world.bob)
    body = _body(client, urls["goal-list"])
    text = _text(body)
    # Organisation-wide goals and the department's own; not the other department's.
    for title in ("Dienstverlening die werkt", "Digitaal eerst", "Inloggen zonder gedoe", "Minder papier"):
        assert title in body
    assert "Betaalbaar wonen" not in body
    # The objective receives two thirds of 900,000; the strategic goal adds its own third and the closed
    # initiative's 200,000; the ambition rolls up everything below it.
    assert "Inloggen zonder gedoe Objective DG Digitale Overheid — 1 no data € 600,000 € 200,000" in text
    assert "Digitaal eerst Strategic goal Ministerie van Binnenzaken — 1 on track € 1,100,000 € 480,000" in text
    assert "Dienstverlening die werkt Ambition Ministerie van Binnenzaken — no KPIs € 1,100,000 € 480,000" in text
    # Depth-first: the tree reads top-down.
    assert body.index("Dienstverlening die werkt") < body.index("Digitaal eerst") < body.index("Inloggen zonder")


def test_goal_tree_filtered_by_unit(client, world, net, urls):
    client.force_login(world.alice)
    text = _text(_body(client, urls["goal-list"], unit=world.directorate.pk))
    # The goals above the directorate stay; the money is the directorate's own initiatives'.
    assert "Digitaal eerst" in text and "Minder papier" in text
    assert "Inloggen zonder gedoe Objective DG Digitale Overheid — 1 no data € 600,000 € 200,000" in text
    assert "Digitaal eerst Strategic goal Ministerie van Binnenzaken — 1 on track € 1,100,000 € 480,000" in text
    text = _text(_body(client, urls["goal-list"], unit=world.department.pk))
    assert "€ 1,100,000" in text


def test_goal_list_answers_htmx_with_the_results_only(client, world, urls):
    client.force_login(world.alice)
    response = client.get(urls["goal-list"], {"unit": world.department.pk}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "Digitaal eerst" in body


def test_goal_page(client, world, net, urls):
    client.force_login(world.bob)
    body = _body(client, urls["goal-detail"])
    text = _text(body)
    assert 'aria-current="page">Digitaal eerst</span>' in body
    assert reverse("strategy:goal-detail", args=[net.ambition.pk]) in body  # ancestor in the breadcrumbs
    assert "Inloggen zonder gedoe" in body  # the goal below
    # The KPI: status in words, its reason, a chart with an accessible summary, data and a table alternative.
    assert "On track" in text and "At the current trend the value reaches" in text
    assert 'role="img" aria-label="Trend of Digitaal afgehandelde aanvragen: 4 measurements' in body
    data = json.loads(re.search(r'id="kpi-\d+-trend-data"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert data["points"][0] == ["2024-06-30", "45.0000"] and data["target"] == ["2030-12-31", "80.0000"]
    assert "Table of the chart: Digitaal afgehandelde aanvragen" in text
    # Contributions with weight, confidence, expected effect and their share of the money.
    assert "MINBZ-0001" in body and "MINBZ-0400" in body and "Inloggen zonder gedoe" in body
    assert "+5% on Digitaal afgehandelde aanvragen by 31 December 2027" in text
    assert "2 (67%) € 600,000 € 200,000" in text
    assert "1 (33%) € 300,000 € 100,000" in text
    assert "Total for this goal € 1,100,000 € 480,000" in text
    assert "vendor/echarts/echarts.min" in body and "roer/js/charts" in body


def test_goal_page_without_kpis_or_contributions(client, world, net):
    client.force_login(world.alice)
    text = _text(_body(client, reverse("strategy:goal-detail", args=[net.ambition.pk])))
    assert "No KPI measures this goal yet." in text
    assert "— (an ambition: the top of the tree)" in text
    assert "Planned € 1,100,000" in text


def test_kpi_list_and_page(client, world, net, urls):
    client.force_login(world.bob)
    text = _text(_body(client, urls["kpi-list"]))
    assert "Digitaal afgehandelde aanvragen" in text and "Klanttevredenheid" in text
    assert "On track" in text and "No data" in text
    body = _body(client, urls["kpi-detail"])
    text = _text(body)
    for expected in (
        "Higher is better",
        "Quarterly",
        "CBS",
        "Digitaal eerst",
        "Minder papier",
        "4 measurements, newest first",
        "2025-12-31 63%",
        "MINBZ-0001",
    ):
        assert expected in text, expected
    assert 'data-chart="trend"' in body


def test_kpi_measurements_are_paginated(client, world, net, settings):
    settings.ROER_PAGE_SIZE = 3
    client.force_login(world.alice)
    url = reverse("strategy:kpi-detail", args=[net.shared.pk])
    first = client.get(url).context["measurements"]
    assert [m.measured_on.isoformat() for m in first] == ["2025-12-31", "2025-06-30", "2025-01-01"]
    assert [m.measured_on.isoformat() for m in client.get(url, {"page": 2}).context["measurements"]] == ["2024-06-30"]


def test_orphans(client, world, net, urls):
    client.force_login(world.alice)
    text = _text(_body(client, urls["orphans"]))
    assert "MINBZ-0300 Printerpark vervangen" in text and "Yes: Archiefwet art. 3" in text and "€ 50,000" in text
    assert "MINBZ-0001" not in text  # it contributes
    assert "Minder papier" in text  # no initiative serves it
    assert "Klanttevredenheid" in text  # no contribution names it; and never measured
    assert "(baseline date)" in text
    # The directorate has no orphan initiative.
    text = _text(_body(client, urls["orphans"], unit=world.directorate.pk))
    assert "MINBZ-0300" not in text and "Every running initiative contributes to a goal." in text


def test_orphan_lists_page_separately(client, world, net, urls, settings):
    settings.ROER_PAGE_SIZE = 1
    client.force_login(world.alice)
    page_data.kpi(world.department, "Wachttijd", net.objective)
    response = client.get(urls["orphans"], {"kpis": 2})
    assert response.context["kpis"].number == 2 and response.context["goals"].number == 1
    assert "kpis=1" in response.content.decode()  # the previous link keeps its own parameter


def test_network(client, world, net, urls, monkeypatch):
    client.force_login(world.alice)
    body = _body(client, urls["network"])
    data = json.loads(re.search(r'id="network-data"[^>]*>(.*?)</script>', body, re.S).group(1))
    ids = {node["id"] for node in data["nodes"]}
    assert f"g{net.strategic.pk}" in ids and f"k{net.shared.pk}" in ids and f"i{world.initiative.pk}" in ids
    assert f"g{net.elsewhere.pk}" not in ids
    assert {"source": f"i{world.initiative.pk}", "target": f"g{net.objective.pk}"} in data["links"]
    assert data["layout"] == "force"
    text = _text(body)
    assert "The network as a list" in text and "Served by: MINBZ-0001" in text
    assert "Initiatives that serve none of these goals MINBZ-0300" in text
    body = _body(client, urls["network"], layout="circular", unit=world.directorate.pk)
    assert '"layout": "circular"' in body and "MINBZ-0300" not in body

    monkeypatch.setattr("roer.strategy.views.overviews.NETWORK_LIMIT", 1)
    assert "shows the first 1 initiatives only" in _text(_body(client, urls["network"]))


def test_realised_effects(client, world, net, urls):
    client.force_login(world.bob)
    body = _body(client, urls["effects"])
    text = _text(body)
    # Expected +10 from mid 2024; measured 45 then and 63 at the end of 2025: +18, 180 % of expected.
    assert "MINBZ-0400 Digitale brievenbus Digitaal afgehandelde aanvragen +10%" in text
    assert "45% 2024-06-30 63% 2025-12-31 +18% 180%" in text
    assert 'data-chart="bars"' in body and "MINBZ-0400 · Digitaal afgehandelde aanvragen: 180.0 %" in body


def test_histories(client, world, net, urls):
    client.force_login(world.bob)
    for name in ("goal-history", "kpi-history"):
        text = _text(_body(client, urls[name]))
        assert "Changes, newest first" in text and "Created" in text, name


def test_main_navigation_has_goals(client, world, urls):
    client.force_login(world.bob)
    body = _body(client, urls["kpi-list"])
    assert 'aria-current="page" href="/goals/">Goals</a>' in body
    assert 'href="/goals/orphans"' in body and 'href="/goals/effects"' in body


def test_goal_page_shows_contributions_a_page_at_a_time(client, world, net, settings):
    settings.ROER_PAGE_SIZE = 1
    client.force_login(world.alice)
    url = reverse("strategy:goal-detail", args=[net.strategic.pk])
    page = client.get(url).context["contributions"]
    assert page.paginator.count == 3 and len(page.object_list) == 1
    body = _body(client, url, contributions=2)
    assert "contributions=1" in body and "contributions=3" in body
    assert "Total for this goal € 1,100,000 € 480,000" in _text(body)  # the total covers every page
