"""Turn checked records into unsaved model rows: baselines, cost lines and the lists.

The Rijks format carries totals where Roer keeps details, so the import rebuilds
details that reproduce the totals exactly: actual spending is filled into last year and
this year until the cumulative figures are met; the rest of the current estimate becomes
a forecast for next year. Counts without details (achieved milestones, AcICT advice)
become placeholder entries that say so, so that nothing in the file is lost.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from roer.portfolio.models import (
    Baseline,
    BaselineCost,
    BaselineKind,
    CostKind,
    CostLine,
    Initiative,
    Milestone,
    ParliamentaryDocument,
    SocietalBenefit,
)
from roer.publication.interchange.records import Record

ZERO = Decimal("0.00")


@dataclass
class Built:
    initiative: Initiative
    baselines: list[tuple[Baseline, list[BaselineCost]]] = field(default_factory=list)
    cost_lines: list[CostLine] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    benefits: list[SocietalBenefit] = field(default_factory=list)
    documents: list[ParliamentaryDocument] = field(default_factory=list)


def _fill(remaining: dict[str, Decimal], needed: Decimal) -> dict[str, Decimal]:
    """Take ``needed`` from the categories in order, never more than each has left."""
    taken: dict[str, Decimal] = {}
    for category in sorted(remaining):
        if needed <= 0:
            break
        part = min(remaining[category], needed)
        if part > 0:
            taken[category] = part
            remaining[category] -= part
            needed -= part
    return taken


def _cost_lines(record: Record, year: int) -> list[CostLine]:
    remaining = dict(record.actual_costs)
    lines = []
    parts = (
        (year - 1, _fill(remaining, record.spent_until_last_year)),
        (year, _fill(remaining, record.spent_until_now - record.spent_until_last_year)),
        (year + 1, {c: a for c, a in remaining.items() if a > 0}),
    )
    for line_year, amounts in parts:
        lines += [CostLine(year=line_year, category=c, kind=CostKind.ACTUAL, amount=a) for c, a in amounts.items()]
    for category, estimate in record.current_costs.items():
        rest = estimate - record.actual_costs.get(category, ZERO)
        if rest > 0:
            lines.append(CostLine(year=year + 2, category=category, kind=CostKind.FORECAST, amount=rest))
    return lines


def _baselines(record: Record, reference: datetime.date, user: Any) -> list[tuple[Baseline, list[BaselineCost]]]:
    if record.start_date is None or record.initial_end is None:
        return []
    initial = Baseline(
        number=0,
        kind=BaselineKind.INITIAL,
        recorded_on=record.start_date,
        start_date=record.start_date,
        end_date=record.initial_end,
        recorded_by=user,
    )
    made = [(initial, [BaselineCost(category=c, amount=a) for c, a in (record.initial_costs or {}).items()])]
    reasons = list(record.reasons)
    if not reasons and record.current_end and record.current_end != record.initial_end:
        reasons = [""]
    for number, reason in enumerate(reasons, start=1):
        rebaseline = Baseline(
            number=number,
            kind=BaselineKind.REBASELINE,
            recorded_on=max(reference, record.start_date),
            start_date=record.start_date,
            end_date=record.current_end or record.initial_end,
            reason=reason,
            recorded_by=user,
        )
        made.append((rebaseline, [BaselineCost(category=c, amount=a) for c, a in record.current_costs.items()]))
    return made


def build(record: Record, initiative: Initiative, reference: datetime.date, user: Any) -> Built:
    on = record.start_date or reference
    return Built(
        initiative=initiative,
        baselines=_baselines(record, reference, user),
        cost_lines=_cost_lines(record, reference.year),
        milestones=[
            Milestone(
                description=_("Achieved milestone %(n)d (imported; the file gives no details)") % {"n": n},
                expected_on=on,
                realised_on=on,
                achieved=True,
            )
            for n in range(1, record.milestones_achieved + 1)
        ],
        benefits=[SocietalBenefit(explanation=text) for text in record.benefits],
        documents=[
            ParliamentaryDocument(
                title=_("Independent advice %(n)d (imported; the file gives no details)") % {"n": n},
                independent_advice=True,
            )
            for n in range(1, record.advice_count + 1)
        ],
    )
