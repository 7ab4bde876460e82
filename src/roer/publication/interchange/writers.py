"""Writers for the open-data formats: csv, xlsx (openpyxl), ods (odfpy) and json.

Each takes rows keyed by the internal field names and returns the file's bytes. The
header is the Dutch label of the dashboard; json keys are the internal field names.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from roer.publication.interchange.columns import COLUMNS, Kind

Row = dict[str, Any]
FORMATS = ("csv", "xlsx", "ods", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "json": "application/json",
}
SHEET = "ICT-activiteiten"
CENT = Decimal("0.01")
TENTH = Decimal("0.1")


def normalised(kind: Kind, value: Any) -> Any:
    """The value as it is written: money to the cent, other numbers to one decimal."""
    if value is None or value == "":
        return None
    if kind is Kind.MONEY:
        return Decimal(value).quantize(CENT)
    if kind is Kind.NUMBER:
        return Decimal(value).quantize(TENTH)
    return value


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_csv(rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.label for c in COLUMNS])
    for row in rows:
        writer.writerow([text(normalised(c.kind, row.get(c.field))) for c in COLUMNS])
    # A byte-order mark so that spreadsheet programs read the accents as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _DecimalEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        # Up to 15 significant digits a float prints as its shortest decimal: cents survive.
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


def write_json(rows: Sequence[Row]) -> bytes:
    records = [{c.field: _json_value(normalised(c.kind, row.get(c.field))) for c in COLUMNS} for row in rows]
    document = {"columns": [{"field": c.field, "label": c.label} for c in COLUMNS], "projects": records}
    return json.dumps(document, cls=_DecimalEncoder, ensure_ascii=False, indent=1).encode("utf-8")


def write_xlsx(rows: Sequence[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append([c.label for c in COLUMNS])
    formats = {Kind.MONEY: "#,##0.00", Kind.NUMBER: "0.0", Kind.DATE: "yyyy-mm-dd"}
    for row in rows:
        cells = []
        for column in COLUMNS:
            cell = WriteOnlyCell(sheet, value=normalised(column.kind, row.get(column.field)))
            if column.kind in formats:
                cell.number_format = formats[column.kind]
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_ods(rows: Sequence[Row]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name=SHEET)

    def cell(value: Any) -> Any:
        if value is None:
            return TableCell()
        if isinstance(value, datetime.date):
            made = TableCell(valuetype="date", datevalue=value.isoformat())
        elif isinstance(value, (int, Decimal)):
            made = TableCell(valuetype="float", value=str(value))
        else:
            made = TableCell(valuetype="string")
        made.addElement(P(text=text(value)))
        return made

    for values in [[c.label for c in COLUMNS]] + [
        [normalised(c.kind, row.get(c.field)) for c in COLUMNS] for row in rows
    ]:
        table_row = TableRow()
        for value in values:
            table_row.addElement(cell(value))
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


WRITERS: dict[str, Callable[[Sequence[Row]], bytes]] = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "ods": write_ods,
    "json": write_json,
}
