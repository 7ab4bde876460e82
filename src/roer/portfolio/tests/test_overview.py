"""The initiative overview: size classes, warning counts and the new filters, within 15 queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.portfolio.models import CostLine, EarlyWarning, Initiative, Phase
from roer.portfolio.overview import with_size_and_warnings
from roer.portfolio.tests.factories import InitiativeFactory

URL = reverse("portfolio:initiative-list")
LIMIT = 15


def _cost(initiative, amount, kind="plan", year=2026):
    CostLine.objects.create(initiative=initiative, year=year, category="software", kind=kind, amount=Decimal(amount))


def _size(initiative):
    row: Any = with_size_and_warnings(Initiative.objects.filter(pk=initiative.pk)).get()
    return row.size_class


@pytest.mark.parametrize(
    ("amount", "size"),
    [
        ("0", "s"),
        ("999999.99", "s"),
        ("1000000", "m"),
        ("4999999.99", "m"),
        ("5000000", "l"),
        ("24999999.99", "l"),
        ("25000000", "xl"),
    ],
)
def test_size_class_boundaries(world, amount, size):
    _cost(world.initiative, amount)
    assert _size(world.initiative) == size


def test_forecast_wins_over_plan_and_lines_add_up(world):
    _cost(world.initiative, "600000", year=2026)
    _cost(world.initiative, "600000", year=2027)
    assert _size(world.initiative) == "m"
    _cost(world.initiative, "30000000", kind="forecast")
    assert _size(world.initiative) == "xl"


def test_without_costs_the_class_is_the_smallest(world):
    assert _size(world.initiative) == "s"


def _codes(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return {item.code for item in response.context["page"]}


def test_filters(client, world):
    big = InitiativeFactory(code="MINBZ-0100", org_unit=world.directorate, phase=Phase.ON_HOLD)
    _cost(big, "25000000")
    EarlyWarning.objects.create(
        initiative=big, rule="cost_variance", severity="red", params={}, first_seen=datetime.date(2025, 1, 1)
    )
    client.force_login(world.alice)
    both = {world.initiative.code, big.code}
    assert both <= _codes(client)
    assert _codes(client, size="xl") == {big.code}
    assert world.initiative.code in _codes(client, size="s") and big.code not in _codes(client, size="s")
    assert _codes(client, size="m") == _codes(client, size="l") == set()
    assert _codes(client, warnings="any") == {big.code}
    assert big.code not in _codes(client, warnings="none") and world.initiative.code in _codes(client, warnings="none")
    assert _codes(client, rule="cost_variance") == {big.code}
    assert _codes(client, rule="schedule_variance") == set()
    assert _codes(client, severity="red") == {big.code}
    assert _codes(client, severity="amber") == set()
    for colour in ("green", "amber", "red"):
        assert _codes(client, rating=colour) == set()  # no status reports yet
    page = client.get(URL).content.decode()
    assert "€25M or more" in page and "Size class" in page


def test_scope(client, world):
    client.force_login(world.charlie)
    assert _codes(client, size="s") == set()
    client.logout()
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("more", [0, 30])
def test_query_count_does_not_grow(client, world, more):
    for n in range(more):
        grown = InitiativeFactory(code=f"MINBZ-8{n:03d}", org_unit=world.directorate, phase=Phase.EXECUTION)
        _cost(grown, "2000000")
        _cost(grown, "3000000", kind="forecast")
        EarlyWarning.objects.create(
            initiative=grown, rule="cost_variance", severity="amber", params={}, first_seen=datetime.date(2025, 1, 1)
        )
    client.force_login(world.alice)
    for params in ({}, {"size": "m", "warnings": "any", "rating": "red", "severity": "amber", "rule": "cost_variance"}):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        assert len(queries) <= LIMIT
