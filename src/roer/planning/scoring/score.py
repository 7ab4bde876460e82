"""The weighted sum and the per-initiative breakdown.

Pure Python (no Django). With weights w and normalised values n (0–1) of the criteria
that are on, criterion c contributes ``points_c = 100 × w_c × n_c / Σ w`` (rounded to
cents, half to even) and the score is the sum of those rounded points: 0 to 100, and the
parts of a breakdown add up to the score exactly. A criterion that is off, or weighs 0,
contributes nothing; when no criterion weighs anything every score is 0.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

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


def score(facts: Facts, weights: Weights, today: datetime.date) -> ScoreBreakdown:
    total = weights.total
    parts = []
    for criterion in CRITERIA:
        measured = measure(criterion, facts, today, weights.cost_reference)
        weight = weights.effective(criterion)
        points = (
            (HUNDRED * weight * measured.normalised / total).quantize(CENT, rounding=ROUND_HALF_EVEN)
            if total
            else Decimal("0.00")
        )
        parts.append(
            Part(
                criterion=criterion,
                raw=measured.raw,
                normalised=measured.normalised,
                weight=weight,
                share=(Decimal(weight) / total).quantize(FOUR_PLACES, rounding=ROUND_HALF_EVEN) if total else ZERO,
                points=points,
                enabled=criterion in weights.enabled,
                source=measured.source,
                missing=measured.missing,
                detail=measured.detail,
            )
        )
    return ScoreBreakdown(value=sum((part.points for part in parts), Decimal("0.00")), parts=tuple(parts))


def rank(breakdowns: Mapping[int, ScoreBreakdown], keys: Mapping[int, str] | None = None) -> list[int]:
    """Ids by score, highest first; ties by ``keys`` (e.g. the code) then id, so the order is stable."""
    names = keys or {}
    return sorted(breakdowns, key=lambda i: (-breakdowns[i].value, names.get(i, ""), i))
