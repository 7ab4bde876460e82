"""The analyses as pages: orphans, the goal–effort network and the realised effects."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from roer.portfolio.models import Initiative
from roer.strategy.analyses import Network, network, orphans, realised_effects
from roer.strategy.models import KPI, Goal
from roer.strategy.views import charts
from roer.strategy.views.common import page_of, render_results
from roer.strategy.views.filters import NetworkForm, unit_filters

NETWORK_LIMIT = 300


@require_safe
@login_required
def orphan_lists(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request)
    found = orphans(request.user, filters.unit)
    context = {
        "filter": filters,
        "unit": filters.unit,
        "initiatives": page_of(request, found.initiatives, "initiatives"),
        "goals": page_of(request, found.goals, "goals"),
        "kpis": page_of(request, found.kpis, "kpis"),
        "stale_kpis": page_of(request, found.stale_kpis, "stale"),
    }
    return render_results(request, "strategy/orphans.html", "strategy/_orphan_results.html", context)


@dataclass
class Branch:
    """One goal of the network's list alternative, with what measures and serves it."""

    goal: Goal
    kpis: list[KPI] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    children: list[Branch] = field(default_factory=list)


def branches(graph: Network) -> tuple[list[Branch], list[Initiative]]:
    """The network as nested goals; and the initiatives that serve none of them."""
    nodes = {goal.pk: Branch(goal) for goal in graph.goals}
    kpis = {kpi.pk: kpi for kpi in graph.kpis}
    initiatives = {initiative.pk: initiative for initiative in graph.initiatives}
    for goal_id, kpi_id in graph.goal_kpis:
        nodes[goal_id].kpis.append(kpis[kpi_id])
    linked: set[int] = set()
    for contribution in graph.contributions:
        branch = nodes[contribution.goal_id]
        initiative = initiatives[contribution.initiative_id]
        if initiative not in branch.initiatives:
            branch.initiatives.append(initiative)
        linked.add(initiative.pk)
    roots: list[Branch] = []
    for goal in graph.goals:
        parent = nodes.get(goal.parent_id) if goal.parent_id else None
        (parent.children if parent else roots).append(nodes[goal.pk])
    for branch in nodes.values():
        branch.kpis.sort(key=lambda kpi: kpi.name.lower())
        branch.initiatives.sort(key=lambda initiative: initiative.code)
    unlinked = [initiative for initiative in graph.initiatives if initiative.pk not in linked]
    return roots, unlinked


@require_safe
@login_required
def network_view(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request, NetworkForm)
    graph = network(request.user, filters.unit, limit=NETWORK_LIMIT)
    roots, unlinked = branches(graph)
    context = {
        "filter": filters,
        "unit": filters.unit,
        "graph": graph,
        "chart": charts.network_graph(graph, filters.value("layout", "force")),
        "roots": roots,
        "unlinked": unlinked,
    }
    # No htmx partial here: the chart's data block must come with a whole page (see the filter bar).
    return render(request, "strategy/network.html", context)


@require_safe
@login_required
def effects(request: HttpRequest) -> HttpResponse:
    found = realised_effects(request.user)
    return render(request, "strategy/effects.html", {"effects": found, "chart": charts.effects(found)})
