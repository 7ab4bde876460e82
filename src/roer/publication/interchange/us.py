"""The ``us-itdashboard`` mapping: the 2012 US IT Dashboard project extract.

Normalised because it is safe: whitespace, HTML entities, thousands separators and
"($m)" units on amounts, DD/MM/YYYY and DD-MM-YYYY dates and ISO dates, agency name
variants (``agencies.py``). Refused because guessing would be unsafe: rows with too many
or too few cells (shifted or split by a stray comma), numbers or dates that do not
parse, dates whose day and month could be swapped, ambiguous or unknown agency names.
Columns Roer has no field for are kept in the description, so nothing is lost. Amounts
are US dollars, stored as given (not converted), and the description says so.
"""

from __future__ import annotations

import datetime
import html
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from roer.portfolio.models import CostCategory
from roer.publication.interchange.agencies import AMBIGUOUS, agency
from roer.publication.interchange.readers import Sheet
from roer.publication.interchange.records import Problem, Record
from roer.publication.interchange.rijks import consistency

FIRST_LABEL = "Unique Investment Identifier"
AGENCY, NAME, DESCRIPTION = "Agency Name", "Project Name", "Project Description"
START, END_B1, END_B2 = "Start Date", "Completion Date (B1)", "Projected/Actual Project Completion Date (B2)"
PLANNED, PROJECTED = "Planned Cost ($ M)", "Projected/Actual Cost ($ M)"
NUMBER_COLUMNS = (
    "Lifecycle Cost",
    "Schedule Variance (in days)",
    "Schedule Variance (%)",
    "Cost Variance ($ M)",
    "Cost Variance (%)",
    PLANNED,
    PROJECTED,
)
DATE_COLUMNS = (START, END_B1, "Planned Project Completion Date (B2)", END_B2, "Updated Date")
_NUMBER = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_UNIT = re.compile(r"\s*\(?\$\s*m\)?\s*$", re.IGNORECASE)
MILLION = Decimal(1_000_000)


class Bad(ValueError):
    pass


def clean(value: str) -> str:
    return " ".join(html.unescape(value or "").split())


def number(value: str) -> Decimal | None:
    text = _UNIT.sub("", clean(value)).lstrip("$").strip()
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise Bad(_("not a number: %(value)r") % {"value": value})
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise Bad(_("not a number: %(value)r") % {"value": value}) from None


def date(value: str) -> datetime.date | None:
    text = clean(value)
    if not text:
        return None
    try:
        if match := re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text):  # the file's own DD/MM/YYYY
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            year, first, second = int(match[1]), int(match[2]), int(match[3])
            if first > 12 >= second:  # YYYY-DD-MM, unmistakable only because the day exceeds 12
                return datetime.date(year, second, first)
            if second > 12 >= first or first == second:
                return datetime.date(year, first, second)
            raise Bad(_("ambiguous date %(value)r: day and month could be swapped") % {"value": value})
    except Bad:
        raise
    except ValueError:  # a day or month out of range
        pass
    raise Bad(_("not a date: %(value)r") % {"value": value})


def _record(row: int, cells: dict[str, str]) -> tuple[Record | None, list[Problem]]:
    problems: list[Problem] = []
    parsed: dict[str, object] = {}
    for column, parser in [(c, number) for c in NUMBER_COLUMNS] + [(c, date) for c in DATE_COLUMNS]:
        try:
            parsed[column] = parser(cells.get(column, ""))
        except Bad as exc:
            problems.append(Problem(row, column, str(exc)))
    raw_agency = clean(cells.get(AGENCY, ""))
    ministry = agency(raw_agency) or ""
    if raw_agency.lower() in AMBIGUOUS:
        choices = " / ".join(AMBIGUOUS[raw_agency.lower()])
        problems.append(
            Problem(row, AGENCY, _("ambiguous agency %(name)r: %(choices)s") % {"name": raw_agency, "choices": choices})
        )
    elif not raw_agency:
        problems.append(Problem(row, AGENCY, _("required, but empty")))
    elif not ministry:
        problems.append(Problem(row, AGENCY, _("unknown agency %(name)r") % {"name": raw_agency}))
    name = clean(cells.get(NAME, ""))
    if not name:
        problems.append(Problem(row, NAME, _("required, but empty")))
    if problems:
        return None, problems
    kept = [
        f"{column}: {clean(value)}"
        for column, value in cells.items()
        if column not in (NAME, DESCRIPTION) and clean(value)
    ]
    planned, projected = parsed.get(PLANNED), parsed.get(PROJECTED)
    record = Record(
        row=row,
        ministry=ministry,
        name=f"{name} ({clean(cells.get('Unique Project ID', ''))})"[:200],
        phase="execution",
        description="\n".join(
            [
                clean(cells.get(DESCRIPTION, "")),
                "",
                _("Imported from the US IT Dashboard (amounts in US dollars, not converted):"),
                *kept,
            ]
        ).strip(),
        start_date=parsed.get(START),  # type: ignore[arg-type]
        initial_end=parsed.get(END_B1),  # type: ignore[arg-type]
        current_end=parsed.get(END_B2) or parsed.get(END_B1),  # type: ignore[arg-type]
        initial_costs={CostCategory.OTHER: (planned * MILLION).quantize(Decimal("0.01"))}  # type: ignore[operator]
        if planned is not None
        else None,
        current_costs={CostCategory.OTHER: (projected * MILLION).quantize(Decimal("0.01"))}  # type: ignore[operator]
        if projected is not None
        else {},
    )
    # The checks speak the Rijks labels; the person fixing this file needs its own column names.
    own = {"Startdatum": START, "Initiële schatting einddatum": END_B1, "Actuele schatting einddatum": END_B2}
    problems = [Problem(p.row, own.get(p.column, p.column), p.message) for p in consistency(record)]
    return (None if problems else record), problems


def records(sheet: Sheet) -> tuple[list[Record], list[Problem]]:
    found: list[Record] = []
    problems: list[Problem] = []
    width = len(sheet.header)
    for row, cells in sheet.rows:
        if len(cells) != width:
            message = _(
                "%(found)d cells where the header has %(width)d: the row is shifted or split by a stray "
                "comma; align it with the header"
            ) % {"found": len(cells), "width": width}
            problems.append(Problem(row, _("(whole row)"), message))
            continue
        record, row_problems = _record(row, dict(zip(sheet.header, (str(c or "") for c in cells), strict=True)))
        problems += row_problems
        if record is not None:
            found.append(record)
    return found, problems
