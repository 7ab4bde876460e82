"""Cost and schedule variance, always against the *initial* baseline.

The Rijks ICT-dashboard once coloured projects against their latest re-baseline, which
hid cumulative overruns; Roer compares with the first plan and shows the latest beside it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Baseline:
    start: datetime.date
    end: datetime.date
    cost: Decimal

    @property
    def days(self) -> int:
        return max((self.end - self.start).days, 1)


@dataclass(frozen=True)
class Variance:
    """Relative variance: 0.12 means 12 % more cost, or 12 % longer than planned."""

    cost: Decimal
    schedule: Decimal
    cost_amount: Decimal
    delay_days: int

    @property
    def worst(self) -> Decimal:
        return max(self.cost, self.schedule)


def variance(initial: Baseline, current_cost: Decimal, current_end: datetime.date) -> Variance:
    """How far the current estimate lies from the initial baseline.

    Cost: relative difference of the totals (an initial cost of zero gives no relative variance).
    Schedule: days late relative to the initial duration; finishing early is not an overrun.
    """
    amount = current_cost - initial.cost
    cost = amount / initial.cost if initial.cost else Decimal(0)
    delay = (current_end - initial.end).days
    schedule = Decimal(max(delay, 0)) / Decimal(initial.days)
    return Variance(cost=cost, schedule=schedule, cost_amount=amount, delay_days=delay)


def years_between(first: datetime.date, second: datetime.date) -> Decimal:
    """Difference in years, to one decimal, as the dashboard shows durations."""
    return (Decimal((second - first).days) / Decimal("365.25")).quantize(Decimal("0.1"))
