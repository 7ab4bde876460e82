"""Demo measurements: on which dates a KPI is measured, and what it measures then.

Plain Python, no database. Dates count back from the build day (so a fresh KPI's last
measurement is a few days old, whenever the demo is loaded); a value depends only on
the KPI and the date, so the same date always gives the same value.
"""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from roer.demo.data.specs import KpiSpec
from roer.strategy.models import Frequency

MONTHS_PER_MEASUREMENT = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
#: Days between the end of a period and its figure being recorded.
REPORTING_LAG = 6


def months_before(date: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (days above 28 are taken as the 28th)."""
    index = date.year * 12 + date.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, min(date.day, 28))


def measurement_dates(
    frequency: Frequency, history_months: int, today: datetime.date, last: datetime.date | None = None
) -> list[datetime.date]:
    """Dates from ``history_months`` before the last measurement up to it, one per period, oldest first."""
    step = MONTHS_PER_MEASUREMENT[frequency]
    anchor = last or (today - datetime.timedelta(days=REPORTING_LAG))
    anchor = anchor.replace(day=min(anchor.day, 28))
    return [months_before(anchor, months) for months in range(history_months - history_months % step, -1, -step)]


def _share(date: datetime.date, start: datetime.date, end: datetime.date) -> float:
    """How far ``date`` is from ``start`` to ``end``, between 0 and 1."""
    span = (end - start).days
    if span <= 0:
        return 1.0 if date >= end else 0.0
    return min(1.0, max(0.0, (date - start).days / span))


def value_on(spec: KpiSpec, date: datetime.date) -> Decimal:
    """The demo value of ``spec`` on ``date``: trend, steps and a little seeded noise, rounded."""
    baseline, baseline_date = spec.baseline
    target, target_date = spec.target
    gap = float(target - baseline)
    value = float(baseline) + spec.trend.pace * gap * _share(date, baseline_date, target_date)
    value += sum(float(step.change) * _share(date, step.start, step.end) for step in spec.trend.steps)
    rng = random.Random(f"{spec.key}:{date.isoformat()}")  # noqa: S311  (demo data, not security)
    value += rng.uniform(-1.0, 1.0) * spec.trend.noise * abs(gap)
    result = Decimal(str(value)).quantize(Decimal(1).scaleb(-spec.decimals), rounding=ROUND_HALF_UP)
    if spec.bounds:
        result = min(max(result, spec.bounds[0]), spec.bounds[1])
    return result


def series(spec: KpiSpec, today: datetime.date) -> list[tuple[datetime.date, Decimal]]:
    """The demo measurements of ``spec`` as (date, value), oldest first; none if it is not measured yet."""
    if not spec.measured:
        return []
    dates = measurement_dates(Frequency(spec.frequency), spec.history_months, today, spec.last_measured)
    return [(date, value_on(spec, date)) for date in dates]
