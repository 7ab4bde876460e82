"""A scenario's optimiser input, built from the portfolio."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from roer.planning.optimiser import parse_scenario
from roer.planning.services.build import build, team_for
from roer.planning.tests.scenario_setup import portfolio, scenario

SCHEMA = Path(__file__).resolve().parents[4] / "docs" / "planning" / "scenario.schema.json"

pytestmark = pytest.mark.django_db


def test_candidates_come_from_the_portfolio(world):
    items = portfolio(world)
    built = build(scenario(world))
    candidates = {c["id"]: c for c in built.data["candidates"]}
    assert set(candidates) == {"MINBZ-0001", "MINBZ-0003", "MINBZ-0004"}
    a = candidates["MINBZ-0001"]
    assert a["duration"] == 8
    assert a["cost"] == [100000] * 8, "each year's plan spread over its quarters"
    assert a["demand"] == {world.directorate.code: [4.0] * 8}
    assert "mandatory" not in a and "fixedStart" not in a
    b = candidates["MINBZ-0003"]
    assert b["mandatory"] is True
    assert b["duration"] == 3
    assert sum(Decimal(str(c)) for c in b["cost"]) == Decimal("300000.03"), "no cent lost"
    c = candidates["MINBZ-0004"]
    assert c["fixedStart"] == 0, "running since before the horizon"
    assert c["duration"] == 2 and c["cost"] == [100000, 100000], "only its part inside the horizon"
    skipped = {s["code"]: s["reason"] for s in built.skipped}
    assert skipped == {"MINBZ-0006": "no dates and no planned costs"}
    assert items["closed"].code not in candidates
    assert built.details["MINBZ-0004"]["running"] is True


def test_the_export_follows_the_documented_schema_and_parses(world):
    portfolio(world)
    data = build(scenario(world)).data
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(data)
    parsed = parse_scenario(data)
    assert parsed.quarters == 8
    assert data["budgetPerYear"] == [600000, 600000]


def test_values_are_the_scores(world):
    from roer.planning.scoring.services import scores_for

    items = portfolio(world)
    built = build(scenario(world))
    scores = scores_for([items["a"]])
    value = next(c["value"] for c in built.data["candidates"] if c["id"] == "MINBZ-0001")
    assert value == pytest.approx(float(scores[items["a"].pk].value))


def test_a_what_if_leaves_out_and_forces_in(world):
    portfolio(world)
    base = scenario(world)
    base.forced_out = ["MINBZ-0001"]
    base.forced_in = ["MINBZ-0004"]
    built = build(base)
    ids = {c["id"]: c for c in built.data["candidates"]}
    assert "MINBZ-0001" not in ids
    assert ids["MINBZ-0004"]["mandatory"] is True
    left_out = {
        "code": "MINBZ-0001",
        "name": "Regie op gegevens",
        "kind": "left_out",
        "reason": "left out by this what-if",
    }
    assert left_out in built.skipped


def test_the_nearest_team_above_an_initiative_counts(world):
    portfolio(world)
    base = scenario(world)
    teams = list(base.teams.select_related("org_unit"))
    assert [t.org_unit for t in teams] == [world.directorate], "one team per unit below the scenario's unit"
    assert team_for(world.directorate.path, teams) == teams[0]
    assert team_for(world.other_department.path, teams) is None


def test_too_long_for_the_horizon_is_not_a_candidate(world):
    items = portfolio(world)
    base = scenario(world)
    base.quarters = 4
    base.budgets = ["600000.00"]
    built = build(base)
    reasons = {s["code"]: s["reason"] for s in built.skipped}
    assert reasons[items["a"].code] == "takes 8 quarters, longer than the horizon"


def test_a_horizon_starting_mid_year_keeps_each_years_spread(world):
    """Running 2026 Q1 – 2027 Q2, horizon from 2027 Q2: one quarter is left, at half of 2027's plan."""
    portfolio(world)
    base = scenario(world)
    base.start_quarter = 2
    built = build(base)
    running = next(c for c in built.data["candidates"] if c["id"] == "MINBZ-0004")
    assert running["fixedStart"] == 0
    assert running["duration"] == 1
    assert running["cost"] == [100000], "2027's 200,000 spread over its two quarters of 2027, then cut at the horizon"
    assert base.quarter_label(0) == "2027 Q2" and base.year_label(0) == "2027 Q2 – 2028 Q1"


def test_capacities_are_stored_as_plain_numbers(world):
    from roer.planning.services.scenarios import _number

    assert [_number(v) for v in (Decimal("10"), Decimal("2.50"), Decimal("0"), Decimal("100.0"))] == [
        "10",
        "2.5",
        "0",
        "100",
    ]
    assert scenario(world).teams.get().capacity == ["10"] * 8
