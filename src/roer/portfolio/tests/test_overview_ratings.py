"""The dual rating computed by the database agrees with the pure rules, and the overview filters on it."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.portfolio.health import rating
from roer.portfolio.models import Baseline, BaselineCost, CostLine, EarlyWarning, Initiative, Phase, StatusReport
from roer.portfolio.overview_ratings import (
    CIO_AMBER,
    CIO_GREEN,
    SUM_AMBER,
    SUM_GREEN,
    with_computed_ratings,
    with_independent_rating,
)
from roer.portfolio.services.baselines import figures
from roer.portfolio.services.reports import ratings, reports, rosier_by
from roer.portfolio.tests.factories import InitiativeFactory

D = datetime.date
URL = reverse("portfolio:initiative-list")
EXPORT = reverse("portfolio:initiative-export")
START, END = D(2025, 1, 1), D(2026, 12, 31)  # 729 days


def _baseline(initiative, number, end, cost, person):
    baseline = Baseline.objects.create(
        initiative=initiative,
        number=number,
        kind="initial" if number == 0 else "rebaseline",
        recorded_on=D(2025, 1, 1) + datetime.timedelta(days=number),
        start_date=START,
        end_date=end,
        reason="" if number == 0 else "Herijking",
        recorded_by=person,
    )
    if cost:
        BaselineCost.objects.create(baseline=baseline, category="software", amount=Decimal(cost))


def _report(initiative, person, period_end, overall="green", independent="", cio=None):
    return StatusReport.objects.create(
        initiative=initiative,
        period_end=period_end,
        cost="green",
        schedule="green",
        scope="green",
        risk="green",
        overall=overall,
        narrative="Op koers.",
        reported_by=person,
        independent_overall=independent,
        cio_rating=cio,
    )


def _computed(initiative) -> Any:
    return with_computed_ratings(Initiative.objects.filter(pk=initiative.pk)).get()


def _expected(initiative):
    return ratings(figures(initiative), reports(initiative))


def test_thresholds_follow_the_pure_rules():
    for cost, schedule, cio in itertools.product(range(1, 6), repeat=3):
        expected = rating.colour(rating.overall_rating(cost, schedule, cio)).value
        if cio < cost and cio < schedule:
            value, green, amber = cio, CIO_GREEN, CIO_AMBER
        else:
            value, green, amber = cost + schedule + cio, SUM_GREEN, SUM_AMBER
        found = "green" if value >= green else "amber" if value >= amber else "red"
        assert found == expected, (cost, schedule, cio)


CASES = [
    # (forecast total or None, latest end, CIO rating of the latest rated report)
    (None, END, 5),
    ("100000", END, 3),
    ("104999", END + datetime.timedelta(days=30), 4),
    ("105000", END + datetime.timedelta(days=36), 4),
    ("105001", END + datetime.timedelta(days=37), 2),
    ("90000", END - datetime.timedelta(days=60), 1),
    ("110000", END + datetime.timedelta(days=72), 5),
    ("119000", END + datetime.timedelta(days=146), 3),
    ("125000", END + datetime.timedelta(days=218), 2),
    ("131000", END + datetime.timedelta(days=219), 5),
    ("140000", END + datetime.timedelta(days=400), 1),
    ("200000", END, 5),
]


@pytest.mark.parametrize(("forecast", "latest_end", "cio"), CASES)
def test_database_rating_equals_the_page(world, forecast, latest_end, cio):
    initiative = world.initiative
    _baseline(initiative, 0, END, "100000", world.alice)
    _baseline(initiative, 1, latest_end, "95000", world.alice)
    if forecast:
        CostLine.objects.create(initiative=initiative, year=2026, category="software", kind="forecast", amount=forecast)
    _report(initiative, world.alice, D(2026, 3, 31), cio=cio)
    _report(initiative, world.alice, D(2026, 6, 30))  # newer, without a CIO rating: the older one counts
    expected, found = _expected(initiative), _computed(initiative)
    assert (found.computed_cost_rating, found.computed_schedule_rating, found.computed_cio_rating) == (
        expected.cost,
        expected.schedule,
        expected.cio,
    )
    assert found.computed_rating == expected.colour


def test_without_baseline_or_cio_rating_there_is_none(world):
    _report(world.initiative, world.alice, D(2026, 3, 31), cio=4)
    assert _computed(world.initiative).computed_rating is None
    other = world.other_initiative
    _baseline(other, 0, END, "100000", world.alice)
    assert _computed(other).computed_rating is None


def test_initial_cost_of_zero_gives_no_cost_variance(world):
    _baseline(world.initiative, 0, END, None, world.alice)
    CostLine.objects.create(
        initiative=world.initiative, year=2026, category="software", kind="plan", amount=Decimal(500)
    )
    _report(world.initiative, world.alice, D(2026, 3, 31), cio=5)
    assert _computed(world.initiative).computed_cost_rating == _expected(world.initiative).cost == 5


@pytest.mark.parametrize(
    ("own", "independent"), [("green", "red"), ("green", "amber"), ("amber", "amber"), ("red", "green"), ("green", "")]
)
def test_gap_equals_rosier_by(world, own, independent):
    report = _report(world.initiative, world.alice, D(2026, 3, 31), overall=own, independent=independent)
    row: Any = with_independent_rating(Initiative.objects.filter(pk=world.initiative.pk)).get()
    assert row.rating_gap == rosier_by(report)
    assert (row.independent_rating or "") == independent


@pytest.fixture
def rated(world):
    """Red by the rule (CIO rating 1), rated green by itself and red independently; the other unrated."""
    red = InitiativeFactory(code="MINBZ-0200", org_unit=world.directorate, phase=Phase.EXECUTION)
    _baseline(red, 0, END, "100000", world.alice)
    _report(red, world.alice, D(2026, 3, 31), overall="green", independent="red", cio=1)
    green = InitiativeFactory(code="MINBZ-0201", org_unit=world.directorate, phase=Phase.EXECUTION)
    _baseline(green, 0, END, "2000000", world.alice)
    _report(green, world.alice, D(2026, 3, 31), overall="amber", independent="amber", cio=5)
    EarlyWarning.objects.create(
        initiative=green, rule="cost_variance", severity="amber", params={}, first_seen=D(2025, 1, 1)
    )
    EarlyWarning.objects.create(initiative=red, rule="team_size", severity="info", params={}, first_seen=D(2025, 1, 1))
    EarlyWarning.objects.create(initiative=red, rule="increment", severity="info", params={}, first_seen=D(2025, 1, 1))
    return red, green


def _codes(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return [item.code for item in response.context["page"]]


def test_filters_on_the_computed_and_independent_rating(client, world, rated):
    red, green = rated
    client.force_login(world.alice)
    assert _codes(client, computed="red") == [red.code]
    assert _codes(client, computed="green") == [green.code]
    assert _codes(client, computed="amber") == []
    assert world.initiative.code in _codes(client, computed="none")
    assert _codes(client, rating="green") == [red.code]  # the own colour tells another story
    assert _codes(client, independent="red") == [red.code]
    assert _codes(client, independent="amber") == [green.code]
    assert world.initiative.code in _codes(client, independent="none")
    assert _codes(client, gap="rosier") == [red.code]
    assert red.code not in _codes(client, gap="not_rosier")
    page = client.get(URL).content.decode()
    assert "Computed overall rating" in page and "Own rating rosier than the independent one" in page
    row = page[page.index(red.code) :]
    row = row[: row.index("</tr>")]
    assert '<span class="roer-status roer-status--off_track">Red</span>' in row


def test_outsider_finds_nothing(client, world, rated):
    client.force_login(world.charlie)
    assert _codes(client, computed="red") == _codes(client, gap="rosier") == []
    response = client.get(EXPORT, {"computed": "red"})
    assert len(list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))) == 1


def test_sorting_by_size_and_warnings(client, world, rated):
    red, green = rated
    client.force_login(world.alice)
    codes = _codes(client, sort="-size")
    assert codes.index(green.code) < codes.index(red.code)
    assert _codes(client, sort="-warnings")[0] == red.code  # two warnings
    assert _codes(client, sort="-severity")[0] == green.code  # amber is worse than information
    assert _codes(client, sort="severity")[-1] == green.code
    page = client.get(URL, {"sort": "-severity"}).content.decode()
    assert "Worst warning" in page and 'aria-sort="descending"' in page


def test_export_carries_size_and_warnings_and_respects_filters(client, world, rated):
    red, green = rated
    client.force_login(world.alice)
    response = client.get(EXPORT, {"computed": "green", "sort": "-severity"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-5:] == [
        "Size class",
        "Current cost estimate (EUR)",
        "Early warnings",
        "Worst warning",
        "Computed overall rating",
    ]
    assert [row[0] for row in rows[1:]] == [green.code]
    assert rows[1][-5:] == ["€1 to 5 million", "2000000.00", "1", "Amber", "Green"]
    everything = list(csv.reader(io.StringIO(b"".join(client.get(EXPORT).streaming_content).decode())))
    by_code = {row[0]: row for row in everything[1:]}
    assert by_code[red.code][-3:] == ["2", "Information", "Red"]
    assert by_code[world.initiative.code][-3:] == ["0", "", ""]


def test_dutch_labels(client, world, rated):
    client.force_login(world.alice)
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Berekend totaaloordeel" in page


@pytest.mark.parametrize("more", [0, 25])
def test_query_count_with_rating_filters(client, world, rated, more):
    for n in range(more):
        grown = InitiativeFactory(code=f"MINBZ-7{n:03d}", org_unit=world.directorate, phase=Phase.EXECUTION)
        _baseline(grown, 0, END, "300000", world.alice)
        _report(grown, world.alice, D(2026, 3, 31), overall="green", independent="amber", cio=2)
    client.force_login(world.alice)
    for params in (
        {"computed": "red", "gap": "rosier", "sort": "-severity"},
        {"independent": "amber", "computed": "none", "sort": "size"},
        {"computed": "green", "size": "m", "warnings": "any", "sort": "-warnings"},
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        assert len(queries) <= 15
