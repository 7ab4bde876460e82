from roer.planning.models.links import GroupKind, ScenarioGroup, ScenarioGroupMember, ScenarioLink
from roer.planning.models.scenarios import PlanApplication, RunState, Scenario, SolveRun, Team
from roer.planning.models.scoring import DEFAULT_WEIGHTS, ScoringConfiguration

__all__ = [
    "DEFAULT_WEIGHTS",
    "GroupKind",
    "PlanApplication",
    "RunState",
    "Scenario",
    "ScenarioGroup",
    "ScenarioGroupMember",
    "ScenarioLink",
    "ScoringConfiguration",
    "SolveRun",
    "Team",
]
