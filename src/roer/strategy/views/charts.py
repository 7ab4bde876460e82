"""The data behind each chart, as plain JSON for ``json_script``, with a summary in words.

``static/roer/js/charts.js`` reads the data and draws with ECharts (SVG renderer). The
summary becomes the chart's accessible name; the page always shows the same numbers in
a table as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from roer.strategy.analyses import Effect, KpiView, Network
from roer.strategy.models import GoalLevel
from roer.strategy.views.words import STATUS_LABELS, quantity, reason


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str  # "trend", "bars" or "network": how charts.js draws it
    label: str  # what the chart shows, in words: its accessible name
    data: dict[str, Any]

    @property
    def source_id(self) -> str:
        return f"{self.id}-data"


def trend(view: KpiView, prefix: str = "kpi") -> Chart:
    """A KPI's measurements over time, with its baseline, its target and the straight path between them."""
    kpi, points = view.kpi, view.points
    unit = kpi.unit_of_measure
    if points:
        measured = _("%(count)s measurements from %(first)s to %(last)s, the latest %(latest)s") % {
            "count": len(points),
            "first": points[0].day.isoformat(),
            "last": points[-1].day.isoformat(),
            "latest": quantity(points[-1].value, unit),
        }
    else:
        measured = _("no measurements yet")
    label = _(
        "Trend of %(name)s: %(measured)s. Baseline %(baseline)s on %(baseline_date)s, target %(target)s by "
        "%(target_date)s. Status: %(status)s. %(reason)s"
    ) % {
        "name": kpi.name,
        "measured": measured,
        "baseline": quantity(kpi.baseline_value, unit),
        "baseline_date": kpi.baseline_date.isoformat(),
        "target": quantity(kpi.target_value, unit),
        "target_date": kpi.target_date.isoformat(),
        "status": STATUS_LABELS[view.assessment.status],
        "reason": reason(view),
    }
    data = {
        "unit": unit,
        "points": [[p.day.isoformat(), str(p.value)] for p in points],
        "baseline": [kpi.baseline_date.isoformat(), str(kpi.baseline_value)],
        "target": [kpi.target_date.isoformat(), str(kpi.target_value)],
        "names": {
            "measured": _("Measured"),
            "path": _("Path from baseline to target"),
            "baseline": _("Baseline"),
            "target": _("Target"),
        },
    }
    return Chart(f"{prefix}-{kpi.pk}-trend", "trend", label, data)


def effects(found: list[Effect]) -> Chart:
    """Realised change as a share of the expected change, one bar per initiative and KPI."""
    bars = [effect for effect in found if effect.share_realised is not None]
    categories = [f"{e.contribution.initiative.code} · {e.contribution.kpi}" for e in bars]
    values = [str(round(e.share_realised * 100, 1)) for e in bars]
    parts = [f"{name}: {value} %" for name, value in zip(categories, values, strict=True)]
    label = _("Realised effect as a percentage of the expected effect (100 %% = as expected). %(bars)s") % {
        "bars": "; ".join(parts) if parts else _("Nothing measured yet.")
    }
    data = {
        "categories": categories,
        "values": values,
        "names": {"realised": _("Realised, as a percentage of the expected effect"), "expected": _("As expected")},
    }
    return Chart("effects", "bars", label, data)


def network_graph(graph: Network, layout: str) -> Chart:
    """Goals, KPIs and initiatives as nodes; a goal's parent, its KPIs and its contributions as links."""
    levels = list(GoalLevel)
    categories = [str(level.label) for level in levels] + [pgettext("heading", "KPI"), _("Initiative")]
    kpi_category, initiative_category = len(levels), len(levels) + 1
    nodes: list[dict[str, Any]] = []
    links: list[dict[str, str]] = []
    for goal in graph.goals:
        nodes.append(
            {
                "id": f"g{goal.pk}",
                "name": goal.title,
                "category": levels.index(GoalLevel(goal.level)),
                "url": reverse("strategy:goal-detail", args=[goal.pk]),
                "symbolSize": 28 - 6 * levels.index(GoalLevel(goal.level)),
            }
        )
    goal_ids = {goal.pk for goal in graph.goals}
    links += [{"source": f"g{g.pk}", "target": f"g{g.parent_id}"} for g in graph.goals if g.parent_id in goal_ids]
    for kpi in graph.kpis:
        nodes.append(
            {
                "id": f"k{kpi.pk}",
                "name": kpi.name,
                "category": kpi_category,
                "url": reverse("strategy:kpi-detail", args=[kpi.pk]),
                "symbolSize": 12,
            }
        )
    links += [{"source": f"k{kpi_id}", "target": f"g{goal_id}"} for goal_id, kpi_id in graph.goal_kpis]
    for initiative in graph.initiatives:
        nodes.append(
            {
                "id": f"i{initiative.pk}",
                "name": f"{initiative.code} {initiative.name}",
                "category": initiative_category,
                "url": initiative.get_absolute_url(),
                "symbolSize": 9,
            }
        )
    links += [{"source": f"i{c.initiative_id}", "target": f"g{c.goal_id}"} for c in graph.contributions]
    label = _(
        "Network of %(goals)s goals, %(kpis)s KPIs and %(initiatives)s initiatives with %(links)s links. "
        "The list below shows the same network."
    ) % {"goals": len(graph.goals), "kpis": len(graph.kpis), "initiatives": len(graph.initiatives), "links": len(links)}
    data = {"categories": categories, "nodes": nodes, "links": links, "layout": layout}
    return Chart("network", "network", label, data)
