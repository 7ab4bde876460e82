"""The ``rijks`` mapping: rows in the dashboard's own 58-column format become records.

Source columns are read strictly; derived columns are ignored because Roer recomputes
them from what it stores (a file cannot contradict itself that way). A combined
"(oud)" hardware/software column that stands alone cannot be split: it is refused.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from roer.publication.interchange import values
from roer.publication.interchange.columns import (
    ACTIVITY_BY_LABEL,
    BY_FIELD,
    BY_LABEL,
    COLUMNS,
    COMBINED,
    COST_GROUPS,
    LIST_SEPARATOR,
    PHASE_BY_STATUS,
)
from roer.publication.interchange.readers import Sheet
from roer.publication.interchange.records import Problem, Record

FIRST_LABEL = COLUMNS[0].label
FIRST_FIELD = COLUMNS[0].field
REQUIRED = ("MinisterieNaam", "Naam", "ProjectStatus")


def _column_names(sheet: Sheet) -> tuple[dict[str, int], list[Problem]]:
    """Field name per column index, from labels (spreadsheets) or field names (json)."""
    positions: dict[str, int] = {}
    problems = []
    for index, heading in enumerate(sheet.header):
        column = BY_LABEL.get(heading) or BY_FIELD.get(heading)
        if column is not None:
            positions[column.field] = index
        elif heading:
            problems.append(Problem(sheet.header_row, heading, _("unknown column; remove it or rename it")))
    for field in REQUIRED:
        if field not in positions:
            problems.append(Problem(sheet.header_row, BY_FIELD[field].label, _("required column is missing")))
    return positions, problems


def _costs(cells: dict[str, Any], suffix: str, row: int, problems: list[Problem]) -> dict[str, Decimal] | None:
    amounts: dict[str, Decimal] = {}
    seen = False
    for stem, _label, categories in COST_GROUPS:
        field = stem + suffix
        try:
            amount = values.money(cells.get(field))
        except values.BadValue as exc:
            problems.append(Problem(row, BY_FIELD[field].label, str(exc)))
            continue
        if amount is None:
            continue
        seen = True
        if stem == COMBINED:
            continue
        amounts[categories[0]] = amount
    combined = cells.get(COMBINED + suffix)
    if not values.blank(combined) and not amounts:
        message = _("a combined hardware, software and data amount cannot be split; fill in the separate columns")
        problems.append(Problem(row, BY_FIELD[COMBINED + suffix].label, message))
    return amounts if seen else None


def _record(row: int, cells: dict[str, Any]) -> tuple[Record | None, list[Problem]]:
    problems: list[Problem] = []

    def read(field: str, parser: Any) -> Any:
        try:
            return parser(cells.get(field))
        except values.BadValue as exc:
            problems.append(Problem(row, BY_FIELD[field].label, str(exc)))
            return None

    for field in REQUIRED:
        if values.blank(cells.get(field)):
            problems.append(Problem(row, BY_FIELD[field].label, _("required, but empty")))
    status = values.text(cells.get("ProjectStatus"))
    if status and status not in PHASE_BY_STATUS:
        choices = ", ".join(PHASE_BY_STATUS)
        problems.append(Problem(row, BY_FIELD["ProjectStatus"].label, _("unknown status; use one of %s") % choices))
    activity = values.text(cells.get("SoortICTActiviteit"))
    if activity and activity.lower() not in ACTIVITY_BY_LABEL:
        problems.append(Problem(row, BY_FIELD["SoortICTActiviteit"].label, _("unknown kind of ICT activity")))
    record = Record(
        row=row,
        ministry=values.text(cells.get("MinisterieNaam")),
        name=values.text(cells.get("Naam")),
        phase=PHASE_BY_STATUS.get(status, ""),
        activity_type=ACTIVITY_BY_LABEL.get(activity.lower(), ""),
        benefits=[
            b.strip() for b in values.text(cells.get("MaatschappelijkeBaat")).split(LIST_SEPARATOR.strip()) if b.strip()
        ],
        milestones_achieved=read("AantalBehaaldeMijlpalen", values.count) or 0,
        advice_count=read("AantalAcICTAdviezen", values.count) or 0,
        start_date=read("StartDatum", values.date),
        initial_end=read("SchattingEinddatumInitieel", values.date),
        current_end=read("SchattingEinddatumActueel", values.date),
        reasons=[
            r.strip() for r in values.text(cells.get("RedenenHerijkingen")).split(LIST_SEPARATOR.strip()) if r.strip()
        ],
        initial_costs=_costs(cells, "Initieel", row, problems),
        current_costs=_costs(cells, "Actueel", row, problems) or {},
        actual_costs=_costs(cells, "Daadwerkelijk", row, problems) or {},
        spent_until_now=read("CumulatieveKostenHuidigJaar", values.money) or Decimal("0.00"),
        spent_until_last_year=read("CumulatieveKostenVorigJaar", values.money) or Decimal("0.00"),
        estimate_last_year=read("SchattingTotaleKostenVorigJaar", values.money),
    )
    problems += consistency(record)
    return (None if problems else record), problems


def consistency(record: Record) -> list[Problem]:
    """What no store could hold: an end before the start, spending that does not add up."""
    problems = []
    label = BY_FIELD
    if record.start_date is None and (record.initial_end or record.current_end or record.initial_costs):
        problems.append(Problem(record.row, label["StartDatum"].label, _("a baseline needs a start date")))
    for field, end in (
        ("SchattingEinddatumInitieel", record.initial_end),
        ("SchattingEinddatumActueel", record.current_end),
    ):
        if end and record.start_date and end < record.start_date:
            problems.append(Problem(record.row, label[field].label, _("ends before the start date")))
    if record.current_end and not record.initial_end:
        problems.append(
            Problem(record.row, label["SchattingEinddatumInitieel"].label, _("required with a current end date"))
        )
    if record.estimate_last_year is not None and record.initial_end is None:
        message = _("an estimate of last year needs an initial end date")
        problems.append(Problem(record.row, label["SchattingEinddatumInitieel"].label, message))
    actual = sum(record.actual_costs.values(), Decimal(0))
    if not record.spent_until_last_year <= record.spent_until_now <= actual:
        message = _("cumulative spending must grow from last year to this year and stay within the actual costs")
        problems.append(Problem(record.row, label["CumulatieveKostenHuidigJaar"].label, message))
    for category, amount in record.actual_costs.items():
        if record.current_costs.get(category, Decimal(0)) < amount:
            problems.append(
                Problem(
                    record.row,
                    label["SchattingTotaleKostenHuidigJaar"].label,
                    _("the current estimate per category cannot be below what was spent"),
                )
            )
            break
    return problems


def records(sheet: Sheet) -> tuple[list[Record], list[Problem]]:
    positions, problems = _column_names(sheet)
    if problems:
        return [], problems
    found: list[Record] = []
    for row, cells in sheet.rows:
        if len(cells) > len(sheet.header) and any(not values.blank(c) for c in cells[len(sheet.header) :]):
            problems.append(Problem(row, _("(whole row)"), _("more cells than columns: the row is shifted")))
            continue
        named = {field: cells[index] if index < len(cells) else None for field, index in positions.items()}
        record, row_problems = _record(row, named)
        problems += row_problems
        if record is not None:
            found.append(record)
    return found, problems
