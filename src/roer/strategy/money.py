"""Planned and spent money per goal, split by contribution weight, summed in the database.

Each contribution carries ``weight / (sum of the initiative's weights)`` of the
initiative's money; a goal receives the shares of the contributions to it and to
the goals below it. The pure reference for one initiative is ``spend.split_by_weight``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, ExpressionWrapper, F, Func, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from roer.portfolio.models import CostKind, cost_total
from roer.strategy.models import Contribution, Goal

MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=16, decimal_places=2)
RATIO: DecimalField[Decimal, Decimal] = DecimalField(max_digits=20, decimal_places=10)
ZERO = Value(Decimal("0"), output_field=MONEY)


class Fractional(Func):
    """SQLite keeps whole-number decimals as integers and divides 2 / 3 to 0: make the
    dividend a real number there. PostgreSQL's numeric division is exact and left alone."""

    template = "%(expressions)s"
    output_field = RATIO

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="(%(expressions)s * 1.0)", **extra)


@dataclass(frozen=True)
class Money:
    planned: Decimal
    spent: Decimal

    @classmethod
    def of(cls, row: dict[str, Any]) -> Money:
        cent = Decimal("0.01")
        return cls(Decimal(row["planned"] or 0).quantize(cent), Decimal(row["spent"] or 0).quantize(cent))


def initiative_total(kind: str, initiative_ref: str = "pk") -> Coalesce:
    """The sum of an initiative's cost lines of one kind, zero when it has none."""
    return Coalesce(cost_total(kind, initiative_ref), ZERO)


def _total_weight() -> Subquery:
    weights = (
        Contribution.objects.filter(initiative=OuterRef("initiative"))
        .order_by()
        .values("initiative")
        .annotate(total=Sum("weight"))
        .values("total")
    )
    return Subquery(weights, output_field=MONEY)


def with_shares(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """Annotate each contribution with ``planned_share`` and ``spent_share`` of its initiative's money."""
    fraction = ExpressionWrapper(Fractional(F("weight")) / _total_weight(), output_field=RATIO)
    return contributions.annotate(
        weight_fraction=fraction,
        planned_share=ExpressionWrapper(initiative_total(CostKind.PLAN, "initiative") * fraction, output_field=MONEY),
        spent_share=ExpressionWrapper(initiative_total(CostKind.ACTUAL, "initiative") * fraction, output_field=MONEY),
    )


def subtree_q(goal: Goal, field: str = "goal") -> Q:
    """Contributions to ``goal`` or to a goal below it (the tree is at most three levels deep)."""
    return Q(**{field: goal}) | Q(**{f"{field}__parent": goal}) | Q(**{f"{field}__parent__parent": goal})


def money_for_goal(contributions: QuerySet[Contribution], goal: Goal) -> Money:
    totals = with_shares(contributions.filter(subtree_q(goal))).aggregate(
        planned=Sum("planned_share"), spent=Sum("spent_share")
    )
    return Money.of(totals)


def money_per_goal(contributions: QuerySet[Contribution]) -> dict[int, Money]:
    """Money flowing directly to each goal (without the goals below it), keyed by goal id."""
    rows = (
        with_shares(contributions)
        .order_by()
        .values("goal")
        .annotate(planned=Sum("planned_share"), spent=Sum("spent_share"))
    )
    return {row["goal"]: Money.of(row) for row in rows}


def roll_up(goals: list[Goal], direct: dict[int, Money]) -> dict[int, Money]:
    """Add each goal's money to every goal above it (goals must include the whole chain)."""
    totals = {goal.pk: direct.get(goal.pk, Money(Decimal(0), Decimal(0))) for goal in goals}
    parents = {goal.pk: goal.parent_id for goal in goals}
    for goal_id, money in direct.items():
        parent = parents.get(goal_id)
        while parent is not None and parent in totals:
            above = totals[parent]
            totals[parent] = Money(above.planned + money.planned, above.spent + money.spent)
            parent = parents.get(parent)
    return totals
