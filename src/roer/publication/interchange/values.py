"""Strict cell parsers for the Rijks format: a value is read exactly, or refused with a reason."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _


class BadValue(ValueError):
    pass


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def money(value: Any) -> Decimal | None:
    """Euros with at most two decimals; spreadsheets give numbers, text files plain decimals."""
    if blank(value):
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise BadValue(_("not an amount in euros: %(value)r") % {"value": value}) from None
    if not amount.is_finite() or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise BadValue(_("not an amount with at most two decimals: %(value)r") % {"value": value})
    return amount.quantize(Decimal("0.01"))


def count(value: Any) -> int:
    if blank(value):
        return 0
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise BadValue(_("not a whole number: %(value)r") % {"value": value}) from None
    if number != number.to_integral_value() or number < 0:
        raise BadValue(_("not a whole number of zero or more: %(value)r") % {"value": value})
    return int(number)


def date(value: Any) -> datetime.date | None:
    if blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise BadValue(_("not a date as YYYY-MM-DD: %(value)r") % {"value": value}) from None


def text(value: Any) -> str:
    return "" if blank(value) else str(value).strip()
