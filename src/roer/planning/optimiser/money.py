"""Euro amounts: exact whole cents in, exact text out.

Amounts arrive as JSON numbers in euros. They are kept as integer cents so that
budget checks, reasons and the plan never carry float rounding; floats appear
only inside the LP/MILP solver.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

Number = int | float | Decimal


class AmountError(ValueError):
    """An amount that is not a finite, non-negative number of whole cents."""


def to_decimal(value: object) -> Decimal:
    """A JSON number as an exact Decimal; floats go through their shortest repr."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise AmountError("must be a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AmountError("must be a finite number")
        # repr is the shortest text that round-trips: 1234.56 stays 1234.56.
        return Decimal(repr(value))
    try:
        result = Decimal(value)
    except InvalidOperation:  # pragma: no cover - Decimal(int) never fails
        raise AmountError("must be a number") from None
    if not result.is_finite():
        raise AmountError("must be a finite number")
    return result


def to_cents(value: object) -> int:
    """Euros → integer cents; refuses negatives and fractions of a cent."""
    euros = to_decimal(value)
    if euros < 0:
        raise AmountError("must not be negative")
    cents = euros * 100
    if cents != cents.to_integral_value():
        raise AmountError("must be whole cents (at most two decimals)")
    return int(cents)


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def cents_to_json(cents: int) -> int | float:
    """A JSON number for an amount: an int for whole euros, else the 2-decimal float.

    For amounts below 2**53 cents the float's shortest repr is exactly the
    two-decimal text, so nothing is lost on the way out.
    """
    if cents % 100 == 0:
        return cents // 100
    return float(cents_to_decimal(cents))


def format_euros(cents: int) -> str:
    """'€1,234,567.89', or '€1,200,000' for whole euros: exact, for people."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    text = f"{sign}€{euros:,}"
    return f"{text}.{rest:02d}" if rest else text
