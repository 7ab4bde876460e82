"""The pure health rules: variance against the initial baseline, the dual rating, early warnings."""

import datetime
from decimal import Decimal as D
from typing import Any

import pytest

from roer.portfolio.health.early_warning import Severity, Snapshot, Thresholds, evaluate
from roer.portfolio.health.rating import Colour, colour, overall_rating, rating_for_variance, rating_gap
from roer.portfolio.health.variance import Baseline, variance, years_between

INITIAL = Baseline(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31), D("10000000"))
TODAY = datetime.date(2026, 6, 30)


def test_variance_is_against_the_initial_baseline_after_two_rebaselines():
    # Re-baselined twice (to 11M, then 13M, end moved a year): the overrun is still counted from 10M.
    second = Baseline(datetime.date(2024, 1, 1), datetime.date(2026, 12, 31), D("13000000"))
    result = variance(INITIAL, current_cost=second.cost, current_end=second.end)
    assert result.cost == D("0.3") and result.cost_amount == D("3000000")
    assert result.delay_days == 365 and result.schedule.quantize(D("0.01")) == D("0.50")
    against_latest = variance(second, current_cost=D("13000000"), current_end=second.end)
    assert against_latest.cost == 0  # what the old dashboard showed: nothing wrong


def test_finishing_early_is_no_schedule_overrun_and_zero_cost_baseline_is_safe():
    early = variance(INITIAL, D("9000000"), datetime.date(2025, 6, 30))
    assert early.schedule == 0 and early.delay_days < 0 and early.cost == D("-0.1")
    free = variance(Baseline(INITIAL.start, INITIAL.end, D("0")), D("100"), INITIAL.end)
    assert free.cost == 0 and free.cost_amount == D("100")


def test_years_between():
    assert years_between(datetime.date(2024, 1, 1), datetime.date(2026, 7, 1)) == D("2.5")


@pytest.mark.parametrize(
    "relative,rating",
    [(D("0"), 5), (D("0.05"), 5), (D("0.051"), 4), (D("-0.10"), 4), (D("0.2"), 3), (D("0.3"), 2), (D("0.31"), 1)],
)
def test_variance_ratings(relative, rating):
    assert rating_for_variance(relative) == rating


def test_overall_rating_is_the_mean():
    assert overall_rating(cost=5, schedule=3, cio=4) == D("4.0")
    assert overall_rating(cost=4, schedule=4, cio=5) == D("4.3")


def test_a_cio_rating_worse_than_both_replaces_the_mean():
    assert overall_rating(cost=5, schedule=4, cio=2) == D("2")
    # Worse than only one of them: the mean applies.
    assert overall_rating(cost=5, schedule=2, cio=3) == D("3.3")
    # Equal to the worse one is not worse than both.
    assert overall_rating(cost=4, schedule=2, cio=2) == D("2.7")


def test_ratings_outside_the_scale_are_refused():
    with pytest.raises(ValueError):
        overall_rating(cost=0, schedule=3, cio=3)


def test_colours_and_the_self_rating_gap():
    assert [colour(D(v)) for v in ("4.0", "3.5", "3.4", "2.5", "2.4")] == [
        Colour.GREEN,
        Colour.GREEN,
        Colour.AMBER,
        Colour.AMBER,
        Colour.RED,
    ]
    assert rating_gap(Colour.GREEN, Colour.RED) == 2
    assert rating_gap(Colour.RED, Colour.GREEN) == 0


def _snapshot(**changes):
    values: dict[str, Any] = dict(
        running=True,
        in_execution=True,
        ict_cost=D("1000000"),
        has_cio_opinion=False,
        cost_variance=D("0"),
        schedule_variance=D("0"),
        has_variance_narrative=False,
        last_status_report=TODAY - datetime.timedelta(days=30),
        started=datetime.date(2025, 1, 1),
        has_approval_gate=True,
        team_size=7,
        increment_months=3,
    )
    values.update(changes)
    return Snapshot(**values)


DEFAULTS = Thresholds()


def _rules(snapshot, thresholds=DEFAULTS):
    return [(w.rule, w.severity) for w in evaluate(snapshot, thresholds, TODAY)]


def test_a_healthy_initiative_has_no_warnings():
    assert _rules(_snapshot()) == []


def test_cio_opinion_from_five_million():
    assert _rules(_snapshot(ict_cost=D("5000000"))) == [("cio_opinion", Severity.RED)]
    assert _rules(_snapshot(ict_cost=D("5000000"), has_cio_opinion=True)) == []
    assert _rules(_snapshot(ict_cost=D("4999999.99"))) == []


@pytest.mark.parametrize(
    "value,narrative,expected",
    [
        (D("0.05"), False, []),
        (D("0.06"), False, [("cost_unexplained", Severity.AMBER)]),
        (D("0.06"), True, []),
        (D("0.11"), True, [("cost_variance", Severity.AMBER)]),
        (D("0.11"), False, [("cost_unexplained", Severity.AMBER), ("cost_variance", Severity.AMBER)]),
        (D("0.31"), True, [("cost_variance", Severity.RED)]),
        (D("-0.35"), False, [("cost_unexplained", Severity.RED), ("cost_variance", Severity.RED)]),
    ],
)
def test_variance_thresholds(value, narrative, expected):
    assert _rules(_snapshot(cost_variance=value, has_variance_narrative=narrative)) == expected


def test_missing_status_report_team_size_increment_and_gate():
    late = _snapshot(last_status_report=TODAY - datetime.timedelta(days=93))
    assert _rules(late) == [("status_report", Severity.AMBER)]
    never = _snapshot(last_status_report=None, started=TODAY - datetime.timedelta(days=10))
    assert _rules(never) == []
    on_hold = _snapshot(running=False, in_execution=False, last_status_report=None, started=None)
    assert _rules(on_hold) == []
    assert _rules(_snapshot(team_size=9)) == [("team_size", Severity.AMBER)]
    assert _rules(_snapshot(increment_months=4)) == [("increment", Severity.AMBER)]
    assert _rules(_snapshot(has_approval_gate=False)) == [("approval_gate", Severity.RED)]


def test_thresholds_and_rules_are_configurable():
    strict = Thresholds(max_team_size=6, enabled=frozenset({"team_size"}))
    assert _rules(_snapshot(team_size=7, has_approval_gate=False), strict) == [("team_size", Severity.AMBER)]
