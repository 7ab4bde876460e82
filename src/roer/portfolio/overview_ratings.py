"""The dual rating computed by the database, for filtering the initiative overview.

The same rules as ``roer.portfolio.health.rating`` and ``services.reports.ratings``, written
as annotations so that a filter over thousands of initiatives stays one query:

- cost rating from the variance of the current cost estimate (forecast cost lines, else
  plan, else the latest baseline) against the *initial* baseline's total;
- schedule rating from the days the latest baseline ends after the initial one, relative
  to the initial duration;
- CIO rating from the latest status report that has one;
- overall: the mean of the three, unless the CIO rating is worse than both (then it
  replaces the mean), coloured green, amber or red.

Without a baseline or a CIO rating there is no computed rating (``computed_rating`` is
null), as on the initiative page. The colour thresholds are derived from the pure rules
below, so the two cannot drift apart (a test compares them for every combination).
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Abs, Coalesce, Greatest

from roer.portfolio.health import rating
from roer.portfolio.models import Baseline, BaselineCost, CostKind, Initiative, StatusReport, cost_total

MONEY: Any = DecimalField(max_digits=16, decimal_places=2)
RATIO: Any = DecimalField(max_digits=20, decimal_places=4)
RAG_VALUES = ("green", "amber", "red")


class DaysBetween(Func):
    """Whole days from the second date to the first (negative when the first is earlier)."""

    arity = 2
    output_field: Any = IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra)


def _colour_thresholds() -> tuple[int, int, int, int]:
    """(lowest green CIO rating, lowest amber CIO rating, lowest green sum, lowest amber sum) by the pure rules."""
    cio_green = min(v for v in range(1, 6) if rating.colour(Decimal(v)) is rating.Colour.GREEN)
    cio_amber = min(v for v in range(1, 6) if rating.colour(Decimal(v)) is not rating.Colour.RED)
    sums: dict[int, rating.Colour] = {}
    for cost, schedule, cio in itertools.product(range(1, 6), repeat=3):
        if not (cio < cost and cio < schedule):
            sums[cost + schedule + cio] = rating.colour(rating.overall_rating(cost, schedule, cio))
    sum_green = min(s for s, c in sums.items() if c is rating.Colour.GREEN)
    sum_amber = min(s for s, c in sums.items() if c is not rating.Colour.RED)
    return cio_green, cio_amber, sum_green, sum_amber


CIO_GREEN, CIO_AMBER, SUM_GREEN, SUM_AMBER = _colour_thresholds()


def _variance_rating(deviation: str, base: str) -> Case:
    """1–5 by ``rating_for_variance``: ``deviation`` within bound × ``base`` (both annotations)."""
    whens = [
        When(
            **{f"{deviation}__lte": ExpressionWrapper(F(base) * Value(bound), output_field=RATIO)},
            then=Value(score),
        )
        for score, bound in zip((5, 4, 3, 2), rating.DEFAULT_SCALE.bounds, strict=True)
    ]
    return Case(*whens, default=Value(1), output_field=IntegerField())


def _colour(value: str, green: int, amber: int) -> Case:
    return Case(
        When(**{f"{value}__gte": green}, then=Value("green")),
        When(**{f"{value}__gte": amber}, then=Value("amber")),
        default=Value("red"),
        output_field=CharField(),
    )


def with_computed_rating(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate ``computed_cost_rating``, ``computed_schedule_rating``, ``computed_cio_rating`` and
    ``computed_rating`` (green, amber, red or null)."""
    baselines = Baseline.objects.filter(initiative=OuterRef("pk"))
    initial = baselines.order_by("number")
    latest = baselines.order_by("-number")
    nested = Baseline.objects.filter(initiative=OuterRef(OuterRef("pk")))  # inside the cost subqueries
    initial_costs = (
        BaselineCost.objects.filter(baseline=Subquery(nested.order_by("number").values("pk")[:1]))
        .order_by()
        .values("baseline")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    latest_costs = (
        BaselineCost.objects.filter(baseline=Subquery(nested.order_by("-number").values("pk")[:1]))
        .order_by()
        .values("baseline")
        .annotate(total=Sum("amount"))
        .values("total")[:1]
    )
    cio = (
        StatusReport.objects.filter(initiative=OuterRef("pk"), cio_rating__isnull=False)
        .order_by("-period_end")
        .values("cio_rating")[:1]
    )
    queryset = queryset.annotate(
        rating_initial_start=Subquery(initial.values("start_date")[:1]),
        rating_initial_end=Subquery(initial.values("end_date")[:1]),
        rating_latest_end=Subquery(latest.values("end_date")[:1]),
        rating_initial_cost=Coalesce(
            Subquery(initial_costs, output_field=MONEY), Value(Decimal(0)), output_field=MONEY
        ),
        rating_current_cost=Coalesce(
            cost_total(CostKind.FORECAST),
            cost_total(CostKind.PLAN),
            Subquery(latest_costs, output_field=MONEY),
            Value(Decimal(0)),
            output_field=MONEY,
        ),
        computed_cio_rating=Subquery(cio, output_field=IntegerField()),
    ).annotate(
        rating_cost_deviation=Abs(F("rating_current_cost") - F("rating_initial_cost"), output_field=MONEY),
        rating_delay=Greatest(DaysBetween("rating_latest_end", "rating_initial_end"), Value(0)),
        rating_duration=Greatest(DaysBetween("rating_initial_end", "rating_initial_start"), Value(1)),
    )
    cost_rating = Case(
        When(rating_initial_cost=0, then=Value(5)),
        default=_variance_rating("rating_cost_deviation", "rating_initial_cost"),
        output_field=IntegerField(),
    )
    queryset = queryset.annotate(
        computed_cost_rating=Case(
            When(rating_initial_end__isnull=True, then=Value(None)), default=cost_rating, output_field=IntegerField()
        ),
        computed_schedule_rating=Case(
            When(rating_initial_end__isnull=True, then=Value(None)),
            default=_variance_rating("rating_delay", "rating_duration"),
            output_field=IntegerField(),
        ),
    ).annotate(
        rating_sum=F("computed_cost_rating") + F("computed_schedule_rating") + F("computed_cio_rating"),
    )
    return queryset.annotate(
        computed_rating=Case(
            When(Q(computed_cio_rating__isnull=True) | Q(rating_initial_end__isnull=True), then=Value(None)),
            When(
                Q(computed_cio_rating__lt=F("computed_cost_rating"))
                & Q(computed_cio_rating__lt=F("computed_schedule_rating")),
                then=_colour("computed_cio_rating", CIO_GREEN, CIO_AMBER),
            ),
            default=_colour("rating_sum", SUM_GREEN, SUM_AMBER),
            output_field=CharField(),
        )
    )


def _score(field: str) -> Case:
    return Case(
        *(When(**{field: colour.value}, then=Value(score)) for colour, score in rating.RAG_SCORE.items()),
        default=Value(None),
        output_field=IntegerField(),
    )


def with_independent_rating(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate the latest status report's own and independent overall colour, and ``rating_gap``:
    the steps by which the own one is rosier (0 without an independent rating, as ``rosier_by``)."""
    latest = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-period_end")
    queryset = queryset.annotate(
        latest_own_rating=Subquery(latest.values("overall")[:1], output_field=CharField()),
        independent_rating=Subquery(latest.values("independent_overall")[:1], output_field=CharField()),
    ).annotate(own_score=_score("latest_own_rating"), independent_score=_score("independent_rating"))
    return queryset.annotate(
        rating_gap=Case(
            When(own_score__gt=F("independent_score"), then=F("own_score") - F("independent_score")),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
