"""Readers: a file becomes numbered rows of cell values, whatever its format.

Row numbers are those a person sees in the file: the line in a text file (where a
record starts), the row in a spreadsheet. Lines before the header are a preamble.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any


class Unreadable(Exception):
    """The file as a whole cannot be read."""


@dataclass
class Sheet:
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[Any]]]  # (row number in the file, cells)


def _find_header(records: list[tuple[int, list[Any]]], first_label: str) -> Sheet:
    for index, (number, cells) in enumerate(records):
        labels = [str(c).strip() if c is not None else "" for c in cells]
        if first_label in labels:
            rows = [r for r in records[index + 1 :] if any(c not in (None, "") for c in r[1])]
            return Sheet(labels, number, rows)
    raise Unreadable(f"No header row with the column {first_label!r} was found.")


def _csv_records(data: bytes) -> list[tuple[int, list[Any]]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")  # older exports; a wrong byte shows, not hides
    reader = csv.reader(io.StringIO(content, newline=""))
    records = []
    start = 1
    for cells in reader:
        records.append((start, list(cells)))
        start = reader.line_num + 1
    return records


def _xlsx_records(data: bytes) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    records = [(number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
    book.close()
    return records


def _ods_records(data: bytes) -> list[tuple[int, list[Any]]]:
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    document = load(io.BytesIO(data))
    table = document.spreadsheet.getElementsByType(Table)[0]
    records = []
    for number, row in enumerate(table.getElementsByType(TableRow), start=1):
        cells: list[Any] = []
        for cell in row.getElementsByType(TableCell):
            kind = cell.attributes.get((OFFICENS, "value-type"))
            if kind == "float":
                value: Any = Decimal(cell.attributes[(OFFICENS, "value")])
            elif kind == "date":
                value = datetime.date.fromisoformat(cell.attributes[(OFFICENS, "date-value")][:10])
            elif kind is None:
                value = None
            else:
                value = "\n".join(str(p) for p in cell.childNodes)
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            cells.extend([value] * min(repeat, 1000))
        records.append((number, cells))
    return records


def _json_records(data: bytes) -> list[tuple[int, list[Any]]]:
    try:
        document = json.loads(data, parse_float=Decimal)
    except ValueError as exc:
        raise Unreadable(f"Not valid JSON: {exc}") from exc
    projects = document.get("projects") if isinstance(document, dict) else document
    if not isinstance(projects, list) or not all(isinstance(p, dict) for p in projects):
        raise Unreadable("Expected a list of projects, or an object with 'projects'.")
    fields = list(dict.fromkeys(key for project in projects for key in project))
    # JSON keys are the internal field names; the record number stands for the row.
    return [(0, fields)] + [(n, [p.get(f) for f in fields]) for n, p in enumerate(projects, start=1)]


READERS = {".csv": _csv_records, ".xlsx": _xlsx_records, ".ods": _ods_records, ".json": _json_records}


def read(path: Path, first_label: str, first_field: str) -> Sheet:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise Unreadable(f"Unknown file type {path.suffix!r}: use .csv, .xlsx, .ods or .json.")
    try:
        records = reader(path.read_bytes())
    except Unreadable:
        raise
    except Exception as exc:  # a damaged spreadsheet raises many kinds of errors; all mean the same
        raise Unreadable(f"Cannot read {path.name}: {exc}") from exc
    return _find_header(records, first_field if path.suffix.lower() == ".json" else first_label)
