"""The portfolio calendar: quarters from a known baseline, filters, scope and on hold."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.portfolio import overview
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.services.baselines import record_baseline
from roer.portfolio.tests.factories import InitiativeFactory

D = datetime.date
URL = reverse("portfolio:roadmap")
LIMIT = 15


def _baseline(world, initiative, start, end, on=None):
    values = {"recorded_on": on or D(2025, 1, 1), "start_date": start, "end_date": end}
    if initiative.baselines.exists():
        values |= {
            "reason": "Vertraging",
            "decision_reference": "Besluit 1",
            "cost_change_explanation": "Geen",
            "end_date_change_explanation": "Later",
        }
    return record_baseline(world.alice, initiative, values, {"external_staff": Decimal("1000")})


def _row(initiative, first=2025, last=2027):
    annotated = overview.with_dates(Initiative.objects.filter(pk=initiative.pk)).get()
    return [cell.state for cell in overview.cells(annotated, overview.quarters(first, last))]


def test_quarters_follow_the_initial_start_and_the_latest_end(world):
    initiative = world.initiative
    initiative.phase = Phase.EXECUTION
    initiative.save()
    _baseline(world, initiative, D(2025, 5, 10), D(2025, 12, 31))
    _baseline(world, initiative, D(2025, 5, 10), D(2026, 4, 1), on=D(2025, 6, 1))
    row = _row(initiative)
    # Q1 2025 empty, Q2 2025 to Q2 2026 running, after that empty.
    assert row == ["", "running", "running", "running", "running", "running", "", "", "", "", "", ""]


def test_own_start_date_wins_and_on_hold_is_never_running(world):
    initiative = world.initiative
    initiative.phase = Phase.ON_HOLD
    initiative.start_date = D(2025, 10, 1)
    initiative.save()
    _baseline(world, initiative, D(2025, 1, 1), D(2025, 12, 31))
    assert _row(initiative, 2025, 2025) == ["", "", "", "on_hold"]


def test_quarter_boundaries():
    quarter = overview.Quarter(2025, 1)
    assert (quarter.first_day, quarter.last_day) == (D(2025, 1, 1), D(2025, 3, 31))
    assert overview.Quarter(2025, 4).last_day == D(2025, 12, 31)
    assert overview.Quarter(2024, 1).last_day == D(2024, 3, 31)


def test_page_shows_units_symbols_and_filters(client, world):
    initiative = world.initiative
    initiative.phase = Phase.ON_HOLD
    initiative.save()
    _baseline(world, initiative, D(2025, 1, 1), D(2026, 12, 31))
    client.force_login(world.alice)
    page = client.get(URL, {"first_year": 2025, "last_year": 2026}).content.decode()
    assert initiative.code in page
    assert initiative.org_unit.name in page
    assert "Q4 2026" in page and "Q1 2027" not in page
    assert "‖" in page and "■</span>" not in page.split("<tbody")[1]
    assert initiative.code not in client.get(URL, {"first_year": 2027, "last_year": 2028}).content.decode()
    assert initiative.code not in client.get(URL, {"phase": Phase.IDEA, "first_year": 2025}).content.decode()
    assert initiative.code in client.get(URL, {"phase": Phase.ON_HOLD, "first_year": 2025}).content.decode()
    assert initiative.code in client.get(URL, {"unit": world.department.pk, "first_year": 2025}).content.decode()


def test_initiatives_without_dates_are_listed_as_unknown(client, world):
    client.force_login(world.alice)
    page = client.get(URL).content.decode()
    assert world.initiative.code in page
    assert "dates unknown" in page


def test_scope(client, world):
    client.force_login(world.charlie)
    response = client.get(URL)
    assert response.status_code == 200
    assert world.initiative.code not in response.content.decode()
    client.logout()
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("more", [0, 30])
def test_query_count_does_not_grow(client, world, more):
    for n in range(more):
        grown = InitiativeFactory(code=f"MINBZ-7{n:03d}", org_unit=world.directorate, phase=Phase.EXECUTION)
        _baseline(world, grown, D(2025, 1, 1), D(2026, 6, 30))
    client.force_login(world.alice)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"first_year": 2025}).status_code == 200
    assert len(queries) <= LIMIT
