"""Planning over the API: scenarios, their what-if variants and optimiser input, solve runs, and scores.

Reads use ``Scenario.objects.for_user``: what lies outside your scope answers 404, and a list holds
only what you may see. Every change goes through ``roer.planning.services``, like the pages; the
services refuse a missing right (403) and invalid values (400, with ``invalidParams``). Queueing a
solve and deriving a variant are sub-resources of a scenario (``runs``, ``variants``), never verbs."""

from roer.planning.api.viewsets.runs import SolveRunViewSet
from roer.planning.api.viewsets.scenarios import ScenarioViewSet, creates_somewhere
from roer.planning.api.viewsets.scores import ScoreViewSet

__all__ = ["ScenarioViewSet", "ScoreViewSet", "SolveRunViewSet", "creates_somewhere"]
