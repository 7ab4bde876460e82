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
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cached_property

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

    @cached_property
    def total_weight(self) -> int:
        return self.total

    @cached_property
    def columns(self) -> tuple[tuple[Criterion, int, Decimal, bool], ...]:
        """Per criterion, once per configuration: effective weight, share of all weights, in use."""
        total = self.total
        return tuple(
            (
                criterion,
                self.effective(criterion),
                (Decimal(self.effective(criterion)) / total).quantize(FOUR_PLACES, rounding=ROUND_HALF_EVEN)
                if total
                else ZERO,
                criterion in self.enabled,
            )
            for criterion in CRITERIA
        )


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class ScoreBreakdown:
    """The score (``value``, 0–100 in cents: a scenario candidate's value) and its parts, in criteria order."""

    value: Decimal
    parts: tuple[Part, ...]

    def part(self, criterion: Criterion) -> Part:
        return next(part for part in self.parts if part.criterion is criterion)


def _points(numerators: list[int], total: int) -> list[Decimal]:
    """Cents per part from exact rationals ``numerator / total`` (cents), rounded so the parts add up to the
    rounded sum (half to even); the cents left go to the largest remainders, ties in criteria order."""
    if not total:
        return [Decimal("0.00")] * len(numerators)
    floors = [numerator // total for numerator in numerators]
    whole, rest = divmod(sum(numerators), total)
    if 2 * rest > total or (2 * rest == total and whole % 2):
        whole += 1
    by_remainder = sorted(range(len(numerators)), key=lambda i: (-(numerators[i] % total), i))
    for i in by_remainder[: max(whole - sum(floors), 0)]:
        floors[i] += 1
    return [Decimal(cents).scaleb(-2) for cents in floors]


def score(facts: Facts, weights: Weights, today: datetime.date) -> ScoreBreakdown:
    columns = weights.columns
    measured = [measure(criterion, facts, today, weights.cost_reference) for criterion, *_rest in columns]
    # Exact: points_c = 100 × w_c × n_c / Σ w, so in cents w_c × (n_c in ten-thousandths) / Σ w.
    points = _points(
        [weight * int(m.normalised.scaleb(4)) for (_c, weight, *_rest), m in zip(columns, measured, strict=True)],
        weights.total_weight,
    )
    parts = tuple(
        Part(
            criterion=criterion,
            raw=m.raw,
            normalised=m.normalised,
            weight=weight,
            share=share,
            points=part_points,
            enabled=enabled,
            source=m.source,
            missing=m.missing,
            detail=m.detail,
        )
        for (criterion, weight, share, enabled), m, part_points in zip(columns, measured, points, strict=True)
    )
    return ScoreBreakdown(value=sum(points, Decimal("0.00")), parts=parts)


def rank(breakdowns: Mapping[int, ScoreBreakdown], keys: Mapping[int, str] | None = None) -> list[int]:
    """Ids by score, highest first; ties by ``keys`` (e.g. the code) then id, so the order is stable."""
    names = keys or {}
    return sorted(breakdowns, key=lambda i: (-breakdowns[i].value, names.get(i, ""), i))
