from roer.strategy.models.contribution import Confidence, Contribution
from roer.strategy.models.goal import Goal, GoalLevel
from roer.strategy.models.kpi import KPI, Direction, Frequency, GoalKpi, Measurement

__all__ = [
    "KPI",
    "Confidence",
    "Contribution",
    "Direction",
    "Frequency",
    "Goal",
    "GoalKpi",
    "GoalLevel",
    "Measurement",
]
