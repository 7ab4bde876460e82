"""The frozen content of a publication version: public fields and derived figures.

The 58-column row is the same one the open data and the export carry, so the portal
and the spreadsheet cannot disagree. Values are stored JSON-safe (Decimal as text,
dates as ISO text) and turned back by ``row_values``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from roer.portfolio.models import Initiative
from roer.publication.interchange.columns import COLUMNS, Kind
from roer.publication.interchange.figures import ministry_names, rijks_row, with_related

SCHEMA = 1


def _safe(value: Any) -> Any:
    if isinstance(value, (Decimal, datetime.date)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


def row_values(stored: dict[str, Any]) -> dict[str, Any]:
    """The stored row with Decimals and dates back, ready for the writers."""
    values: dict[str, Any] = {}
    for column in COLUMNS:
        value = stored.get(column.field)
        if value is not None and column.kind in (Kind.MONEY, Kind.NUMBER):
            value = Decimal(value)
        elif value is not None and column.kind is Kind.DATE:
            value = datetime.date.fromisoformat(value)
        values[column.field] = value
    return values


def build_snapshot(initiative: Initiative, reference: datetime.date) -> dict[str, Any]:
    item = with_related(Initiative.objects.filter(pk=initiative.pk)).prefetch_related(
        "quality_reviews", "development_parties"
    )[0]
    ministry = ministry_names([item.org_unit])[item.org_unit_id]
    baselines = list(item.baselines.all())
    return {
        "schema": SCHEMA,
        "reference_date": reference.isoformat(),
        "code": item.code,
        "name": item.name,
        "organisation": ministry,
        "unit": item.org_unit.name,
        "description": item.description,
        "topic": item.topic,
        "service_domain": item.service_domain,
        "approach": item.approach,
        "activity_type": item.activity_type,
        "phase": item.phase,
        "row": {field: _safe(value) for field, value in rijks_row(item, reference, ministry).items()},
        "rebaselines": [
            {
                "number": b.number,
                "recorded_on": b.recorded_on.isoformat(),
                "end_date": b.end_date.isoformat(),
                "total": str(sum((c.amount for c in b.costs.all()), Decimal("0.00"))),
                "reason": b.reason,
                "cost_change_explanation": b.cost_change_explanation,
                "end_date_change_explanation": b.end_date_change_explanation,
            }
            for b in baselines[1:]
        ],
        "milestones": [
            {
                "description": m.description,
                "expected_on": m.expected_on.isoformat(),
                "realised_on": m.realised_on.isoformat() if m.realised_on else None,
                "achieved": m.achieved,
                "met_requirements": m.met_requirements,
            }
            for m in item.milestones.all()
        ],
        "quality_reviews": [
            {"held_on": r.held_on.isoformat(), "party": r.party, "kind": r.kind, "outcome": r.outcome}
            for r in item.quality_reviews.all()
        ],
        "parties": [{"party": p.party, "role": p.role} for p in item.development_parties.all()],
        "documents": [
            {"title": d.title, "number": d.number, "link": d.link, "independent_advice": d.independent_advice}
            for d in item.documents.all()
        ],
    }


def differences(draft: dict[str, Any], published: dict[str, Any] | None) -> list[tuple[str, Any, Any]]:
    """(what, published value, draft value) for everything that would change on publishing."""
    before = published or {}
    changes = []
    for column in COLUMNS:
        old, new = (before.get("row") or {}).get(column.field), draft["row"].get(column.field)
        if old != new:
            changes.append((column.label, old, new))
    for key in ("name", "description", "topic", "service_domain", "rebaselines", "milestones", "quality_reviews",
                "parties", "documents"):  # fmt: skip
        if before.get(key) != draft.get(key):
            changes.append((key, before.get(key), draft.get(key)))
    return changes
