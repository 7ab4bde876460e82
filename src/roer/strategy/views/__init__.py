"""Pages of goals, KPIs and the goal–effort analyses. Thin: queries in analyses and query sets,
changes through ``roer.strategy.services``."""

from roer.strategy.views.changes import goal_create, goal_edit, kpi_create, kpi_edit
from roer.strategy.views.contributions import contribution_create, contribution_delete, contribution_edit
from roer.strategy.views.goals import goal_detail, goal_history, goal_list
from roer.strategy.views.kpis import kpi_detail, kpi_history, kpi_list
from roer.strategy.views.measurements import measurement_create, measurement_import
from roer.strategy.views.overviews import effects, network_view, orphan_lists

__all__ = [
    "contribution_create",
    "contribution_delete",
    "contribution_edit",
    "effects",
    "goal_create",
    "goal_detail",
    "goal_edit",
    "goal_history",
    "goal_list",
    "kpi_create",
    "kpi_detail",
    "kpi_edit",
    "kpi_history",
    "kpi_list",
    "measurement_create",
    "measurement_import",
    "network_view",
    "orphan_lists",
]
