"""Dates and numbers as people type them in Dutch and English spreadsheets.

Dates: ``2025-03-31`` (ISO) or ``31-03-2025`` (day first, as the Dutch write it); a
spreadsheet's own date cells too. Slashes are refused: 03/04/2025 means April in the
Netherlands and March in America.

Numbers: one decimal separator, a point or a comma (``87.5`` or ``87,5``), and no
thousands separators. A value with two separators (``1.234,5``, ``1,234.5``) is
refused rather than guessed. So is a single separator followed by exactly three
digits after a non-zero whole part (``1.234``, ``12,500``): it may separate
thousands. ``0,125`` and ``1234,567`` are unambiguous and accepted; write ``1,2340``
for a decimal that would otherwise look like thousands.
"""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from roer.strategy.imports.reading import Cell

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_NUMBER = re.compile(r"^[+-]?(\d*)(?:[.,](\d+))?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}([.,]\d{3})+([.,]\d+)?$")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


class Unreadable(ValueError):
    """The cell's text cannot be read as the value asked for; the message says how to write it."""


def parse_date(cell: Cell) -> datetime.date:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = cell.strip() if isinstance(cell, str) else ""
    if not text:
        raise Unreadable(_("A date is required.") if cell is None or isinstance(cell, str) else _write_date())
    iso, day_first = _ISO.match(text), _DAY_FIRST.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif day_first:
        day, month, year = (int(part) for part in day_first.groups())
    else:
        raise Unreadable(_write_date())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise Unreadable(_("%(text)s is not a date that exists.") % {"text": text}) from None


def _write_date() -> str:
    return _("Write the date as yyyy-mm-dd or dd-mm-yyyy, e.g. 2025-03-31 or 31-03-2025.")


def parse_value(cell: Cell) -> Decimal:
    if isinstance(cell, bool) or isinstance(cell, datetime.date):
        raise Unreadable(_("A number is required here."))
    if isinstance(cell, Decimal | int):
        return Decimal(cell)
    if isinstance(cell, float):
        if not math.isfinite(cell):
            raise Unreadable(_("A number is required here."))
        return Decimal(
            repr(cell)
        )  # the shortest text that reads back as the same float: 0.1, not 0.1000000000000000055…
    text = (cell or "").strip().translate(_MINUS_SIGNS)
    if not text:
        raise Unreadable(_("A value is required."))
    if _GROUPED.match(text) and (text.count(".") + text.count(",")) > 1:
        raise Unreadable(
            _("%(text)s has thousands separators; write the number without them, e.g. 1234,5.") % {"text": text}
        )
    match = _NUMBER.match(text)
    if not match or not (match.group(1) or match.group(2)):
        raise Unreadable(_("%(text)s is not a number; write e.g. 87,5 or 87.5.") % {"text": text})
    whole, decimals = match.groups()
    if decimals is not None and len(decimals) == 3 and whole.lstrip("0") and len(whole) <= 3:
        raise Unreadable(
            _(
                "%(text)s is ambiguous: the separator may mark thousands. Write a whole number without "
                "separators (1234), or a decimal with a fourth digit (1,2340)."
            )
            % {"text": text}
        )
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise Unreadable(_("%(text)s is not a number; write e.g. 87,5 or 87.5.") % {"text": text}) from None


def parse_text(cell: Cell) -> str:
    """Source and note: text as given; a number or date cell as its usual text."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()[:10]
    return str(cell).strip()
