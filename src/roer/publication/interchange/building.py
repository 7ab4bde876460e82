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


def _scaled(costs: dict[str, Decimal], total: Decimal) -> list[BaselineCost]:
    """Costs per category in the proportions of ``costs``, adding up to ``total`` exactly."""
    base = sum(costs.values(), ZERO)
    if not costs or not base:
        return [BaselineCost(category="other", amount=total)]
    amounts = {c: (a * total / base).quantize(Decimal("0.01")) for c, a in costs.items()}
    largest = max(amounts, key=lambda c: amounts[c])
    amounts[largest] += total - sum(amounts.values(), ZERO)
    return [BaselineCost(category=c, amount=a) for c, a in amounts.items()]


def _baselines(record: Record, reference: datetime.date, user: Any) -> list[tuple[Baseline, list[BaselineCost]]]:
    """The initial baseline and the re-baselines, dated so that "estimate last year" comes out as in the file.

    The format has no dates for baselines: the estimate of last year tells whether a
    baseline was recorded before the reference year, and its total.
    """
    if record.start_date is None or record.initial_end is None:
        return []
    last_year_end = datetime.date(reference.year - 1, 12, 31)
    this_year = datetime.date(reference.year, 1, 1)
    known_last_year = record.estimate_last_year is not None
    initial_costs = record.initial_costs or {}
    initial = Baseline(
        number=0,
        kind=BaselineKind.INITIAL,
        start_date=record.start_date,
        end_date=record.initial_end,
        recorded_on=min(record.start_date, last_year_end) if known_last_year else max(record.start_date, this_year),
        recorded_by=user,
    )
    made = [(initial, [BaselineCost(category=c, amount=a) for c, a in initial_costs.items()])]
    reasons = list(record.reasons)
    if not reasons and record.current_end and record.current_end != record.initial_end:
        reasons = [""]
    initial_total = sum(initial_costs.values(), ZERO)
    earlier = known_last_year and record.estimate_last_year != initial_total
    for number, reason in enumerate(reasons, start=1):
        rebaseline = Baseline(
            number=number,
            kind=BaselineKind.REBASELINE,
            start_date=record.start_date,
            end_date=record.current_end or record.initial_end,
            reason=reason,
            recorded_by=user,
            recorded_on=last_year_end if earlier else max(reference, record.start_date),
        )
        if earlier:
            costs = _scaled(record.current_costs or initial_costs, record.estimate_last_year or ZERO)
        else:
            costs = [BaselineCost(category=c, amount=a) for c, a in record.current_costs.items()]
        made.append((rebaseline, costs))
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
