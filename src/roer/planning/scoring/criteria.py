"""The scoring criteria and how each raw fact becomes a number from 0 to 1.

Pure Python (no Django). Every criterion uses a *fixed scale*, not min-max over the
portfolio: an initiative's score then depends only on its own data and the
organisation's weights, so it is the same whoever looks and whatever else is in a
scenario, and it does not jump when another initiative is added. Normalised values are
``Decimal`` with four decimals; higher is always better for the portfolio.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")
FOUR_PLACES = Decimal("0.0001")


class Criterion(str, Enum):
    """The criteria, in the order pages and breakdowns list them."""

    STRATEGIC = "strategic"
    LEGAL = "legal"
    RISK = "risk"
    URGENCY = "urgency"
    COST = "cost"


CRITERIA: tuple[Criterion, ...] = tuple(Criterion)

# Strategic contribution: points per contribution by its confidence, one more when it
# names a KPI (a measurable effect); STRATEGIC_FULL points or more count as 1.
CONFIDENCE_POINTS = {"low": 1, "medium": 2, "high": 3}
KPI_POINT = 1
STRATEGIC_FULL = 6

# Risk: the CIO's 1–5 rating (1 high risk, 5 low risk); without one the own/independent
# overall colour of the same latest report stands in for it.
RAG_AS_RATING = {"green": 5, "amber": 3, "red": 1}

# Urgency: an end date today or earlier counts as 1, URGENCY_HORIZON_DAYS or more away as 0.
URGENCY_HORIZON_DAYS = 3 * 365

# Cost: reference / (reference + cost): 1 at no cost, 0.5 at the reference amount.
DEFAULT_COST_REFERENCE = Decimal("1000000")


@dataclass(frozen=True)
class Facts:
    """What scoring needs to know about one initiative; ``None`` where the data is missing."""

    contributions: tuple[tuple[str, bool], ...] = ()  # (confidence, names a KPI) per contribution
    mandatory: bool = False
    legal_basis: bool = False
    cio_rating: int | None = None
    overall_rag: str | None = None
    end_date: datetime.date | None = None
    finished: bool = False  # closed or stopped: nothing is urgent any more
    cost: Decimal | None = None
    cost_source: str = ""  # "forecast", "plan" or "baseline"


@dataclass(frozen=True, slots=True)
class Measured:
    """One criterion's raw value (as a number, ``None`` when missing), its source and its 0–1 value."""

    raw: Decimal | None
    normalised: Decimal
    source: str = ""
    missing: bool = False
    detail: dict[str, object] = field(default_factory=dict)


def _clamp(value: Decimal) -> Decimal:
    return min(ONE, max(ZERO, value)).quantize(FOUR_PLACES, rounding=ROUND_HALF_EVEN)


def strategic(facts: Facts) -> Measured:
    points = sum(
        CONFIDENCE_POINTS.get(confidence, 0) + (KPI_POINT if kpi else 0) for confidence, kpi in facts.contributions
    )
    return Measured(
        raw=Decimal(points),
        normalised=_clamp(Decimal(points) / STRATEGIC_FULL),
        missing=not facts.contributions,
        detail={"contributions": len(facts.contributions)},
    )


def legal(facts: Facts) -> Measured:
    if facts.mandatory:
        return Measured(raw=ONE, normalised=ONE, source="mandatory")
    if facts.legal_basis:
        return Measured(raw=HALF, normalised=_clamp(HALF), source="legal_basis")
    return Measured(raw=ZERO, normalised=_clamp(ZERO), source="none")


def risk(facts: Facts) -> Measured:
    """Lower risk scores higher: rating 5 → 1, rating 1 → 0; no report → 0.5, marked missing."""
    if facts.cio_rating is not None:
        rating, source = facts.cio_rating, "cio"
    elif facts.overall_rag in RAG_AS_RATING:
        rating, source = RAG_AS_RATING[facts.overall_rag], "overall"
    else:
        return Measured(raw=None, normalised=_clamp(HALF), missing=True)
    return Measured(raw=Decimal(rating), normalised=_clamp(Decimal(rating - 1) / 4), source=source)


def urgency(facts: Facts, today: datetime.date) -> Measured:
    """Nearer end dates score higher; no end date (or a finished initiative) → 0."""
    if facts.finished:
        return Measured(raw=None, normalised=_clamp(ZERO), source="finished")
    if facts.end_date is None:
        return Measured(raw=None, normalised=_clamp(ZERO), missing=True)
    days = (facts.end_date - today).days
    value = ONE - Decimal(max(days, 0)) / URGENCY_HORIZON_DAYS
    return Measured(raw=Decimal(days), normalised=_clamp(value), detail={"end_date": facts.end_date})


def cost(facts: Facts, reference: Decimal = DEFAULT_COST_REFERENCE) -> Measured:
    """Cheaper scores higher: reference / (reference + cost); no estimate → 0.5, marked missing."""
    if facts.cost is None:
        return Measured(raw=None, normalised=_clamp(HALF), missing=True)
    amount = max(facts.cost, ZERO)
    value = reference / (reference + amount) if reference + amount > 0 else ONE
    return Measured(raw=facts.cost, normalised=_clamp(value), source=facts.cost_source)


def measure(criterion: Criterion, facts: Facts, today: datetime.date, cost_reference: Decimal) -> Measured:
    if criterion is Criterion.URGENCY:
        return urgency(facts, today)
    if criterion is Criterion.COST:
        return cost(facts, cost_reference)
    return _BY_FACTS[criterion](facts)


_BY_FACTS = {Criterion.STRATEGIC: strategic, Criterion.LEGAL: legal, Criterion.RISK: risk}
