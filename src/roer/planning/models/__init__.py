from roer.planning.models.scenarios import PlanApplication, RunState, Scenario, SolveRun, Team
from roer.planning.models.scoring import DEFAULT_WEIGHTS, ScoringConfiguration

__all__ = [
    "DEFAULT_WEIGHTS",
    "PlanApplication",
    "RunState",
    "Scenario",
    "ScoringConfiguration",
    "SolveRun",
    "Team",
]
