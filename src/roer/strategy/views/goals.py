"""The goal tree, one goal's page and its history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.audit.models import AuditEvent
from roer.strategy.analyses import goal_overview
from roer.strategy.models import GoalLevel
from roer.strategy.views import charts
from roer.strategy.views.common import TREE_PAGE_SIZE, page_of, render_results, visible_goal
from roer.strategy.views.filters import unit_filters
from roer.strategy.views.tree import goal_rows
from roer.strategy.views.words import reason


@require_safe
@login_required
def goal_list(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request)
    rows = goal_rows(request.user, filters.unit)
    context = {
        "filter": filters,
        "unit": filters.unit,
        "page": page_of(request, rows, size=TREE_PAGE_SIZE),
        "can_add": request.user.has_perm("strategy.add_goal"),
    }
    return render_results(request, "strategy/goal_list.html", "strategy/_goal_results.html", context)


@require_safe
@login_required
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = visible_goal(request, pk)
    overview = goal_overview(request.user, goal)
    kpis = [{"view": view, "reason": reason(view), "chart": charts.trend(view)} for view in overview.kpis]
    crumbs = [
        {"label": _("Goals"), "url": reverse("strategy:goal-list")},
        *({"label": above.title, "url": above.get_absolute_url()} for above in overview.ancestors),
        {"label": goal.title, "url": None},
    ]
    context = {
        "goal": goal,
        "crumbs": crumbs,
        "overview": overview,
        # A goal high in the tree gathers thousands of contributions: they come a page at a time.
        "contributions": page_of(request, overview.contributions, "contributions"),
        "kpis": kpis,
        "can_change": request.user.has_perm("strategy.change_goal", goal),
        # An objective is the lowest level: nothing goes below it.
        "can_add_below": goal.level != GoalLevel.OBJECTIVE and request.user.has_perm("strategy.add_goal"),
        "can_add_kpi": request.user.has_perm("strategy.add_kpi"),
    }
    return render(request, "strategy/goal_detail.html", context)


@require_safe
@login_required
def goal_history(request: HttpRequest, pk: int) -> HttpResponse:
    goal = visible_goal(request, pk)
    events = page_of(request, AuditEvent.objects.for_object(goal).select_related("content_type"))
    return render(request, "strategy/goal_history.html", {"goal": goal, "page": events})
