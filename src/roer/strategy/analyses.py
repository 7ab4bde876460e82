"""The goal–effort analyses: a goal's overview, orphans, the network, realised effects.

Each function takes the person asking, so it only ever uses what they may see, and
keeps its query count fixed whatever the size of the portfolio (pages and API share it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from roer.organisation.access import ancestor_paths
from roer.organisation.models import OrgUnit
from roer.portfolio.models import CostKind, Initiative, Phase
from roer.strategy.models import KPI, Contribution, Goal, Measurement
from roer.strategy.models.kpi import FREQUENCY_DAYS, Frequency
from roer.strategy.money import Money, initiative_total, money_for_goal, subtree_q, with_shares
from roer.strategy.status import Assessment, Point, assess

# Initiatives that no longer spend money are not called orphans.
FINISHED = (Phase.CLOSED, Phase.STOPPED)


@dataclass
class KpiView:
    kpi: KPI
    points: list[Point]
    assessment: Assessment


@dataclass
class GoalOverview:
    goal: Goal
    ancestors: list[Goal]
    children: list[Goal]
    kpis: list[KpiView]
    # Lazy and ordered by planned share, annotated with planned_share and spent_share:
    # an ambition can have thousands, so pages paginate it.
    contributions: QuerySet[Contribution]
    money: Money
    today: datetime.date


def kpi_view(kpi: KPI, today: datetime.date) -> KpiView:
    """Assess a KPI whose measurements were prefetched (ordered by date)."""
    points = [Point(m.measured_on, m.value) for m in kpi.measurements.all()]
    assessment = assess(
        kpi.direction == "higher",
        Point(kpi.baseline_date, kpi.baseline_value),
        Point(kpi.target_date, kpi.target_value),
        points,
        today,
    )
    return KpiView(kpi, points, assessment)


def _measurements() -> Prefetch:  # type: ignore[type-arg]
    return Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))


def goal_overview(user: Any, goal: Goal, today: datetime.date | None = None) -> GoalOverview:
    today = today or timezone.localdate()
    visible = Contribution.objects.for_user(user)
    contributions = (
        with_shares(visible.filter(subtree_q(goal)))
        .select_related("initiative", "initiative__org_unit", "goal", "kpi")
        .order_by("-planned_share", "initiative__code")
    )
    kpis = KPI.objects.for_user(user).filter(goals=goal).prefetch_related(_measurements()).order_by("name")
    ancestor_ids = [goal.parent_id, goal.parent.parent_id if goal.parent else None]
    return GoalOverview(
        goal=goal,
        ancestors=list(Goal.objects.filter(pk__in=[i for i in ancestor_ids if i]).order_by("level")),
        children=list(Goal.objects.for_user(user).filter(parent=goal).order_by("title")),
        kpis=[kpi_view(kpi, today) for kpi in kpis],
        contributions=contributions,
        money=money_for_goal(visible, goal),
        today=today,
    )


@dataclass
class Orphans:
    initiatives: QuerySet[Initiative]  # annotated with planned and spent
    goals: QuerySet[Goal]
    kpis: QuerySet[KPI]
    stale_kpis: QuerySet[KPI]  # annotated with last_measured


def orphans(user: Any, unit: OrgUnit | None = None, today: datetime.date | None = None) -> Orphans:
    """Money without a goal, goals and KPIs without effort, and KPIs nobody measures any more."""
    today = today or timezone.localdate()
    any_contribution = Contribution.objects.filter(initiative=OuterRef("pk"))
    initiatives = (
        Initiative.objects.for_user(user)
        .exclude(phase__in=FINISHED)
        .filter(~Exists(any_contribution))
        .annotate(planned=initiative_total(CostKind.PLAN), spent=initiative_total(CostKind.ACTUAL))
        .select_related("org_unit")
        .order_by("-planned", "code")
    )
    # A goal counts as served when any initiative contributes to it or to a goal below it,
    # also one outside this person's scope: an organisation-wide goal is not an orphan.
    served = Contribution.objects.filter(subtree_q_outer())
    goals = Goal.objects.for_user(user).filter(~Exists(served)).select_related("org_unit").order_by("title")
    kpis = (
        KPI.objects.for_user(user)
        .filter(~Exists(Contribution.objects.filter(kpi=OuterRef("pk"))))
        .select_related("org_unit")
        .order_by("name")
    )
    stale = (
        KPI.objects.for_user(user)
        .annotate(last_measured=Coalesce(Max("measurements__measured_on"), "baseline_date"))
        .filter(_overdue(today))
        .select_related("org_unit")
        .order_by("last_measured", "name")
    )
    if unit is not None:
        initiatives = initiatives.filter(org_unit__path__startswith=unit.path)
        in_unit = Q(org_unit__path__startswith=unit.path)
        goals, kpis, stale = goals.filter(in_unit), kpis.filter(in_unit), stale.filter(in_unit)
    return Orphans(initiatives=initiatives, goals=goals, kpis=kpis, stale_kpis=stale)


def subtree_q_outer() -> Q:
    """``subtree_q`` for a goal given by ``OuterRef("pk")`` in an ``Exists``."""
    outer = OuterRef("pk")
    return Q(goal=outer) | Q(goal__parent=outer) | Q(goal__parent__parent=outer)


def _overdue(today: datetime.date) -> Q:
    condition = Q(pk__in=[])
    for frequency, days in FREQUENCY_DAYS.items():
        due = today - datetime.timedelta(days=days)
        condition |= Q(frequency=Frequency(frequency), last_measured__lt=due)
    return condition


@dataclass
class Network:
    goals: list[Goal]
    kpis: list[KPI]
    initiatives: list[Initiative]
    contributions: list[Contribution]
    goal_kpis: list[tuple[int, int]]
    truncated: bool = False
    limit: int = 0


def network(user: Any, unit: OrgUnit | None = None, limit: int = 300) -> Network:
    """Goals, KPIs and initiatives with the links between them, for the network view."""
    goals = Goal.objects.for_user(user).select_related("org_unit")
    initiatives = Initiative.objects.for_user(user).exclude(phase__in=FINISHED).select_related("org_unit")
    if unit is not None:
        initiatives = initiatives.filter(org_unit__path__startswith=unit.path)
        above = ancestor_paths(unit.path)
        goals = goals.filter(Q(org_unit__path__startswith=unit.path) | Q(org_unit__path__in=above))
    chosen = list(initiatives.order_by("code")[: limit + 1])
    truncated = len(chosen) > limit
    chosen = chosen[:limit]
    goal_list = list(goals.order_by("level", "title"))
    goal_ids = {goal.pk for goal in goal_list}
    contributions = list(
        Contribution.objects.filter(initiative__in=[i.pk for i in chosen], goal_id__in=goal_ids).only(
            "pk", "initiative_id", "goal_id", "kpi_id", "weight", "confidence"
        )
    )
    kpis = list(KPI.objects.for_user(user).filter(goals__in=goal_ids).distinct().order_by("name"))
    kpi_ids = {kpi.pk for kpi in kpis}
    links = list(
        KPI.goals.through.objects.filter(goal_id__in=goal_ids, kpi_id__in=kpi_ids).values_list("goal_id", "kpi_id")
    )
    return Network(goal_list, kpis, chosen, contributions, links, truncated, limit)


@dataclass(frozen=True)
class Effect:
    contribution: Contribution
    expected: Any  # Decimal | None
    start: Point | None
    end: Point | None

    @property
    def realised(self) -> Any:
        if self.start is None or self.end is None:
            return None
        return self.end.value - self.start.value

    @property
    def share_realised(self) -> Any:
        """Realised change as a share of the expected change (1 = as expected)."""
        if self.realised is None or not self.expected:
            return None
        return self.realised / self.expected


def realised_effects(user: Any, initiative: Initiative | None = None) -> list[Effect]:
    """Expected against realised KPI change for closed initiatives, from the measurements."""
    contributions = (
        Contribution.objects.for_user(user)
        .filter(initiative__phase=Phase.CLOSED, kpi__isnull=False, expected_change__isnull=False)
        .select_related("initiative", "kpi", "goal")
        .prefetch_related(Prefetch("kpi__measurements", queryset=Measurement.objects.order_by("measured_on")))
        .order_by("initiative__code", "kpi__name")
    )
    if initiative is not None:
        contributions = contributions.filter(initiative=initiative)
    return [_effect(contribution) for contribution in contributions]


def _effect(contribution: Contribution) -> Effect:
    kpi = contribution.kpi
    assert kpi is not None
    points = [Point(m.measured_on, m.value) for m in kpi.measurements.all()]
    start_day = contribution.effect_from or kpi.baseline_date
    end_day = contribution.expected_by
    start = _at_or_before(points, start_day) or Point(kpi.baseline_date, kpi.baseline_value)
    end = _at_or_before(points, end_day) if end_day else (points[-1] if points else None)
    if end is not None and end.day <= start.day:
        end = None  # nothing measured after the starting point yet
    return Effect(contribution, contribution.expected_change, start, end)


def _at_or_before(points: list[Point], day: datetime.date) -> Point | None:
    earlier = [p for p in points if p.day <= day]
    return earlier[-1] if earlier else None
