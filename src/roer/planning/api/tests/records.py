"""A scenario of the ministry's department with a run, for the API's refusal table: the outsider
(charlie) must not see or act on them."""

from __future__ import annotations

from decimal import Decimal

from roer.conftest import World
from roer.planning.models import Scenario, SolveRun
from roer.planning.services.runs import queue_run
from roer.planning.services.scenarios import create_scenario


def _scenario(world: World) -> Scenario:
    existing = Scenario.objects.filter(name="Departementsplan").first()
    if existing is not None:
        return existing
    values = {"name": "Departementsplan", "org_unit": world.department, "start_year": 2027, "quarters": 4}
    scenario = create_scenario(world.alice, values, Decimal("1000000"), Decimal("4"))
    queue_run(world.alice, scenario, 5)
    return scenario


def planning_url(world: World, template: str) -> str:
    """``/planning/scenarios/{id}/runs`` with the department's scenario, ``/planning/runs/{id}`` with its run,
    ``/planning/scores/{code}`` with the ministry's initiative."""
    scenario = _scenario(world)  # every list holds something charlie must not see
    if "{" not in template:
        return template
    run = SolveRun.objects.filter(scenario=scenario).first()
    assert run is not None
    key = run.pk if template.startswith("/planning/runs/") else scenario.pk
    return template.replace("{id}", str(key)).replace("{code}", world.initiative.code)
