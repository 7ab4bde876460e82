"""The goal tree of the goal list: each goal with its depth, KPI statuses and rolled-up money.

A fixed number of queries whatever the size of the portfolio: goals, goal–KPI links,
KPIs, their measurements, and one sum of money per goal computed by the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from roer.organisation.access import ancestor_paths
from roer.organisation.models import OrgUnit
from roer.strategy.analyses import KpiView, kpi_view
from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement
from roer.strategy.money import Money, money_per_goal, roll_up
from roer.strategy.status import Status
from roer.strategy.views.words import status_counts


@dataclass
class GoalRow:
    goal: Goal
    depth: int
    money: Money
    statuses: list[tuple[Status, int]]
    kpi_count: int


def goals_for(user: Any, unit: OrgUnit | None = None) -> QuerySet[Goal]:
    """The goals a person sees; for a unit, its own and those below it, and the goals above it that it serves."""
    goals: QuerySet[Goal] = Goal.objects.for_user(user)
    if unit is not None:
        goals = goals.filter(Q(org_unit__path__startswith=unit.path) | Q(org_unit__path__in=ancestor_paths(unit.path)))
    return goals


def measured_kpis(kpis: QuerySet[KPI]) -> QuerySet[KPI]:
    """KPIs with their measurements prefetched in date order, ready for ``kpi_view``."""
    return kpis.prefetch_related(Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on")))


def goal_rows(user: Any, unit: OrgUnit | None = None, today: datetime.date | None = None) -> list[GoalRow]:
    day = today or timezone.localdate()
    goals = goals_for(user, unit)
    goal_list = list(goals.select_related("org_unit", "owner"))
    contributions = Contribution.objects.for_user(user)
    if unit is not None:
        # Filtered by unit, the money is that of the unit's own initiatives.
        contributions = contributions.filter(initiative__org_unit__path__startswith=unit.path)
    money = roll_up(goal_list, money_per_goal(contributions))

    links = list(GoalKpi.objects.filter(goal__in=goals.values("pk")).values_list("goal_id", "kpi_id"))
    kpis = measured_kpis(KPI.objects.for_user(user).filter(pk__in={kpi_id for _, kpi_id in links}))
    views: dict[int, KpiView] = {kpi.pk: kpi_view(kpi, day) for kpi in kpis}
    per_goal: dict[int, list[KpiView]] = {}
    for goal_id, kpi_id in links:
        if kpi_id in views:
            per_goal.setdefault(goal_id, []).append(views[kpi_id])

    children: dict[int | None, list[Goal]] = {}
    present = {goal.pk for goal in goal_list}
    for goal in goal_list:
        children.setdefault(goal.parent_id if goal.parent_id in present else None, []).append(goal)
    rows: list[GoalRow] = []

    def visit(goal: Goal, depth: int) -> None:
        kpi_views = per_goal.get(goal.pk, [])
        rows.append(GoalRow(goal, depth, money[goal.pk], status_counts(kpi_views), len(kpi_views)))
        for child in sorted(children.get(goal.pk, []), key=lambda g: g.title.lower()):
            visit(child, depth + 1)

    for root in sorted(children.get(None, []), key=lambda g: (g.org_unit.path, g.title.lower())):
        visit(root, 0)
    return rows
