"""Dates and numbers as the import reads them: Dutch and English, never guessed."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from roer.strategy.imports.values import Unreadable, parse_date, parse_text, parse_value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-31", datetime.date(2025, 3, 31)),
        (" 31-03-2025 ", datetime.date(2025, 3, 31)),
        ("1-4-2025", datetime.date(2025, 4, 1)),
        (datetime.datetime(2025, 3, 31, 0, 0), datetime.date(2025, 3, 31)),
        (datetime.date(2025, 3, 31), datetime.date(2025, 3, 31)),
    ],
)
def test_dates_that_are_read(cell: object, expected: datetime.date) -> None:
    assert parse_date(cell) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/03/2025", "yyyy-mm-dd or dd-mm-yyyy"),
        ("03-31-2025", "not a date that exists"),
        ("2025-02-30", "not a date that exists"),
        ("maart 2025", "yyyy-mm-dd or dd-mm-yyyy"),
        (45747, "yyyy-mm-dd or dd-mm-yyyy"),  # a spreadsheet serial number in a cell not formatted as a date
        ("", "required"),
        (None, "required"),
    ],
)
def test_dates_that_are_refused(cell: object, message: str) -> None:
    with pytest.raises(Unreadable, match=message):
        parse_date(cell)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("87,5", "87.5"),
        ("87.5", "87.5"),
        ("-3", "-3"),
        ("+12", "12"),
        ("\u22120,25", "-0.25"),  # a typographic minus
        ("0,125", "0.125"),  # a zero whole part cannot hold thousands
        ("1234,567", "1234.567"),  # four digits before the separator: not a thousands group
        ("1,2340", "1.2340"),
        (",5", "0.5"),
        (12, "12"),
        (0.1, "0.1"),
        (Decimal("7.25"), "7.25"),
    ],
)
def test_numbers_that_are_read(cell: object, expected: str) -> None:
    assert parse_value(cell) == Decimal(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("1.234,5", "thousands separators"),
        ("1,234.5", "thousands separators"),
        ("1.234.567", "thousands separators"),
        ("1.234", "ambiguous"),
        ("12,500", "ambiguous"),
        ("-100.000", "ambiguous"),
        ("1 234", "not a number"),
        ("12%", "not a number"),
        ("n.v.t.", "not a number"),
        ("", "required"),
        (None, "required"),
        (True, "number is required"),
        (float("nan"), "number is required"),
    ],
)
def test_numbers_that_are_refused(cell: object, message: str) -> None:
    with pytest.raises(Unreadable, match=message):
        parse_value(cell)  # type: ignore[arg-type]


def test_text_cells() -> None:
    assert parse_text(None) == ""
    assert parse_text("  CBS  ") == "CBS"
    assert parse_text(2025) == "2025"
    assert parse_text(datetime.datetime(2025, 3, 31, 12, 0)) == "2025-03-31"
