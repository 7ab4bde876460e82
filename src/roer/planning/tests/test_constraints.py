"""Each kind of constraint, on a scenario small enough to know the answer."""

from __future__ import annotations

import pytest

from .helpers import candidate, funded, scenario, solve


def test_budget_per_year_funds_the_best_combination() -> None:
    data = scenario([candidate("a", 10, [60]), candidate("b", 7, [50]), candidate("c", 7, [50])], budget=[100])
    plan = solve(data)
    assert set(funded(plan)) == {"b", "c"}
    assert plan["status"] == "optimal"


def test_costs_count_in_the_year_of_each_quarter() -> None:
    # 4 quarters of 50: starting in quarter 2 splits it 100/100 over two years of budget 100.
    data = scenario([candidate("a", 10, [50, 50, 50, 50])], quarters=8, budget=[100, 100])
    assert funded(solve(data)) == {"a": 2}


def test_team_capacity_per_quarter() -> None:
    data = scenario(
        [candidate("a", 10, [1], {"dev": [3]}), candidate("b", 10, [1], {"dev": [3]})], quarters=2, capacity=[4, 0]
    )
    plan = solve(data)
    assert len(funded(plan)) == 1


def test_dependency_funds_before_first_and_orders_them() -> None:
    data = scenario(
        [candidate("base", 1, [10, 10]), candidate("app", 50, [10])],
        quarters=4,
        dependencies=[{"before": "base", "after": "app"}],
    )
    starts = funded(solve(data))
    assert starts["app"] >= starts["base"] + 2


def test_dependency_without_room_for_before_leaves_after_out() -> None:
    data = scenario(
        [candidate("base", 1, [100]), candidate("app", 50, [10])],
        budget=[50],
        dependencies=[{"before": "base", "after": "app"}],
    )
    assert funded(solve(data)) == {}


def test_exclusive_alternatives() -> None:
    data = scenario(
        [candidate("buy", 10, [10]), candidate("build", 12, [10]), candidate("other", 1, [10])],
        exclusive=[["buy", "build"]],
    )
    assert set(funded(solve(data))) == {"build", "other"}


def test_together_all_or_none() -> None:
    data = scenario(
        [candidate("a", 10, [60]), candidate("b", 1, [60]), candidate("c", 9, [40])],
        budget=[100],
        together=[["a", "b"]],
    )
    assert set(funded(solve(data))) == {"c"}


def test_mandatory_is_funded_even_when_worthless() -> None:
    data = scenario([candidate("law", 0, [80], mandatory=True), candidate("nice", 50, [80])], budget=[100])
    assert set(funded(solve(data))) == {"law"}


def test_fixed_start_is_kept() -> None:
    data = scenario([candidate("running", 1, [10, 10], fixedStart=1), candidate("x", 5, [10])])
    assert funded(solve(data))["running"] == 1


def test_earliest_start_and_deadline_bound_the_start() -> None:
    data = scenario([candidate("a", 5, [10, 10], earliestStart=1, deadline=3)], quarters=6, budget=[1000, 1000])
    assert funded(solve(data)) == {"a": 1}


def test_must_finish_inside_the_horizon() -> None:
    data = scenario([candidate("long", 5, [1] * 4, earliestStart=1)])
    plan = solve(data)
    assert funded(plan) == {}
    assert plan["unfunded"][0]["reasons"][0]["kind"] == "window"


def test_discounting_prefers_the_earlier_finish() -> None:
    data = scenario([candidate("a", 100, [10])], discountRatePerYear=0.1)
    plan = solve(data)
    assert funded(plan) == {"a": 0}
    assert plan["objective"] == pytest.approx(100 * 1.1 ** (-1 / 4))


def test_discounting_trades_value_against_time() -> None:
    # Only one of them can run in quarter 0; the bigger one should go first.
    data = scenario(
        [candidate("big", 100, [1], {"dev": [1]}), candidate("small", 10, [1], {"dev": [1]})],
        quarters=2,
        budget=[1000],
        capacity=[1, 1],
        discountRatePerYear=0.5,
    )
    assert funded(solve(data)) == {"big": 0, "small": 1}


def test_empty_portfolio() -> None:
    plan = solve(scenario([]))
    assert plan["status"] == "optimal"
    assert plan["funded"] == [] and plan["objective"] == 0
