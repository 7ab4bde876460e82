"""The demo's goal–effort network: the intake rule holds, the deliberate orphans are exactly
the documented ones, the KPIs have the promised history, and the money is realistic."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from roer.demo.data.orphans import ORPHANS
from roer.organisation.models import Person
from roer.portfolio.models import CostKind, CostLine, Initiative, Phase
from roer.portfolio.services import intake_missing
from roer.strategy.analyses import orphans, realised_effects
from roer.strategy.models import KPI, Contribution, Direction, Frequency, Goal, GoalKpi, GoalLevel, Measurement

pytestmark = pytest.mark.django_db

PAST_INTAKE = [Phase.APPROVED, Phase.EXECUTION, Phase.LIVE, Phase.CLOSED, Phase.ON_HOLD, Phase.STOPPED]


@pytest.fixture
def demo() -> None:
    call_command("demo", verbosity=0)


def _served(goal: Goal) -> bool:
    return Contribution.objects.filter(Q(goal=goal) | Q(goal__parent=goal) | Q(goal__parent__parent=goal)).exists()


def test_every_initiative_past_idea_passes_the_intake_rule(demo: None) -> None:
    past_idea = Initiative.objects.exclude(phase=Phase.IDEA)
    assert past_idea.count() > 30
    for initiative in past_idea:
        assert intake_missing(initiative) == [], initiative.code
        assert initiative.problem_statement.strip(), initiative.code
        assert initiative.contributions.exists() or (initiative.mandatory and initiative.legal_basis), initiative.code
    # Most initiatives contribute to a goal, the ideas included.
    assert Initiative.objects.filter(contributions__isnull=False).distinct().count() >= 0.9 * Initiative.objects.count()


def test_the_documented_orphans_are_borne_out_by_the_data(demo: None) -> None:
    today = timezone.localdate()
    for code in ORPHANS.initiatives:
        initiative = Initiative.objects.get(code=code)
        assert not initiative.contributions.exists()
        assert initiative.phase == Phase.IDEA or initiative.mandatory
    assert set(ORPHANS.mandatory_initiatives) <= set(ORPHANS.initiatives)
    assert all(Initiative.objects.get(code=code).legal_basis for code in ORPHANS.mandatory_initiatives)
    open_work = Initiative.objects.exclude(phase__in=[Phase.CLOSED, Phase.STOPPED])
    assert set(open_work.filter(contributions__isnull=True).values_list("code", flat=True)) == set(ORPHANS.initiatives)

    assert {goal.title for goal in Goal.objects.all() if not _served(goal)} == set(ORPHANS.goals)
    assert set(KPI.objects.filter(contributions__isnull=True).values_list("name", flat=True)) == set(
        ORPHANS.kpis_without_contribution
    )
    for name in ORPHANS.stale_kpis:
        kpi = KPI.objects.get(name=name)
        last = kpi.measurements.aggregate(last=Max("measured_on"))["last"]
        assert last is not None and last < today - kpi.overdue_after
    for name in ORPHANS.unmeasured_kpis:
        kpi = KPI.objects.get(name=name)
        assert not kpi.measurements.exists() and kpi.baseline_date >= today - kpi.overdue_after
    fresh = KPI.objects.exclude(name__in=ORPHANS.stale_kpis + ORPHANS.unmeasured_kpis)
    for kpi in fresh.annotate(last=Max("measurements__measured_on")):
        assert kpi.last >= today - kpi.overdue_after, kpi.name


@pytest.mark.parametrize("username", ["marieke", "beheer"])
def test_the_orphan_analysis_lists_exactly_the_deliberate_orphans(demo: None, username: str) -> None:
    found = orphans(Person.objects.get(username=username))

    assert set(found.initiatives.values_list("code", flat=True)) == set(ORPHANS.initiatives)
    assert set(found.initiatives.filter(mandatory=True).values_list("code", flat=True)) == set(
        ORPHANS.mandatory_initiatives
    )
    assert set(found.goals.values_list("title", flat=True)) == set(ORPHANS.goals)
    assert set(found.kpis.values_list("name", flat=True)) == set(ORPHANS.kpis_without_contribution)
    assert set(found.stale_kpis.values_list("name", flat=True)) == set(ORPHANS.stale_kpis)


def test_goal_trees_have_the_promised_shape(demo: None) -> None:
    ministry_ambitions = Goal.objects.filter(org_unit__code="bdz", level=GoalLevel.AMBITION)
    assert ministry_ambitions.count() == 2
    for ambition in ministry_ambitions:
        strategic = ambition.children.filter(org_unit__code="bdz")
        assert 2 <= strategic.count() <= 3
        for goal in strategic:
            assert 1 <= goal.children.count() <= 3
    assert all(goal.owner_id and goal.horizon_start and goal.horizon_end for goal in Goal.objects.all())
    # A department's own goal serves an organisation-wide ambition, and is served itself.
    department_goal = Goal.objects.get(org_unit__code="bdz-dgwr", level=GoalLevel.STRATEGIC_GOAL)
    assert department_goal.parent in ministry_ambitions and _served(department_goal)
    # A goal served by mandatory initiatives alone.
    assert any(
        set(Contribution.objects.filter(goal=goal).values_list("initiative__mandatory", flat=True)) == {True}
        for goal in Goal.objects.filter(level=GoalLevel.OBJECTIVE)
    )


def test_kpis_have_two_to_three_years_of_measurements(demo: None) -> None:
    assert 18 <= KPI.objects.count() <= 26
    assert set(KPI.objects.values_list("direction", flat=True)) == set(Direction)
    assert {Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY} <= set(
        KPI.objects.values_list("frequency", flat=True)
    )
    measured = KPI.objects.annotate(n=Count("measurements"), first=Min("measurements__measured_on"),
                                    last=Max("measurements__measured_on")).filter(n__gt=0)  # fmt: skip
    assert measured.count() == KPI.objects.count() - len(ORPHANS.unmeasured_kpis)
    for kpi in measured:
        months = (kpi.last - kpi.first).days / 30.44
        assert 23 <= months <= 37, kpi.name
        assert kpi.n >= months / {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[kpi.frequency]
    shared = GoalKpi.objects.values("kpi").annotate(n=Count("goal")).filter(n__gte=2)
    assert shared.exists()
    assert KPI.objects.filter(target_date__lt=timezone.localdate()).exists()
    assert Contribution.objects.filter(kpi__isnull=False, expected_change__isnull=False, effect_from__isnull=False)


def test_measurements_are_deterministic(demo: None) -> None:
    first = list(
        Measurement.objects.order_by("kpi__name", "measured_on").values_list("kpi__name", "measured_on", "value")
    )
    Contribution.objects.all().delete()
    KPI.objects.all().delete()  # and with them their measurements and goal links
    call_command("demo", verbosity=0)
    again = list(
        Measurement.objects.order_by("kpi__name", "measured_on").values_list("kpi__name", "measured_on", "value")
    )
    assert again == first


def test_closed_initiatives_show_expected_against_realised_effect(demo: None) -> None:
    effects = [e for e in realised_effects(Person.objects.get(username="marieke")) if e.realised is not None]
    assert len({effect.contribution.initiative_id for effect in effects}) >= 2
    for effect in effects:
        assert effect.start is not None and effect.end is not None and effect.start.day < effect.end.day
        assert effect.share_realised is not None and Decimal("0.3") < effect.share_realised < Decimal("2")


def test_every_initiative_past_intake_has_realistic_cost_lines(demo: None) -> None:
    this_year = timezone.localdate().year
    for initiative in Initiative.objects.filter(phase__in=PAST_INTAKE):
        lines = CostLine.objects.filter(initiative=initiative)
        planned = lines.filter(kind=CostKind.PLAN).aggregate(total=Sum("amount"))["total"]
        assert planned is not None and Decimal(200_000) <= planned <= Decimal(25_000_000), initiative.code
        assert all(2024 <= year <= 2028 for year in lines.values_list("year", flat=True))
        actual_years = set(lines.filter(kind=CostKind.ACTUAL).values_list("year", flat=True))
        assert all(year < this_year for year in actual_years)
    assert not CostLine.objects.filter(initiative__phase__in=[Phase.IDEA, Phase.INTAKE]).exists()
    totals = CostLine.objects.filter(kind=CostKind.PLAN).values("initiative").annotate(total=Sum("amount"))
    assert sum(1 for row in totals if row["total"] > 5_000_000) >= 3
    assert CostLine.objects.filter(kind=CostKind.FORECAST).exists()
    assert CostLine.objects.values("category").distinct().count() >= 7


def test_idea_phase_initiatives_were_moved_through_the_services(demo: None) -> None:
    """Registered as ideas, given contributions, then moved: two audit events, in that order."""
    from roer.audit.models import AuditEvent

    initiative = Initiative.objects.get(code="BDZ-0012")
    events = list(AuditEvent.objects.for_object(initiative).order_by("pk").values_list("action", "changed_fields"))
    assert events[0][0] == "create" and events[-1] == ("update", ["phase", "updated_at", "version"])
    contribution = Contribution.objects.filter(initiative=initiative).first()
    assert contribution is not None and AuditEvent.objects.for_object(contribution).get().action == "create"


def test_plans_add_up_to_the_budget_and_actuals_stop_at_the_build_year() -> None:
    from roer.demo.costs import cost_lines, plan
    from roer.demo.data.budgets import BUDGETS

    for budget in BUDGETS.values():
        assert sum(plan(budget).values()) == budget.total
    lines = cost_lines("BDZ-0031", BUDGETS["BDZ-0031"], Phase.EXECUTION, 2026)
    assert {line.year for line in lines if line.kind == CostKind.ACTUAL} == {2024, 2025}
    assert {line.year for line in lines if line.kind == CostKind.FORECAST} >= {2026}
    assert lines == cost_lines("BDZ-0031", BUDGETS["BDZ-0031"], Phase.EXECUTION, 2026)


def test_measurement_dates_count_back_from_the_build_day() -> None:
    from roer.demo.data.kpis import KPI_BY_KEY
    from roer.demo.series import measurement_dates, series

    today = datetime.date(2026, 3, 31)
    dates = measurement_dates(Frequency.MONTHLY, 36, today)
    assert dates[-1] == datetime.date(2026, 3, 25) and dates[0] == datetime.date(2023, 3, 25) and len(dates) == 37
    stale = series(KPI_BY_KEY["stroom"], today)
    assert stale[-1][0] == datetime.date(2024, 9, 27)
    assert series(KPI_BY_KEY["machtigen"], today) == []
    assert series(KPI_BY_KEY["inlogmiddel"], today) == series(KPI_BY_KEY["inlogmiddel"], today)
