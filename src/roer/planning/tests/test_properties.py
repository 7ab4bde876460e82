"""Property: on small random scenarios the optimiser matches exhaustive search, and every plan checks."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roer.planning.optimiser import check

from .helpers import solve


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    quarters = draw(st.integers(1, 6))
    years = (quarters + 3) // 4
    teams = [
        {"id": f"t{k}", "capacity": draw(st.lists(st.integers(0, 4), min_size=quarters, max_size=quarters))}
        for k in range(draw(st.integers(1, 2)))
    ]
    candidates = []
    for k in range(draw(st.integers(0, 5))):
        duration = draw(st.integers(1, min(3, quarters)))
        c: dict[str, Any] = {
            "id": f"c{k}",
            "value": draw(st.integers(0, 40)),
            "duration": duration,
            "cost": draw(st.lists(st.integers(0, 50), min_size=duration, max_size=duration)),
            "demand": {
                t["id"]: draw(st.lists(st.integers(0, 3), min_size=duration, max_size=duration))
                for t in teams
                if draw(st.booleans())
            },
        }
        if draw(st.integers(0, 5)) == 0:
            c["mandatory"] = True
        if draw(st.booleans()):
            c["earliestStart"] = draw(st.integers(0, quarters - 1))
        if draw(st.booleans()):
            c["deadline"] = draw(st.integers(1, quarters))
        if draw(st.integers(0, 7)) == 0:
            c["fixedStart"] = fixed = draw(st.integers(0, quarters - duration))
            c["earliestStart"] = min(c.get("earliestStart", 0), fixed)
            c["deadline"] = max(c.get("deadline", quarters), fixed + duration)
        candidates.append(c)
    ids = [c["id"] for c in candidates]
    pairs = [(a, b) for a, b in itertools.combinations(ids, 2)]  # a before b: acyclic by construction
    dependencies = (
        [{"before": a, "after": b} for a, b in draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True))]
        if pairs
        else []
    )
    groups = lambda: draw(st.lists(st.sampled_from(pairs), max_size=1)) if pairs else []  # noqa: E731
    return {
        "quarters": quarters,
        "discountRatePerYear": draw(st.sampled_from([0, 0.1])),
        "budgetPerYear": draw(st.lists(st.integers(0, 120), min_size=years, max_size=years)),
        "teams": teams,
        "candidates": candidates,
        "dependencies": dependencies,
        "exclusive": [list(p) for p in groups()],
        "together": [list(p) for p in groups()],
    }


def exhaustive(data: dict[str, Any]) -> float | None:
    """The best objective over every combination of (unfunded | each start), by the checker."""
    h = data["quarters"]
    rate = data["discountRatePerYear"]
    options = [[None, *range(h - c["duration"] + 1)] for c in data["candidates"]]
    best = None
    for combo in itertools.product(*options):
        funded = [{"id": c["id"], "start": s} for c, s in zip(data["candidates"], combo, strict=True) if s is not None]
        objective = sum(
            c["value"] * (1 + rate) ** (-(s + c["duration"]) / 4)
            for c, s in zip(data["candidates"], combo, strict=True)
            if s is not None
        )
        plan = {
            "status": "feasible",
            "objective": objective,
            "bound": None,
            "funded": funded,
            "unfunded": [
                {"id": c["id"], "reasons": ["-"]} for c, s in zip(data["candidates"], combo, strict=True) if s is None
            ],
        }
        if (best is None or objective > best) and not check(data, plan):
            best = objective
    return best


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(scenarios())
def test_matches_exhaustive_search(data: dict[str, Any]) -> None:
    plan = solve(data, time_limit=20, gap=0.0)  # solve() runs the independent checker
    best = exhaustive(data)
    if best is None:
        assert plan["status"] == "infeasible"
    else:
        assert plan["status"] == "optimal", plan
        assert plan["objective"] == pytest.approx(best, rel=1e-6, abs=1e-9)
        assert plan["bound"] >= plan["objective"] - 1e-9
