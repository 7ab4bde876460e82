"""The weighted sum and the per-initiative breakdown.

Pure Python (no Django). With weights w and normalised values n (0–1) of the criteria
that are on, criterion c contributes ``100 × w_c × n_c / Σ w`` points; the score is
their sum rounded to cents (half to even), so 0 to 100, and the parts are rounded to
cents by largest remainder so that a breakdown adds up to the score exactly. A
criterion that is off, or weighs 0, contributes nothing; when no criterion weighs
anything every score is 0.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from roer.planning.scoring.criteria import (
    CRITERIA,
    DEFAULT_COST_REFERENCE,
    FOUR_PLACES,
    ZERO,
    Criterion,
    Facts,
    measure,
)

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Weights:
    """An organisation's configuration: a whole-number weight per criterion and which are on."""

    weights: Mapping[Criterion, int]
    enabled: frozenset[Criterion] = field(default_factory=lambda: frozenset(CRITERIA))
    cost_reference: Decimal = DEFAULT_COST_REFERENCE

    def __post_init__(self) -> None:
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("Weights cannot be negative.")
        if self.cost_reference <= 0:
            raise ValueError("The cost reference must be positive.")

    def effective(self, criterion: Criterion) -> int:
        return self.weights.get(criterion, 0) if criterion in self.enabled else 0

    @property
    def total(self) -> int:
        return sum(self.effective(criterion) for criterion in CRITERIA)


@dataclass(frozen=True)
class Part:
    """One line of a breakdown."""

    criterion: Criterion
    raw: Decimal | None
    normalised: Decimal
    weight: int  # 0 when the criterion is off
    share: Decimal  # the weight as a fraction of all weights (4 decimals; 0 when nothing weighs)
    points: Decimal
    enabled: bool
    source: str = ""
    missing: bool = False
    detail: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreBreakdown:
    """The score (``value``, 0–100 in cents: a scenario candidate's value) and its parts, in criteria order."""

    value: Decimal
    parts: tuple[Part, ...]

    def part(self, criterion: Criterion) -> Part:
        return next(part for part in self.parts if part.criterion is criterion)


def _points(exact: list[Decimal]) -> list[Decimal]:
    """Round to cents so the parts add up to the rounded total (largest remainder; ties in criteria order)."""
    floors = [value.quantize(CENT, rounding=ROUND_DOWN) for value in exact]
    total = sum(exact, ZERO).quantize(CENT, rounding=ROUND_HALF_EVEN)
    left_over = int((total - sum(floors, ZERO)) / CENT)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[: max(left_over, 0)]:
        floors[i] += CENT
    return floors


def score(facts: Facts, weights: Weights, today: datetime.date) -> ScoreBreakdown:
    total = weights.total
    measured = [measure(criterion, facts, today, weights.cost_reference) for criterion in CRITERIA]
    effective = [weights.effective(criterion) for criterion in CRITERIA]
    exact = [HUNDRED * w * m.normalised / total if total else ZERO for w, m in zip(effective, measured, strict=True)]
    parts = tuple(
        Part(
            criterion=criterion,
            raw=m.raw,
            normalised=m.normalised,
            weight=weight,
            share=(Decimal(weight) / total).quantize(FOUR_PLACES, rounding=ROUND_HALF_EVEN) if total else ZERO,
            points=points,
            enabled=criterion in weights.enabled,
            source=m.source,
            missing=m.missing,
            detail=m.detail,
        )
        for criterion, m, weight, points in zip(CRITERIA, measured, effective, _points(exact), strict=True)
    )
    return ScoreBreakdown(value=sum((part.points for part in parts), Decimal("0.00")), parts=parts)


def rank(breakdowns: Mapping[int, ScoreBreakdown], keys: Mapping[int, str] | None = None) -> list[int]:
    """Ids by score, highest first; ties by ``keys`` (e.g. the code) then id, so the order is stable."""
    names = keys or {}
    return sorted(breakdowns, key=lambda i: (-breakdowns[i].value, names.get(i, ""), i))
