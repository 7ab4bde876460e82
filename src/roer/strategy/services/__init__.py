"""Every change to goals, KPIs, measurements and contributions: one function, one transaction.

Each checks the permission (``PermissionDenied`` with a message for the person),
validates (``ValidationError`` keyed by model field) and, for goals and KPIs,
refuses a change based on a stale version (``StaleVersion``, shared with the
initiatives). The audit signals record every save and delete; pages, the API,
imports and commands all call these functions.
"""

from roer.portfolio.services import StaleVersion
from roer.strategy.services.contributions import add_contribution, delete_contribution, update_contribution
from roer.strategy.services.goals import create_goal, delete_goal, update_goal
from roer.strategy.services.kpis import create_kpi, link_kpi, unlink_kpi, update_kpi
from roer.strategy.services.measurements import add_measurement, delete_measurement, update_measurement

__all__ = [
    "StaleVersion",
    "add_contribution",
    "add_measurement",
    "create_goal",
    "create_kpi",
    "delete_contribution",
    "delete_goal",
    "delete_measurement",
    "link_kpi",
    "unlink_kpi",
    "update_contribution",
    "update_goal",
    "update_kpi",
    "update_measurement",
]
