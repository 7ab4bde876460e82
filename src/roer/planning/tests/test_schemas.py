"""The documented JSON Schemas accept the examples, the benchmark's instances and real plans."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from roer.planning.optimiser import parse_scenario

from .helpers import candidate, scenario, solve

DOCS = Path(__file__).resolve().parents[4] / "docs" / "planning"
BENCHMARK = DOCS.parents[1] / "benchmarks" / "optimiser.py"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((DOCS / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def generator() -> Any:
    spec = importlib.util.spec_from_file_location("optimiser_benchmark", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_example_scenario_and_plan_are_valid() -> None:
    data = json.loads((DOCS / "examples" / "scenario.json").read_text())
    validator("scenario.schema.json").validate(data)
    validator("plan.schema.json").validate(json.loads((DOCS / "examples" / "plan.json").read_text()))
    validator("plan.schema.json").validate(solve(data))


def test_plans_of_every_status_are_valid() -> None:
    plans = validator("plan.schema.json")
    feasible = scenario(
        [
            candidate("a", 10, [60], {"dev": [5]}),
            candidate("b", 8, [50], {"dev": [6]}),
            candidate("c", 3, [1], earliestStart=4),
        ],
        budget=[100],
        dependencies=[{"before": "b", "after": "c"}],
    )
    infeasible = scenario([candidate("law", 1, [150], mandatory=True)], budget=[100])
    for data in (feasible, infeasible):
        validator("scenario.schema.json").validate(data)
        plans.validate(solve(data))


def test_schema_refuses_what_the_parser_refuses() -> None:
    scenarios = validator("scenario.schema.json")
    bad = scenario([candidate("a", 1, [1], startYear=2027)])
    with pytest.raises(jsonschema.ValidationError):
        scenarios.validate(bad)


def test_benchmark_instances_are_valid_and_solvable() -> None:
    data = generator().generate(80, 7)
    validator("scenario.schema.json").validate(data)
    sc = parse_scenario(data)
    assert len(sc.candidates) == 80
    validator("plan.schema.json").validate(solve(data, time_limit=3, gap=0.01))
