"""The Rijks row of one initiative: its public fields and the derived figures.

Shared by the export, the open data and the publication snapshot, so that the portal,
the spreadsheet and the command line always show the same numbers. Everything compares
against the *initial* baseline (number 0) and shows the latest beside it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet

from roer.organisation.models import OrgUnit
from roer.portfolio.health.variance import years_between
from roer.portfolio.models import Baseline, CostKind, Initiative
from roer.publication.interchange.columns import (
    ACTIVITY_LABELS,
    COST_GROUPS,
    LIST_SEPARATOR,
    RUNNING_STATUS,
    STATUS_BY_PHASE,
)

Row = dict[str, Any]
ZERO = Decimal("0.00")
MILLION = Decimal(1_000_000)
SIZE_CLASSES = ((5, "kleiner dan € 5 mln"), (20, "€ 5 tot 20 mln"), (50, "€ 20 tot 50 mln"), (100, "€ 50 tot 100 mln"))
LARGEST_CLASS = "€ 100 mln of meer"


def with_related(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """The query set with everything the row needs, in a fixed number of queries."""
    return queryset.select_related("org_unit").prefetch_related(
        Prefetch("baselines", queryset=Baseline.objects.order_by("number").prefetch_related("costs")),
        "cost_lines",
        "milestones",
        "societal_benefits",
        "documents",
    )


def size_class(total: Decimal) -> str:
    for limit, label in SIZE_CLASSES:
        if total < limit * MILLION:
            return label
    return LARGEST_CLASS


def _pct(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part / whole * 100).quantize(Decimal("0.1")) if whole else None


def _group_sums(amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    return {stem: sum((amounts.get(c, ZERO) for c in cats), ZERO) for stem, _label, cats in COST_GROUPS}


def _money(initiative: Initiative, year: int) -> tuple[dict[str, Decimal], dict[str, Decimal], Row]:
    """Current estimate and actuals per category, plus the cumulative and forecast totals."""
    actual: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    forecast: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for line in initiative.cost_lines.all():
        if line.kind == CostKind.ACTUAL:
            actual[(line.year, line.category)] += line.amount
        elif line.kind == CostKind.FORECAST:
            forecast[(line.year, line.category)] += line.amount
    spent: dict[str, Decimal] = defaultdict(lambda: ZERO)
    estimate: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for (_year, category), amount in actual.items():
        spent[category] += amount
        estimate[category] += amount
    future = ZERO
    for key, amount in forecast.items():
        if key not in actual:  # a booked actual replaces the forecast for that year
            estimate[key[1]] += amount
            future += amount if key[0] >= year else ZERO
    totals = {
        "PrognoseToekomstigeKosten": future,
        "CumulatieveKostenHuidigJaar": sum((a for (y, _c), a in actual.items() if y <= year), ZERO),
        "CumulatieveKostenVorigJaar": sum((a for (y, _c), a in actual.items() if y < year), ZERO),
    }
    return estimate, spent, totals


def _baseline_costs(baseline: Baseline | None) -> dict[str, Decimal] | None:
    return None if baseline is None else {cost.category: cost.amount for cost in baseline.costs.all()}


def _schedule(start: datetime.date | None, initial_end: datetime.date | None, end: datetime.date | None) -> Row:
    row: Row = {"StartJaar": start.year if start else None, "EindJaar": end.year if end else None}
    if not (start and initial_end and end):
        return row | dict.fromkeys(
            (
                "DoorlooptijdInitieel",
                "DoorlooptijdActueel",
                "VerschilEindatumInitieelActueelInJaren",
                "VerschilDoorlooptijdPct",
                "Eindatum eerder/later",
                "DoorlooptijdEerderLaterPct",
            )
        )
    initial_days = Decimal(max((initial_end - start).days, 1))
    delay = (end - initial_end).days
    return row | {
        "DoorlooptijdInitieel": years_between(start, initial_end),
        "DoorlooptijdActueel": years_between(start, end),
        "VerschilEindatumInitieelActueelInJaren": years_between(initial_end, end),
        "VerschilDoorlooptijdPct": _pct(Decimal(delay), initial_days),
        "Eindatum eerder/later": delay,
        "DoorlooptijdEerderLaterPct": _pct(Decimal(max(delay, 0)), initial_days),
    }


def rijks_row(initiative: Initiative, reference: datetime.date, ministry: str) -> Row:
    baselines = list(initiative.baselines.all())
    initial = baselines[0] if baselines and baselines[0].number == 0 else None
    latest = baselines[-1] if baselines else None
    before_year = [b for b in baselines if b.recorded_on < datetime.date(reference.year, 1, 1)]
    estimate, spent, totals = _money(initiative, reference.year)
    initial_costs = _baseline_costs(initial)
    benefits = [b.explanation for b in initiative.societal_benefits.all()]
    advice = sum(1 for d in initiative.documents.all() if d.independent_advice)
    start = initiative.start_date or (initial.start_date if initial else None)
    current_total = sum(estimate.values(), ZERO)
    row: Row = {
        "MinisterieNaam": ministry,
        "ProjectStatus": STATUS_BY_PHASE.get(initiative.phase, RUNNING_STATUS),
        "Naam": initiative.name,
        "SoortICTActiviteit": ACTIVITY_LABELS.get(initiative.activity_type) or None,
        "MaatschappelijkeBaat": LIST_SEPARATOR.join(benefits) or None,
        "AantalBaten": len(benefits),
        "AantalBehaaldeMijlpalen": sum(1 for m in initiative.milestones.all() if m.achieved),
        "HeeftAcICTAdvies": "Ja" if advice else "Nee",
        "AantalAcICTAdviezen": advice,
        "StartDatum": start,
        "SchattingEinddatumInitieel": initial.end_date if initial else None,
        "SchattingEinddatumActueel": latest.end_date if latest else None,
        **_schedule(start, initial.end_date if initial else None, latest.end_date if latest else None),
        "RedenenHerijkingen": LIST_SEPARATOR.join(b.reason for b in baselines[1:] if b.reason) or None,
        "SchattingTotaleKostenInitieel": sum(initial_costs.values(), ZERO) if initial_costs is not None else None,
        "SchattingTotaleKostenHuidigJaar": current_total,
        "TotaleKostenCategorie": size_class(current_total),
        "SchattingTotaleKostenVorigJaar": (
            sum((c.amount for c in before_year[-1].costs.all()), ZERO) if before_year else None
        ),
        **totals,
    }
    for suffix, amounts in (("Initieel", initial_costs), ("Actueel", estimate), ("Daadwerkelijk", spent)):
        for stem, value in _group_sums(amounts or {}).items():
            row[stem + suffix] = value if amounts is not None else None
    return row


def ministry_names(units: Iterable[OrgUnit]) -> dict[int, str]:
    """The name of the top unit (the ministry or organisation) above each unit."""
    roots = {int(p.strip("/").split("/")[0]) for p in (u.path for u in units)}
    names = dict(OrgUnit.objects.filter(pk__in=roots).values_list("pk", "name"))
    return {u.pk: names[int(u.path.strip("/").split("/")[0])] for u in units}


def rijks_rows(queryset: QuerySet[Initiative], reference: datetime.date) -> list[Row]:
    initiatives = list(with_related(queryset.order_by("code")))
    names = ministry_names({i.org_unit for i in initiatives})
    rows = [rijks_row(i, reference, names[i.org_unit_id]) for i in initiatives]
    # Ordered by what the file shows, so a re-import (with new codes) exports the same file.
    return sorted(rows, key=lambda row: (row["MinisterieNaam"], row["Naam"]))
