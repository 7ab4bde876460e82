"""Which candidates to fund, and when: scenario in, plan out (no Django here).

    from roer.planning.optimiser import parse_scenario, optimise, check
    plan = optimise(parse_scenario(data), time_limit=10)
    assert check(data, plan.to_json()) == []

See docs/planning/optimiser.md for the method and its guarantees.
"""

from .feasibility import check
from .greedy import greedy
from .plan import Plan
from .scenario import Scenario, ScenarioError, parse_scenario
from .solve import Optimiser, optimise

__all__ = ["Optimiser", "Plan", "Scenario", "ScenarioError", "check", "greedy", "optimise", "parse_scenario"]
