"""The goal, orphan and network pages on the large demo stay within 15 queries.

Built with the same code as ``roer demo --size large``, at 1,500 generated initiatives
instead of 10,000 to keep the suite quick; the count must not depend on the size,
which ``test_queries.py`` checks by growing a portfolio.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.demo.builder import build_small
from roer.demo.large import add_large_portfolio
from roer.demo.large_network import add_large_network
from roer.organisation.models import Person
from roer.strategy.models import Goal

LIMIT = 15
SIZE = 1_500


@pytest.fixture
def large_demo(db: None) -> None:
    build_small()
    add_large_portfolio(SIZE, progress=False)
    add_large_network(SIZE, progress=False)


def test_goal_orphan_and_network_pages_stay_within_limit(client, large_demo):  # type: ignore[no-untyped-def]
    for username in ("thomas", "joost"):  # the ministry's portfolio manager and a department CIO
        person = Person.objects.get(username=username)
        client.force_login(person)
        ambition = Goal.objects.for_user(person).filter(level="ambition").order_by("pk").first()
        pages = {
            "goal list": reverse("strategy:goal-list"),
            "goal page": reverse("strategy:goal-detail", args=[ambition.pk]),
            "orphans": reverse("strategy:orphans"),
            "network": reverse("strategy:network"),
        }
        for name, url in pages.items():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, name
            assert len(queries) <= LIMIT, f"{username}, {name}: {len(queries)} queries"
