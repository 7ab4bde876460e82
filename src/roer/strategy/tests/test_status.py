"""KPI status: the trend of the measurements against the target and its date."""

import datetime
from decimal import Decimal as D

from roer.strategy.status import Point, Reason, Status, assess

BASE = Point(datetime.date(2024, 1, 1), D("40"))
TARGET = Point(datetime.date(2026, 12, 31), D("80"))
TODAY = datetime.date(2025, 12, 31)


def _series(*values, start=datetime.date(2024, 1, 1), step_days=91):
    return [Point(start + datetime.timedelta(days=i * step_days), D(v)) for i, v in enumerate(values)]


def test_no_measurements_is_no_data():
    assert assess(True, BASE, TARGET, [], TODAY).status is Status.NO_DATA


def test_a_trend_that_reaches_the_target_is_on_track():
    result = assess(True, BASE, TARGET, _series(40, 45, 50, 55, 60, 65, 70, 75), TODAY)
    assert result.status is Status.ON_TRACK and result.reason is Reason.TREND_MEETS
    assert result.projected is not None and result.projected >= D("80")


def test_a_trend_that_falls_a_little_short_is_at_risk():
    result = assess(True, BASE, TARGET, _series(40, 43, 46, 49, 52, 55, 58, 61), TODAY)
    assert result.status is Status.AT_RISK and result.reason is Reason.TREND_SHORT


def test_a_flat_or_wrong_way_trend_is_off_track():
    assert assess(True, BASE, TARGET, _series(40, 41, 40, 41, 40, 41), TODAY).status is Status.OFF_TRACK
    assert assess(True, BASE, TARGET, _series(40, 38, 36, 34), TODAY).status is Status.OFF_TRACK


def test_lower_is_better_mirrors_the_rule():
    base, target = Point(datetime.date(2024, 1, 1), D("30")), Point(datetime.date(2026, 12, 31), D("10"))
    falling = _series(30, 28, 26, 24, 22, 20, 18, 16)
    assert assess(False, base, target, falling, TODAY).status is Status.ON_TRACK
    assert assess(False, base, target, _series(30, 31, 32), TODAY).status is Status.OFF_TRACK


def test_reaching_the_target_early_is_on_track():
    result = assess(True, BASE, TARGET, _series(40, 60, 85), TODAY)
    assert result.status is Status.ON_TRACK and result.reason is Reason.TARGET_MET


def test_after_the_target_date_only_the_latest_value_counts():
    after = datetime.date(2027, 3, 1)
    missed = assess(True, BASE, TARGET, _series(40, 60, 79), after)
    assert missed.status is Status.OFF_TRACK and missed.reason is Reason.DEADLINE_MISSED
    met = assess(True, BASE, TARGET, _series(40, 60, 80), after)
    assert met.status is Status.ON_TRACK and met.reason is Reason.DEADLINE_MET


def test_one_measurement_is_compared_with_the_baseline():
    # From 40 to 60 in a year: 80 by the end of 2026 is within reach.
    result = assess(True, BASE, TARGET, [Point(datetime.date(2025, 1, 1), D("60"))], TODAY)
    assert result.status is Status.ON_TRACK


def test_measurements_on_one_day_give_a_flat_projection():
    same_day = [Point(datetime.date(2025, 6, 1), D("50")), Point(datetime.date(2025, 6, 1), D("50"))]
    result = assess(True, Point(datetime.date(2025, 6, 1), D("50")), TARGET, same_day, TODAY)
    assert result.projected == D("50") and result.status is Status.OFF_TRACK
