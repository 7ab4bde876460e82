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
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DecimalField,
    Expression,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from roer.portfolio.health import rating
from roer.portfolio.models import Baseline, BaselineCost, CostKind, Initiative, StatusReport, cost_total

MONEY: Any = DecimalField(max_digits=16, decimal_places=2)


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


def _inputs() -> list[Any]:
    """The six figures the rating needs, each a correlated subquery on the initiative (``pk``)."""
    baselines = Baseline.objects.filter(initiative=OuterRef("pk"))
    nested = Baseline.objects.filter(initiative=OuterRef(OuterRef("pk")))  # inside the cost subqueries

    def baseline_total(order: str) -> Subquery:
        costs = (
            BaselineCost.objects.filter(baseline=Subquery(nested.order_by(order).values("pk")[:1]))
            .order_by()
            .values("baseline")
            .annotate(total=Sum("amount"))
            .values("total")[:1]
        )
        return Subquery(costs, output_field=MONEY)

    cio = StatusReport.objects.filter(initiative=OuterRef("pk"), cio_rating__isnull=False).order_by("-period_end")
    return [
        Coalesce(baseline_total("number"), Value(Decimal(0)), output_field=MONEY),
        Coalesce(
            cost_total(CostKind.FORECAST),
            cost_total(CostKind.PLAN),
            baseline_total("-number"),
            Value(Decimal(0)),
            output_field=MONEY,
        ),
        Subquery(baselines.order_by("number").values("start_date")[:1]),
        Subquery(baselines.order_by("number").values("end_date")[:1]),
        Subquery(baselines.order_by("-number").values("end_date")[:1]),
        Subquery(cio.values("cio_rating")[:1], output_field=IntegerField()),
    ]


_NAMES = ("ic", "cc", "s0", "e0", "e1", "cio")  # initial cost, current cost, initial start and end, latest end


def _within(value: str, base: str) -> str:
    """The ``rating_for_variance`` steps as SQL: ``value`` within bound × ``base``."""
    steps = zip((5, 4, 3, 2), rating.DEFAULT_SCALE.bounds, strict=True)
    return "".join(f" WHEN {value} <= {base} * {bound} THEN {score}" for score, bound in steps) + " ELSE 1"


def _colour_sql(value: str, green: int, amber: int) -> str:
    return f"CASE WHEN {value} >= {green} THEN 'green' WHEN {value} >= {amber} THEN 'amber' ELSE 'red' END"


class ComputedRating(Expression):
    """One part of the computed rating as a single correlated subquery.

    The six figures are evaluated once each, as the columns of a derived table, and the
    rules then refer to those columns; spelled out as nested annotations, the database
    would evaluate the cost subqueries dozens of times per initiative.
    ``part``: "cost", "schedule", "cio" (1–5 or null) or "colour" (green, amber, red or null).
    """

    def __init__(self, part: str, inputs: list[Any] | None = None) -> None:
        super().__init__(output_field=CharField() if part == "colour" else IntegerField())
        self.part = part
        self.inputs = inputs if inputs is not None else _inputs()

    def get_source_expressions(self) -> list[Any]:
        return self.inputs

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.inputs = list(exprs)

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        columns, params = [], []
        for name, expression in zip(_NAMES, self.inputs, strict=True):
            sql, more = compiler.compile(expression)
            columns.append(f"{sql} AS {name}")
            params.extend(more)
        if connection.vendor == "sqlite":
            delay, duration = "(julianday(r.e1) - julianday(r.e0))", "(julianday(r.e0) - julianday(r.s0))"
        else:
            delay, duration = "(r.e1 - r.e0)", "(r.e0 - r.s0)"
        delay = f"(CASE WHEN {delay} > 0 THEN {delay} ELSE 0 END)"
        duration = f"(CASE WHEN {duration} > 1 THEN {duration} ELSE 1 END)"
        cost = f"CASE WHEN r.e0 IS NULL THEN NULL WHEN r.ic = 0 THEN 5{_within('ABS(r.cc - r.ic)', 'r.ic')} END"
        schedule = f"CASE WHEN r.e0 IS NULL THEN NULL{_within(delay, duration)} END"
        # Only constants of this module and SQL compiled by Django (values stay in params).
        # LIMIT 1 OFFSET 0 keeps PostgreSQL and SQLite from flattening the derived tables, which
        # would copy the subqueries back into every reference.
        fence = "LIMIT 1 OFFSET 0"
        ratings = (
            f"SELECT {cost} AS cr, {schedule} AS sr, r.cio AS cio FROM (SELECT {', '.join(columns)} {fence}) r {fence}"  # noqa: S608,E501
        )
        total = "q.cr + q.sr + q.cio"
        colour = (
            "CASE WHEN q.cr IS NULL OR q.cio IS NULL THEN NULL"
            f" WHEN q.cio < q.cr AND q.cio < q.sr THEN {_colour_sql('q.cio', CIO_GREEN, CIO_AMBER)}"
            f" ELSE {_colour_sql(total, SUM_GREEN, SUM_AMBER)} END"
        )
        chosen = {"cost": "q.cr", "schedule": "q.sr", "cio": "q.cio", "colour": colour}[self.part]
        return f"(SELECT {chosen} FROM ({ratings}) q)", params  # noqa: S608


def with_computed_rating(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate ``computed_rating``: green, amber, red, or null without a baseline or a CIO rating."""
    return queryset.annotate(computed_rating=ComputedRating("colour"))


def with_computed_ratings(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Also the parts: ``computed_cost_rating``, ``computed_schedule_rating`` and ``computed_cio_rating``."""
    return with_computed_rating(queryset).annotate(
        computed_cost_rating=ComputedRating("cost"),
        computed_schedule_rating=ComputedRating("schedule"),
        computed_cio_rating=ComputedRating("cio"),
    )


def _score(field: str) -> Case:
    return Case(
        *(When(**{field: colour.value}, then=Value(score)) for colour, score in rating.RAG_SCORE.items()),
        default=Value(0),
        output_field=IntegerField(),
    )


def with_independent_rating(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Annotate the latest status report's independent overall colour (``independent_rating``) and
    ``rating_gap``: the steps by which its own colour is rosier (0 without an independent rating, as
    ``rosier_by``). Each is one subquery on the latest report, computed from its own columns."""
    latest = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-period_end")
    steps = latest.annotate(
        own_score=_score("overall"), independent_score=_score("independent_overall")
    ).annotate(
        gap=Case(
            When(Q(independent_score__gt=0) & Q(own_score__gt=F("independent_score")),
                 then=F("own_score") - F("independent_score")),
            default=Value(0),
            output_field=IntegerField(),
        )
    )  # fmt: skip
    return queryset.annotate(
        independent_rating=Subquery(latest.values("independent_overall")[:1], output_field=CharField()),
        rating_gap=Coalesce(Subquery(steps.values("gap")[:1], output_field=IntegerField()), Value(0)),
    )
