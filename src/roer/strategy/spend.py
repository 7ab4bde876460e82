"""Splitting an initiative's money over the goals it serves, by contribution weight.

Pure Python (no Django). The database does the same sum for whole portfolios
(``roer.strategy.analyses``); this function is the exact reference, used for one
initiative's breakdown and in tests: the shares are whole cents and add up to the
amount exactly (largest remainder).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_DOWN, Decimal
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
CENT = Decimal("0.01")


def split_by_weight(amount: Decimal, weights: Mapping[K, Decimal]) -> dict[K, Decimal]:
    """Divide ``amount`` over the keys in proportion to ``weights``, in cents that add up."""
    if not weights:
        return {}
    if any(weight <= 0 for weight in weights.values()):
        raise ValueError("Contribution weights must be positive.")
    total_weight = sum(weights.values(), Decimal(0))
    exact = {key: amount * weight / total_weight for key, weight in weights.items()}
    shares = {key: value.quantize(CENT, rounding=ROUND_DOWN) for key, value in exact.items()}
    left_over = int((amount.quantize(CENT) - sum(shares.values(), Decimal(0))) / CENT)
    # Hand out the remaining cents to the largest remainders; ties in key order, so it is stable.
    by_remainder = sorted(exact, key=lambda key: (exact[key] - shares[key], str(key)), reverse=True)
    for key in by_remainder[: max(left_over, 0)]:
        shares[key] += CENT
    return shares
