"""Planning as the API shows it (camelCase): scenarios with their teams and links, what-if variants and solve runs.

Every change goes through ``roer.planning.services``; these serializers only read and check the
shape of the input. Money and capacities are decimal strings."""

from roer.planning.api.serializers.links import ScenarioDependencySerializer, ScenarioGroupSerializer
from roer.planning.api.serializers.runs import (
    FrontierPointSerializer,
    QueueRunSerializer,
    SolveRunSerializer,
    StopRequestSerializer,
)
from roer.planning.api.serializers.scenarios import (
    ChangeScenarioSerializer,
    NewScenarioSerializer,
    ScenarioSerializer,
    TeamCapacitySerializer,
    TeamSerializer,
    VariantSerializer,
)
from roer.planning.api.serializers.scores import ScorePartSerializer, ScoreSerializer

__all__ = [
    "ChangeScenarioSerializer",
    "FrontierPointSerializer",
    "NewScenarioSerializer",
    "QueueRunSerializer",
    "ScenarioDependencySerializer",
    "ScenarioGroupSerializer",
    "ScenarioSerializer",
    "ScorePartSerializer",
    "ScoreSerializer",
    "SolveRunSerializer",
    "StopRequestSerializer",
    "TeamCapacitySerializer",
    "TeamSerializer",
    "VariantSerializer",
]
