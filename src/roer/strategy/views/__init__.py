"""Pages of goals, KPIs and the goal–effort analyses. Thin: queries in analyses and query sets."""

from roer.strategy.views.goals import goal_detail, goal_history, goal_list
from roer.strategy.views.kpis import kpi_detail, kpi_history, kpi_list
from roer.strategy.views.overviews import effects, network_view, orphan_lists

__all__ = [
    "effects",
    "goal_detail",
    "goal_history",
    "goal_list",
    "kpi_detail",
    "kpi_history",
    "kpi_list",
    "network_view",
    "orphan_lists",
]
