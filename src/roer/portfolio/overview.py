"""Query helpers for the portfolio calendar (roadmap): initiatives by quarter.

Start is the initiative's own start date, else the start of its initial baseline; end is
the end of its latest baseline. Both come from subqueries, so a page costs a fixed
number of queries whatever the size of the portfolio.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DecimalField,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from roer.portfolio.models import (
    Baseline,
    BaselineCost,
    CostKind,
    EarlyWarning,
    Initiative,
    Phase,
    StatusReport,
    cost_total,
)
from roer.portfolio.models.initiative import RUNNING_PHASES

MONEY: Any = DecimalField(max_digits=16, decimal_places=2)


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> datetime.date:
        if self.number == 4:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, 3 * self.number + 1, 1) - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"


@dataclass(frozen=True)
class Cell:
    quarter: Quarter
    state: str  # "", "running", "on_hold" or "other"


def quarters(first_year: int, last_year: int) -> list[Quarter]:
    return [Quarter(year, number) for year in range(first_year, last_year + 1) for number in range(1, 5)]


def with_dates(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate ``roadmap_start`` and ``roadmap_end`` (either may be null)."""
    baselines = Baseline.objects.filter(initiative=OuterRef("pk"))
    initial_start = baselines.filter(number=0).values("start_date")[:1]
    latest_end = baselines.order_by("-number").values("end_date")[:1]
    return queryset.annotate(
        roadmap_start=Coalesce("start_date", Subquery(initial_start, output_field=DateField())),
        roadmap_end=Subquery(latest_end, output_field=DateField()),
    )


def in_years(queryset: QuerySet[Initiative], first_year: int, last_year: int) -> QuerySet[Initiative]:
    """Initiatives whose period overlaps the years, or that have no dates at all."""
    first = datetime.date(first_year, 1, 1)
    last = datetime.date(last_year, 12, 31)
    return queryset.filter(
        Q(roadmap_start__isnull=True) | Q(roadmap_start__lte=last),
        Q(roadmap_end__isnull=True) | Q(roadmap_end__gte=first),
    )


def state_of(initiative: Any) -> str:
    if initiative.phase == Phase.ON_HOLD:
        return "on_hold"
    return "running" if initiative.phase in RUNNING_PHASES else "other"


def cells(initiative: Any, columns: list[Quarter]) -> list[Cell]:
    start: datetime.date | None = initiative.roadmap_start
    end: datetime.date | None = initiative.roadmap_end
    state = state_of(initiative)
    row = []
    for quarter in columns:
        inside = start is not None and end is not None and start <= quarter.last_day and end >= quarter.first_day
        row.append(Cell(quarter, state if inside else ""))
    return row


# Size classes by current cost estimate (forecast cost lines, else plan, else the latest baseline).
SIZE_BOUNDS = ((1_000_000, "s"), (5_000_000, "m"), (25_000_000, "l"))


def _latest_baseline_total() -> Subquery:
    latest = Baseline.objects.filter(initiative=OuterRef(OuterRef("pk"))).order_by("-number").values("pk")[:1]
    costs = BaselineCost.objects.filter(baseline=Subquery(latest)).order_by().values("baseline")
    return Subquery(costs.annotate(total=Sum("amount")).values("total")[:1], output_field=MONEY)


# Worst severity first: 3 red, 2 amber, 1 information, 0 none (for sorting and the export).
SEVERITY_RANK = {"red": 3, "amber": 2, "info": 1}


def with_size_and_warnings(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate ``current_cost``, ``size_class`` ("s", "m", "l", "xl"), ``warning_count`` and
    ``worst_warning`` (``SEVERITY_RANK``, 0 without warnings)."""
    cost = Coalesce(
        cost_total(CostKind.FORECAST), cost_total(CostKind.PLAN), _latest_baseline_total(), Value(0), output_field=MONEY
    )
    size = Case(
        *(When(current_cost__lt=bound, then=Value(name)) for bound, name in SIZE_BOUNDS),
        default=Value("xl"),
        output_field=CharField(),
    )
    warnings = EarlyWarning.objects.filter(initiative=OuterRef("pk")).order_by().values("initiative")
    count = Subquery(warnings.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField())
    rank = Case(
        *(When(severity=name, then=Value(number)) for name, number in SEVERITY_RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )
    worst = Subquery(warnings.annotate(w=Max(rank)).values("w")[:1], output_field=IntegerField())
    return queryset.annotate(
        current_cost=cost,
        size_class=size,
        warning_count=Coalesce(count, Value(0)),
        worst_warning=Coalesce(worst, Value(0)),
    )


def with_warning(queryset: QuerySet[Initiative], rule: str = "", severity: str = "") -> QuerySet[Initiative]:
    warnings = EarlyWarning.objects.filter(initiative=OuterRef("pk"))
    if rule:
        warnings = warnings.filter(rule=rule)
    if severity:
        warnings = warnings.filter(severity=severity)
    return queryset.filter(Exists(warnings))


def with_reported_rating(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate ``reported_rating``: the own ``overall`` colour of the latest status report (not recomputed)."""
    latest = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-period_end").values("overall")[:1]
    return queryset.annotate(reported_rating=Subquery(latest, output_field=CharField()))
