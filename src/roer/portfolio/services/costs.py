"""The cost sheet of an initiative: read as a grid, saved all at once, refused when stale.

A sheet is every cost line of one initiative. Its version is a hash of those lines, so a
save based on what someone saw before another person's save is refused instead of
silently overwriting it. Totals (per year and kind, capex/opex, one-off/recurring) are
visible to everyone who may see the initiative; the lines per category need
``portfolio.view_cost_details``. Roll-ups through the org-unit tree: ``costs_rollup``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from roer.portfolio.models import CostCategory, CostKind, CostLine, CostNature, Initiative, Recurrence

YEAR_MIN, YEAR_MAX = 2000, 2100
AMOUNT_MAX = Decimal("999999999999.99")  # 14 digits, 2 after the point
ZERO = Decimal("0.00")

Key = tuple[int, str, str, str]  # year, category, nature, recurrence


@dataclass(frozen=True)
class Problem:
    """What is wrong with one row (1-based, as the form shows it) and column of a sheet."""

    row: int
    field: str
    message: str


class SheetInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"row {p.row}, {p.field}: {p.message}" for p in problems))
        self.problems = problems


class StaleSheet(Exception):
    """Someone saved the sheet after ``expected`` was read; ``version`` is the stored one."""

    def __init__(self, initiative: Initiative, expected: str, version: str) -> None:
        super().__init__(f"{initiative.code}: cost sheet {expected} is stale, stored is {version}")
        self.initiative = initiative
        self.expected = expected
        self.version = version


def sheet_version(initiative: Initiative) -> str:
    """A short hash of every cost line of ``initiative``: it changes with any line added, changed or removed."""
    digest = hashlib.sha256()
    lines = CostLine.objects.filter(initiative=initiative).order_by("pk")
    for row in lines.values_list("pk", "year", "category", "kind", "nature", "recurrence", "amount"):
        digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


def lines_of(initiative: Initiative, kind: str) -> list[CostLine]:
    return list(CostLine.objects.filter(initiative=initiative, kind=kind).order_by("year", "category", "nature", "pk"))


def _choice(value: Any, choices: Any) -> bool:
    return value in choices.values


def _row_problems(number: int, row: dict[str, Any]) -> list[Problem]:
    problems = []
    year = row.get("year")
    if not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        problems.append(
            Problem(number, "year", _("Enter a year from %(min)s to %(max)s.") % {"min": YEAR_MIN, "max": YEAR_MAX})
        )
    for name, choices in (("category", CostCategory), ("nature", CostNature), ("recurrence", Recurrence)):
        if not _choice(row.get(name), choices):
            problems.append(Problem(number, name, _("Choose one of the options.")))
    try:
        amount = Decimal(row.get("amount"))  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        problems.append(Problem(number, "amount", _("Enter an amount in euro.")))
    else:
        if amount < 0:
            problems.append(Problem(number, "amount", _("An amount cannot be negative.")))
        elif amount > AMOUNT_MAX or amount != amount.quantize(Decimal("0.01")):
            problems.append(Problem(number, "amount", _("Enter at most 12 digits before and 2 after the point.")))
    return problems


def check_rows(rows: list[dict[str, Any]]) -> list[Problem]:
    """Every problem of ``rows`` at once: ranges, choices, and two rows for the same cell."""
    problems: list[Problem] = []
    seen: dict[Key, int] = {}
    for number, row in enumerate(rows, start=1):
        found = _row_problems(number, row)
        problems += found
        if any(problem.field != "amount" for problem in found):
            continue  # no sound key to compare
        key: Key = (row["year"], row["category"], row["nature"], row["recurrence"])
        if key in seen:
            message = _("Row %(other)s already has this year, category, capex/opex and one-off/recurring.")
            problems.append(Problem(number, "category", message % {"other": seen[key]}))
        else:
            seen[key] = number
    return problems


def save_sheet(user: Any, initiative: Initiative, kind: str, rows: list[dict[str, Any]], expected: str) -> str:
    """Make the lines of ``kind`` exactly ``rows``, all or nothing; returns the new sheet version.

    Each row holds year, category, nature, recurrence and amount. Lines are saved one by
    one so that every change is audited with its values before and after.
    """
    if not _choice(kind, CostKind):
        raise SheetInvalid([Problem(0, "kind", _("Choose plan, actual or forecast."))])
    with transaction.atomic():
        # The initiative's row lock serialises saves of its sheet; the hash is read under it.
        stored = Initiative.objects.select_for_update().select_related("org_unit").get(pk=initiative.pk)
        if not (user.has_perm("portfolio.change_initiative", stored) and can_see_details(user, stored)):
            raise PermissionDenied(_("You may not change the costs of %(code)s.") % {"code": stored.code})
        current = sheet_version(stored)
        if current != expected:
            raise StaleSheet(stored, expected, current)
        problems = check_rows(rows)
        if problems:
            raise SheetInvalid(problems)
        existing = {(line.year, line.category, line.nature, line.recurrence): line for line in lines_of(stored, kind)}
        for row in rows:
            key = (row["year"], row["category"], row["nature"], row["recurrence"])
            amount = Decimal(row["amount"]).quantize(Decimal("0.01"))
            line = existing.pop(key, None)
            if line is None:
                line = CostLine(initiative=stored, kind=kind, year=key[0], category=key[1], nature=key[2])
                line.recurrence = key[3]
            elif line.amount == amount:
                continue
            line.amount = amount
            line.full_clean()
            line.save()
        for line in existing.values():
            line.delete()
        return sheet_version(stored)


def can_see_details(user: Any, initiative: Initiative) -> bool:
    return bool(user.has_perm("portfolio.view_cost_details", initiative))


# --- reading: grids and totals -------------------------------------------------------


@dataclass
class Totals:
    """Amounts per year and kind, with the splits capex/opex and one-off/recurring per kind."""

    years: list[int]
    by_year: dict[str, dict[int, Decimal]]  # kind → year → amount
    by_kind: dict[str, Decimal]
    splits: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # kind → split → amount

    def rows(self) -> list[dict[str, Any]]:
        """One row per kind, for a table: label, amounts per year, total, splits."""
        return [
            {
                "kind": kind,
                "label": label,
                "cells": [self.by_year.get(kind, {}).get(year, ZERO) for year in self.years],
                "total": self.by_kind.get(kind, ZERO),
                "splits": self.splits.get(kind, {}),
            }
            for kind, label in CostKind.choices
        ]

    @property
    def empty(self) -> bool:
        return not self.years


def totals(lines: Any) -> Totals:
    """Totals of a cost-line query set, summed by the database."""
    by_year: dict[str, dict[int, Decimal]] = defaultdict(dict)
    by_kind: dict[str, Decimal] = defaultdict(lambda: ZERO)
    years: set[int] = set()
    for row in lines.order_by().values("kind", "year").annotate(amount=Sum("amount")):
        by_year[row["kind"]][row["year"]] = row["amount"]
        by_kind[row["kind"]] += row["amount"]
        years.add(row["year"])
    splits: dict[str, dict[str, Decimal]] = {}
    split_filters = {
        "capex": Q(nature=CostNature.CAPEX),
        "opex": Q(nature=CostNature.OPEX),
        "one_off": Q(recurrence=Recurrence.ONE_OFF),
        "recurring": Q(recurrence=Recurrence.RECURRING),
    }
    annotations = {name: Sum("amount", filter=condition) for name, condition in split_filters.items()}
    for row in lines.order_by().values("kind").annotate(**annotations):
        splits[row["kind"]] = {name: row[name] or ZERO for name in split_filters}
    return Totals(sorted(years), dict(by_year), dict(by_kind), splits)


@dataclass
class Grid:
    """One kind's amounts by category (rows) and year (columns), with totals both ways."""

    kind: str
    label: str
    years: list[int]
    rows: list[dict[str, Any]]
    year_totals: list[Decimal]
    total: Decimal


def grids(initiative: Initiative) -> list[Grid]:
    """The detail grids, one per kind: only for people who may see cost details."""
    cells: dict[tuple[str, str, int], Decimal] = {}
    years: set[int] = set()
    lines = CostLine.objects.filter(initiative=initiative).order_by()
    for row in lines.values("kind", "category", "year").annotate(amount=Sum("amount")):
        cells[(row["kind"], row["category"], row["year"])] = row["amount"]
        years.add(row["year"])
    ordered = sorted(years)
    result = []
    for kind, label in CostKind.choices:
        rows = []
        for category, category_label in CostCategory.choices:
            amounts = [cells.get((kind, category, year), ZERO) for year in ordered]
            rows.append({"category": category_label, "cells": amounts, "total": sum(amounts, ZERO)})
        year_totals = [sum((cells.get((kind, c, y), ZERO) for c in CostCategory.values), ZERO) for y in ordered]
        result.append(Grid(kind, str(label), ordered, rows, year_totals, sum(year_totals, ZERO)))
    return result
