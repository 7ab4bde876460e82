"""Cost totals rolled up through the org-unit tree, summed by the database.

A unit's total holds the cost lines of every initiative in the unit and in every unit
below it: one prefix match on the materialised path (``/1/3/`` matches ``/1/3/7/``).
Only lines of initiatives the person may see count, so a roll-up never reveals more
than the initiatives themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from roer.organisation.models import OrgUnit
from roer.portfolio.models import CostKind, CostLine
from roer.portfolio.services.costs import Totals, totals

_MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=18, decimal_places=2)


def visible_lines(user: Any) -> QuerySet[CostLine]:
    return CostLine.objects.for_user(user)


def unit_totals(user: Any, unit: OrgUnit) -> Totals:
    """Plan, actual and forecast per year of ``unit`` and everything below it."""
    return totals(visible_lines(user).filter(initiative__org_unit__path__startswith=unit.path))


@dataclass
class UnitRow:
    unit: OrgUnit | None  # None: the initiatives of the unit itself, not of a unit below
    amounts: list[Decimal]  # in the order of CostKind


def _sum_for(lines: QuerySet[CostLine], kind: str) -> Coalesce:
    total = lines.filter(kind=kind).order_by().values("kind").annotate(total=Sum("amount")).values("total")
    return Coalesce(Subquery(total, output_field=_MONEY), Value(Decimal("0.00")), output_field=_MONEY)


def _key(kind: str) -> str:
    return f"total_{kind}"


def children_totals(user: Any, unit: OrgUnit, children: QuerySet[OrgUnit], year: int | None = None) -> list[UnitRow]:
    """Per unit directly below ``unit`` the totals of its subtree per kind, plus a row for ``unit`` itself.

    One query for the children (a correlated subquery per kind) and one for the unit's own lines.
    """
    lines = visible_lines(user)
    if year is not None:
        lines = lines.filter(year=year)
    below = lines.filter(initiative__org_unit__path__startswith=OuterRef("path"))
    annotated = children.order_by("name").annotate(**{_key(k): _sum_for(below, k) for k in CostKind.values})
    rows = [UnitRow(child, [getattr(child, _key(k)) for k in CostKind.values]) for child in annotated]
    own = dict(
        lines.filter(initiative__org_unit=unit)
        .order_by()
        .values("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    rows.insert(0, UnitRow(None, [own.get(k, Decimal("0.00")) for k in CostKind.values]))
    return rows
