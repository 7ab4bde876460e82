"""A scenario's links in the optimiser input: emitted on candidates, the rest reported as skipped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from roer.planning.models import GroupKind
from roer.planning.optimiser import check, optimise, parse_scenario
from roer.planning.services.build import build
from roer.planning.services.links import add_dependency, add_group
from roer.planning.services.scenarios import create_variant
from roer.planning.tests.scenario_setup import baseline, plan_costs, portfolio, scenario
from roer.portfolio.models import Phase
from roer.portfolio.tests.factories import InitiativeFactory

SCHEMA = Path(__file__).resolve().parents[4] / "docs" / "planning" / "scenario.schema.json"

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    items = portfolio(world)
    return scenario(world), items


def test_without_links_the_input_has_none(world, setup):
    base, _ = setup
    data = build(base).data
    assert not {"dependencies", "exclusive", "together"} & set(data)


def test_links_are_emitted_with_initiative_codes(world, setup):
    base, items = setup
    d = InitiativeFactory(code="MINBZ-0007", name="Tweede helft", org_unit=world.directorate)
    baseline(d, dt.date(2027, 1, 1), dt.date(2027, 6, 30), world.alice)
    plan_costs(d, {2027: "50000"})
    add_dependency(world.alice, base, items["c"], items["a"])
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], d])
    built = build(base)
    data = built.data
    assert data["dependencies"] == [{"before": "MINBZ-0004", "after": "MINBZ-0001"}]
    assert data["exclusive"] == [["MINBZ-0001", "MINBZ-0003"]]
    assert data["together"] == [["MINBZ-0001", "MINBZ-0007"]]
    assert not [item for item in built.skipped if item.get("link")]
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(data)
    parsed = parse_scenario(data)
    assert len(parsed.dependencies) == 1 and len(parsed.exclusive) == 1 and len(parsed.together) == 1
    plan = optimise(parsed, time_limit=5)
    assert check(data, plan.to_json()) == []
    assert not {"MINBZ-0001", "MINBZ-0003"} <= set(plan.starts), "the exclusive group holds"


def test_links_on_non_candidates_are_skipped_with_a_reason(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["undated"], items["a"])
    add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["undated"]])
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"], items["c"]], name="Varianten")
    # Closed since the group was made: the group goes on without it.
    items["c"].phase = Phase.CLOSED
    items["c"].save()
    built = build(base)
    assert "dependencies" not in built.data and "together" not in built.data
    assert built.data["exclusive"] == [["MINBZ-0001", "MINBZ-0003"]]
    links = [item for item in built.skipped if item.get("link")]
    assert links == [
        {
            "code": "MINBZ-0006 → MINBZ-0001",
            "name": "",
            "kind": "dependency_skipped",
            "link": True,
            "missing": "MINBZ-0006",
            "reason": "dependency not used (not a candidate: MINBZ-0006)",
        },
        {
            "code": "MINBZ-0001, MINBZ-0003, MINBZ-0004",
            "name": "Varianten",
            "kind": "exclusive_narrowed",
            "link": True,
            "missing": "MINBZ-0004",
            "reason": "“at most one” group used for its other members (not a candidate: MINBZ-0004)",
        },
        {
            "code": "MINBZ-0001, MINBZ-0006",
            "name": "",
            "kind": "together_skipped",
            "link": True,
            "missing": "MINBZ-0006",
            "reason": "“all or none” group not used (not a candidate: MINBZ-0006)",
        },
    ]
    parse_scenario(built.data)


def test_a_what_if_that_leaves_out_a_linked_initiative(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["c"], items["a"])
    variant = create_variant(world.alice, base, "Zonder basisregistratie", force_out=["MINBZ-0004"])
    built = build(variant)
    assert "dependencies" not in built.data
    assert [item["kind"] for item in built.skipped if item.get("link")] == ["dependency_skipped"]
    assert build(base).data["dependencies"] == [{"before": "MINBZ-0004", "after": "MINBZ-0001"}]
