"""The portfolio calendar on the large demo stays within 15 queries (built at 1,500 initiatives)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.demo.builder import build_small
from roer.demo.large import add_large_portfolio
from roer.organisation.models import Person

LIMIT = 15
SIZE = 1_500


@pytest.fixture
def large_demo(db: None) -> None:
    build_small()
    add_large_portfolio(SIZE, progress=False)


def test_roadmap_stays_within_limit(client, large_demo):  # type: ignore[no-untyped-def]
    url = reverse("portfolio:roadmap")
    for username in ("thomas", "joost"):
        client.force_login(Person.objects.get(username=username))
        for query in ("", "?page=3", "?phase=execution&first_year=2024&last_year=2029"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url + query).status_code == 200, query
            assert len(queries) <= LIMIT, f"{username}, {query}: {len(queries)} queries"


def test_overview_stays_within_limit(client, large_demo):  # type: ignore[no-untyped-def]
    url = reverse("portfolio:initiative-list")
    for username in ("thomas", "joost"):
        client.force_login(Person.objects.get(username=username))
        for query in (
            "",
            "?page=3",
            "?size=m&warnings=any",
            "?rating=red&severity=red",
            "?size=xl&sort=-name",
            "?computed=red&gap=rosier&sort=-severity",
            "?computed=none&independent=amber&sort=size&page=2",
            "?computed=green&sort=-warnings",
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url + query).status_code == 200, query
            assert len(queries) <= LIMIT, f"{username}, {query}: {len(queries)} queries"
