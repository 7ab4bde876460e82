"""The goal, orphan and network pages (and the other strategy pages) use a fixed number of queries.

Measured on a portfolio of dozens of initiatives with contributions and cost lines and
KPIs with measurements; then the portfolio grows and the count must stay the same.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.portfolio.models import Phase
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.models import Contribution
from roer.strategy.tests import page_data

LIMIT = 15


@pytest.fixture
def portfolio(world):
    return page_data.build_many(world, initiatives=40, kpis=8, measurements=12)


def _pages(net, world):
    unit = f"?unit={world.department.pk}"
    return {
        "goal list": reverse("strategy:goal-list"),
        "goal list for a unit": reverse("strategy:goal-list") + unit,
        "goal page": reverse("strategy:goal-detail", args=[net.strategic.pk]),
        "orphans": reverse("strategy:orphans"),
        "orphans for a unit": reverse("strategy:orphans") + unit,
        "network": reverse("strategy:network"),
        "network for a unit": reverse("strategy:network") + unit,
        "effects": reverse("strategy:effects"),
        "KPI list": reverse("strategy:kpi-list"),
        "KPI page": reverse("strategy:kpi-detail", args=[net.shared.pk]),
        "goal history": reverse("strategy:goal-history", args=[net.strategic.pk]),
    }


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def _grow(world, net, more):
    for n in range(more):
        initiative = InitiativeFactory(code=f"MINBZ-5{n:03d}", org_unit=world.directorate, phase=Phase.EXECUTION)
        page_data.money(initiative, "1000", "500")
        Contribution.objects.create(initiative=initiative, goal=net.objective)
        Contribution.objects.create(initiative=initiative, goal=net.strategic, kpi=net.shared)
        closed = InitiativeFactory(code=f"MINBZ-6{n:03d}", org_unit=world.directorate, phase=Phase.CLOSED)
        Contribution.objects.create(initiative=closed, goal=net.strategic, kpi=net.shared, expected_change=1)
    page_data.measure(net.satisfaction, *((f"2025-{m:02d}-01", "7") for m in range(1, 13)))


@pytest.mark.parametrize("person", ["alice", "frank"])
def test_pages_stay_within_the_query_budget_as_the_portfolio_grows(client, world, portfolio, person):
    client.force_login(getattr(world, person))
    pages = _pages(portfolio, world)
    before = {name: _count(client, url) for name, url in pages.items()}
    _grow(world, portfolio, 25)
    after = {name: _count(client, url) for name, url in pages.items()}
    assert after == before, "the number of queries grows with the data"
    over = {name: count for name, count in after.items() if count > LIMIT}
    assert not over, f"more than {LIMIT} queries: {over}"


def test_goal_page_within_budget(client, world, portfolio, django_assert_max_num_queries):
    client.force_login(world.alice)
    with django_assert_max_num_queries(LIMIT):
        client.get(reverse("strategy:goal-detail", args=[portfolio.ambition.pk]))
