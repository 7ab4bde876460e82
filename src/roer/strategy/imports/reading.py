"""Reading a CSV or xlsx file into numbered rows of cells, keyed by the import's column names.

CSV: UTF-8 (with or without byte-order mark), else Windows-1252 as older Excel writes it;
the separator (semicolon, comma or tab) is the one the header line uses most, since a
Dutch Excel writes semicolons. xlsx: the first worksheet; dates and numbers arrive as
the cell's own type. Column headers may be English or Dutch, in any case and order.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from roer.strategy.imports.problems import ImportFailed, Problem, fail

Cell = str | int | float | Decimal | datetime.date | datetime.datetime | bool | None

REQUIRED = ("kpi", "date", "value")
OPTIONAL = ("source", "note")
ALIASES = {
    "kpi": "kpi",
    "indicator": "kpi",
    "date": "date",
    "datum": "date",
    "value": "value",
    "waarde": "value",
    "source": "source",
    "bron": "source",
    "note": "note",
    "toelichting": "note",
    "opmerking": "note",
}
MAX_ROWS = 50_000
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet counts: the header is row 1
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]  # the import's names of the columns present, in file order
    rows: list[Row]


def read_table(data: bytes, filename: str = "") -> Table:
    """The file's rows (blank ones left out); ``ImportFailed`` when the file or its header is unusable."""
    name = filename.lower()
    if name.endswith(".xls"):
        raise fail(_("Old .xls files cannot be read; save the sheet as .xlsx or .csv."))
    if data.startswith(_XLSX_MAGIC) or name.endswith(".xlsx"):
        lines = _xlsx_lines(data)
    else:
        lines = _csv_lines(data)
    header = next(lines, None)
    if header is None:
        raise fail(_("The file is empty."))
    columns = _columns(header)
    rows: list[Row] = []
    for number, cells in enumerate(lines, start=2):
        if all(_blank(cell) for cell in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise fail(_("A file may hold at most %(count)d rows; split it.") % {"count": MAX_ROWS})
        rows.append(Row(number, {column: _at(cells, i) for i, column in enumerate(columns)}))
    if not rows:
        raise fail(_("The file holds no measurements, only a header."))
    return Table(tuple(columns), rows)


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _at(cells: list[Cell], index: int) -> Cell:
    return cells[index] if index < len(cells) else None


def _columns(header: list[Cell]) -> list[str]:
    problems: list[Problem] = []
    columns: list[str] = []
    for cell in header:
        text = "" if cell is None else str(cell).strip()
        column = ALIASES.get(text.lower())
        if column is None:
            known = ", ".join(REQUIRED + OPTIONAL)
            problems.append(Problem(1, text, _("Unknown column; the columns are %(known)s.") % {"known": known}))
        elif column in columns:
            problems.append(Problem(1, column, _("This column appears twice.")))
        columns.append(column or text)
    for column in REQUIRED:
        if column not in columns:
            problems.append(Problem(1, column, _("This column is missing.")))
    if problems:
        raise ImportFailed(problems)
    return columns


def _csv_lines(data: bytes) -> Iterator[list[Cell]]:
    if b"\x00" in data[:4096]:
        raise fail(_("This is not a CSV or xlsx file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        records: list[list[Cell]] = [list(record) for record in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise fail(_("This CSV file cannot be read (%(error)s).") % {"error": error}) from None
    yield from records


def _xlsx_lines(data: bytes) -> Iterator[list[Cell]]:
    from openpyxl import load_workbook  # only imports need it; keep it out of every page load

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise fail(_("This xlsx file cannot be read (%(error)s).") % {"error": error}) from None
    try:
        sheet: Any = workbook.worksheets[0]
        # Read everything now: the workbook is closed before the rows are checked.
        lines = [list(values) for values in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    yield from lines
