"""scores_for: facts from the portfolio's data, each organisation's weights, a bounded number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roer.planning.models import ScoringConfiguration
from roer.planning.scoring import Criterion, ScoreBreakdown
from roer.planning.scoring.services import configuration_for, scores_for, update_configuration
from roer.portfolio.models import Baseline, BaselineCost, CostLine, Initiative, StatusReport
from roer.portfolio.services import StaleVersion
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.tests.factories import ContributionFactory, GoalFactory, KpiFactory

TODAY = datetime.date(2026, 6, 30)


def baseline(initiative: Initiative, person: Any, end: datetime.date, cost: str, number: int = 0) -> Baseline:
    record = Baseline.objects.create(
        initiative=initiative,
        number=number,
        kind="initial" if number == 0 else "rebaseline",
        recorded_on=datetime.date(2025, 1, 1),
        start_date=datetime.date(2025, 1, 1),
        end_date=end,
        recorded_by=person,
    )
    BaselineCost.objects.create(baseline=record, category="software", amount=Decimal(cost))
    return record


def report(initiative: Initiative, person: Any, period_end: datetime.date, overall: str, cio: int | None) -> None:
    StatusReport.objects.create(
        initiative=initiative,
        period_end=period_end,
        cost="green",
        schedule="green",
        scope="green",
        risk="green",
        overall=overall,
        narrative="Op koers.",
        reported_by=person,
        cio_rating=cio,
    )


def well_documented(initiative: Initiative, person: Any) -> None:
    """Mandatory, one high-confidence contribution through a KPI, CIO rating 4, ending a year from TODAY."""
    initiative.mandatory = True
    initiative.legal_basis = "Wet digitale overheid"
    initiative.save()
    goal = GoalFactory(org_unit=initiative.org_unit)
    ContributionFactory(
        initiative=initiative, goal=goal, kpi=KpiFactory(org_unit=initiative.org_unit), confidence="high"
    )
    baseline(initiative, person, TODAY + datetime.timedelta(days=365), "800000")
    report(initiative, person, datetime.date(2026, 3, 31), "red", None)
    report(initiative, person, datetime.date(2026, 6, 30), "amber", 4)


def test_scores_for_uses_the_portfolio_data(world: Any) -> None:
    well_documented(world.initiative, world.alice)
    scores = scores_for([world.initiative, world.other_initiative], today=TODAY)
    breakdown = scores[world.initiative.pk]
    assert isinstance(breakdown, ScoreBreakdown)
    assert breakdown.part(Criterion.STRATEGIC).raw == 4 and breakdown.part(Criterion.STRATEGIC).points == Decimal(
        "26.67"
    )
    assert breakdown.part(Criterion.LEGAL).points == Decimal("25.00")
    assert breakdown.part(Criterion.RISK).raw == 4 and breakdown.part(Criterion.RISK).source == "cio"
    assert breakdown.part(Criterion.URGENCY).raw == 365 and breakdown.part(Criterion.URGENCY).points == Decimal("10.00")
    assert breakdown.part(Criterion.COST).weight == 0  # off by default
    assert (
        breakdown.part(Criterion.COST).raw == Decimal("800000") and breakdown.part(Criterion.COST).source == "baseline"
    )
    assert breakdown.value == Decimal("76.67") == sum(part.points for part in breakdown.parts)
    # Nothing known: risk half, strategic/legal/urgency nothing.
    assert scores[world.other_initiative.pk].value == Decimal("10.00")


def test_cost_prefers_forecast_then_plan_then_baseline(world: Any) -> None:
    baseline(world.initiative, world.alice, TODAY, "500")
    CostLine.objects.create(initiative=world.initiative, year=2026, category="software", kind="plan", amount=300)
    part = scores_for([world.initiative], today=TODAY)[world.initiative.pk].part(Criterion.COST)
    assert (part.raw, part.source) == (Decimal("300"), "plan")
    CostLine.objects.create(initiative=world.initiative, year=2026, category="software", kind="forecast", amount=200)
    part = scores_for([world.initiative], today=TODAY)[world.initiative.pk].part(Criterion.COST)
    assert (part.raw, part.source) == (Decimal("200"), "forecast")


def test_the_latest_baseline_counts(world: Any) -> None:
    baseline(world.initiative, world.alice, TODAY, "500")
    baseline(world.initiative, world.alice, TODAY + datetime.timedelta(days=100), "700", number=1)
    breakdown = scores_for([world.initiative], today=TODAY)[world.initiative.pk]
    assert breakdown.part(Criterion.COST).raw == Decimal("700")
    assert breakdown.part(Criterion.URGENCY).raw == 100


def test_each_organisation_uses_its_own_weights(world: Any) -> None:
    ScoringConfiguration.objects.create(
        organisation=world.ministry, weight_strategic=0, weight_legal=0, weight_risk=1, weight_urgency=0
    )
    other = InitiativeFactory(org_unit=world.other_org)
    scores = scores_for(Initiative.objects.all(), today=TODAY)
    assert scores[world.initiative.pk].value == Decimal("50.00")  # risk only, no report: half
    assert scores[other.pk].value == Decimal("10.00")  # the defaults


@pytest.mark.parametrize("as_queryset", [True, False])
def test_query_count_does_not_grow_with_the_portfolio(world: Any, as_queryset: bool) -> None:
    for _ in range(30):
        initiative = InitiativeFactory(org_unit=world.directorate)
        well_documented(initiative, world.alice)
    given: Any = Initiative.objects.all() if as_queryset else list(Initiative.objects.all())
    with CaptureQueriesContext(connection) as queries:
        scores = scores_for(given, today=TODAY)
    assert len(scores) == 32
    assert len(queries) == 3


def test_a_list_of_more_than_2000_runs_in_chunks(world: Any) -> None:
    initiatives = Initiative.objects.bulk_create(
        Initiative(code=f"BULK-{n:04d}", name=f"Bulk {n}", org_unit=world.directorate) for n in range(2100)
    )
    with CaptureQueriesContext(connection) as queries:
        scores = scores_for(initiatives, today=TODAY)
    assert len(scores) == 2100
    assert len(queries) == 2 * 2 + 1
    # The same facts in the same organisation: one breakdown, shared.
    assert scores[initiatives[0].pk] is scores[initiatives[1].pk]


def test_the_defaults_until_a_configuration_is_saved(world: Any) -> None:
    configuration = configuration_for(world.directorate)
    assert configuration._state.adding and configuration.version == 0
    assert configuration.organisation_id == world.ministry.pk


def test_only_a_policy_maker_at_the_root_updates_the_configuration(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        update_configuration(world.alice, world.ministry, {"weight_legal": 1}, 0)
    with pytest.raises(PermissionDenied):  # not a root unit
        update_configuration(world.frank, world.department, {"weight_legal": 1}, 0)
    saved = update_configuration(world.frank, world.ministry, {"weight_legal": 1}, 0)
    assert (saved.weight_legal, saved.version) == (1, 1)
    with pytest.raises(StaleVersion):
        update_configuration(world.frank, world.ministry, {"weight_legal": 2}, 0)
    with pytest.raises(ValidationError):
        update_configuration(world.frank, world.ministry, {"enabled_criteria": "not a list"}, 1)
