"""Unfunded explanations, binding limits and their shadow values, and warm what-if bounds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roer.planning.optimiser import Optimiser, parse_scenario

from .helpers import candidate, reasons, scenario, solve


def test_budget_shortfall_is_exact_and_names_the_year() -> None:
    data = scenario([candidate("a", 10, [70]), candidate("b", 5, [50.25])], budget=[100])
    plan = solve(data)
    (why,) = reasons(plan, "b")
    assert why["kind"] == "budget" and why["year"] == 0 and why["shortBy"] == 20.25
    assert why["text"] == "starting in quarter 0, the year 1 (quarters 0–3) budget is €20.25 short"


def test_team_shortfall_names_team_and_quarter() -> None:
    data = scenario(
        [
            candidate("a", 10, [1], {"dev": [3]}, fixedStart=2),
            candidate("b", 5, [1], {"dev": [2]}, earliestStart=2, deadline=3),
        ],
        capacity=[4, 4, 4, 4],
    )
    (why,) = reasons(solve(data), "b")
    assert (why["kind"], why["team"], why["quarter"], why["shortBy"]) == ("team", "dev", 2, 1.0)


def test_dependency_exclusive_and_together_reasons() -> None:
    data = scenario(
        [
            candidate("base", 1, [200]),
            candidate("app", 5, [1]),
            candidate("buy", 10, [1]),
            candidate("build", 1, [1]),
            candidate("x", 1, [300]),
            candidate("y", 50, [1]),
        ],
        budget=[100],
        dependencies=[{"before": "base", "after": "app"}],
        exclusive=[["buy", "build"]],
        together=[["x", "y"]],
    )
    plan = solve(data)
    assert {"kind": "dependency", "before": "base", "text": 'depends on "base", which is not funded'} in reasons(
        plan, "app"
    )
    assert reasons(plan, "build")[0]["alternative"] == "buy"
    assert reasons(plan, "y")[0] == {"kind": "together", "with": ["x"], "text": 'funded only together with "x"'}


def test_binding_budget_shadow_value_is_the_marginal_value_of_a_euro() -> None:
    # LP: fund a fully (value 10 for 60), then b fractionally at 8/50 per euro.
    data = scenario([candidate("a", 10, [60]), candidate("b", 8, [50])], budget=[100])
    plan = solve(data)
    (limit,) = plan["binding"]
    assert limit["kind"] == "budget" and limit["year"] == 0
    assert limit["shadowValue"] == pytest.approx(8 / 50)
    assert limit["available"] == 100 and limit["used"] == 60


def test_shadow_values_match_the_bound_after_a_small_change() -> None:
    data = scenario(
        [candidate(f"c{k}", 10 + k, [30 + 7 * k, 20], {"dev": [1 + k % 3, 1]}) for k in range(8)],
        quarters=8,
        budget=[150, 150],
        capacity=[4] * 8,
    )
    plan = solve(data)
    opt = Optimiser(parse_scenario(data))
    base = opt.resolve_bound()
    assert base == pytest.approx(plan["bound"]) or plan["bound"] < base  # a whole-MILP bound may be tighter
    for limit in plan["binding"]:
        if limit["kind"] == "budget":
            budget = [Decimal(150), Decimal(150)]
            budget[limit["year"]] += 1
            moved = opt.resolve_bound(budget_per_year=budget)
            opt.resolve_bound(budget_per_year=[150, 150])
            assert moved is not None and base is not None
            assert moved - base == pytest.approx(limit["shadowValue"], rel=1e-6)
            assert limit["shadowValue"] > 0


def test_resolve_bound_equals_a_fresh_solve() -> None:
    data = scenario(
        [candidate(f"c{k}", 5 + k, [20 + k, 10], {"dev": [1, 2]}) for k in range(10)],
        quarters=8,
        budget=[120, 80],
        capacity=[5] * 8,
    )
    opt = Optimiser(parse_scenario(data))
    opt.resolve_bound()
    warm = opt.resolve_bound(budget_per_year=[100, 60], capacity={"dev": [3] * 8})
    fresh = Optimiser(
        parse_scenario({**data, "budgetPerYear": [100, 60], "teams": [{"id": "dev", "capacity": [3] * 8}]})
    ).resolve_bound()
    assert warm == pytest.approx(fresh)


def test_every_unfunded_candidate_has_a_reason_and_nothing_that_fits_is_left_out() -> None:
    data = scenario(
        [candidate(f"c{k}", 3 + k % 4, [10 + 3 * k], {"dev": [1 + k % 2]}) for k in range(12)],
        budget=[80],
        capacity=[3, 3, 3, 3],
    )
    plan = solve(data)
    for item in plan["unfunded"]:
        assert item["reasons"], item
        assert all(r["kind"] != "choice" for r in item["reasons"])


def test_solve_after_a_what_if_uses_the_scenarios_own_limits() -> None:
    data = scenario([candidate("a", 10, [60]), candidate("b", 8, [50])], budget=[100])
    opt = Optimiser(parse_scenario(data))
    assert opt.resolve_bound(budget_per_year=[1000]) == pytest.approx(18)
    plan = opt.solve(time_limit=5).to_json()
    assert plan["bound"] == pytest.approx(10) and plan["objective"] == pytest.approx(10)


def test_what_ifs_in_any_order_start_from_kept_bases_and_each_equal_a_fresh_solve() -> None:
    data = scenario(
        [candidate(f"c{k}", 5 + k, [20 + 3 * k, 10 + k], {"dev": [1 + k % 2, 2]}) for k in range(14)],
        quarters=8,
        budget=[120, 80],
        capacity=[5] * 8,
    )
    data["candidates"][0]["mandatory"] = True
    opt = Optimiser(parse_scenario(data))
    opt.lp()
    for first, second in [(60, 40), (180, 120), (130, 90), (0, 0), (65, 45), (120, 80), (175, 118)]:
        warm = opt.resolve_bound(budget_per_year=[first, second])
        fresh = Optimiser(parse_scenario({**data, "budgetPerYear": [first, second]})).lp()
        if fresh is None:  # the mandatory candidate no longer fits: no bound, and the next what-if recovers
            assert warm is None, (first, second)
        else:
            assert warm == pytest.approx(fresh.objective, rel=1e-9), (first, second)
    assert len(opt._bases) > 1  # feasible what-ifs left their bases to start from
