"""The dual rating: cost, schedule and the CIO's risk rating on one 1–5 scale.

1 means high risk and 5 low risk, as in the US Federal IT Dashboard. The overall
rating is the mean of the three, except that the CIO's rating replaces the mean when it
is worse than both others: the CIO's judgement can pull a project down, never up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class Colour(str, Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class RatingScale:
    """Upper bounds of relative variance for the ratings 5, 4, 3 and 2; above the last is 1."""

    bounds: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal("0.05"),
        Decimal("0.10"),
        Decimal("0.20"),
        Decimal("0.30"),
    )
    green_from: Decimal = Decimal("3.5")
    amber_from: Decimal = Decimal("2.5")


DEFAULT_SCALE = RatingScale()


def rating_for_variance(relative: Decimal, scale: RatingScale = DEFAULT_SCALE) -> int:
    """5 for a variance within the first bound, down to 1 above the last. Under- and overruns count alike."""
    size = abs(relative)
    for rating, bound in zip((5, 4, 3, 2), scale.bounds, strict=True):
        if size <= bound:
            return rating
    return 1


def overall_rating(cost: int, schedule: int, cio: int) -> Decimal:
    for value in (cost, schedule, cio):
        if not 1 <= value <= 5:
            raise ValueError(f"Ratings run from 1 to 5, not {value}.")
    if cio < cost and cio < schedule:
        return Decimal(cio)
    return (Decimal(cost + schedule + cio) / 3).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def colour(rating: Decimal, scale: RatingScale = DEFAULT_SCALE) -> Colour:
    if rating >= scale.green_from:
        return Colour.GREEN
    if rating >= scale.amber_from:
        return Colour.AMBER
    return Colour.RED


RAG_SCORE = {Colour.GREEN: 3, Colour.AMBER: 2, Colour.RED: 1}


def rating_gap(self_rating: Colour, independent: Colour) -> int:
    """How many steps the project's own RAG is rosier than the independent one (0 when not rosier)."""
    return max(RAG_SCORE[self_rating] - RAG_SCORE[independent], 0)
