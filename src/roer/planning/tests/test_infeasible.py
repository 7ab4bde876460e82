"""Infeasible scenarios get status "infeasible" and a reason people can act on."""

from __future__ import annotations

from typing import Any

from .helpers import candidate, scenario, solve


def reason(data: dict[str, Any]) -> str:
    plan = solve(data)
    assert plan["status"] == "infeasible"
    assert plan["funded"] == [] and plan["objective"] is None
    return str(plan["reason"])


def test_mandatory_items_alone_exceed_a_year_budget_by_an_exact_amount() -> None:
    data = scenario(
        [
            candidate("a", 1, [700000.50], mandatory=True, deadline=1),
            candidate("b", 1, [600000], mandatory=True, deadline=2),
        ],
        quarters=8,
        budget=[100000, 5000000],
    )
    assert reason(data) == "mandatory items alone exceed the year 1 (quarters 0–3) budget by €1,200,000.50"


def test_running_items_alone_exceed_team_capacity() -> None:
    data = scenario([candidate("a", 1, [1], {"dev": [4]}, fixedStart=0)], capacity=[3, 3, 3, 3])
    assert reason(data) == 'already running items alone exceed the capacity of team "dev" in quarter 0 by 1'


def test_mandatory_that_cannot_meet_its_deadline() -> None:
    data = scenario(
        [candidate("law", 1, [1, 1, 1], mandatory=True, earliestStart=2, deadline=4)], quarters=8, budget=[100, 100]
    )
    assert reason(data).startswith('mandatory "law" cannot be done in time: earliest start 2 + duration 3')


def test_two_mandatory_exclusive_alternatives() -> None:
    data = scenario(
        [candidate("a", 1, [1], mandatory=True), candidate("b", 1, [1], mandatory=True)], exclusive=[["a", "b"]]
    )
    assert "exclusive alternatives" in reason(data)


def test_mandatory_waiting_for_its_dependency_too_long() -> None:
    data = scenario(
        [candidate("base", 1, [1, 1, 1]), candidate("law", 1, [1], mandatory=True, deadline=3)],
        dependencies=[{"before": "base", "after": "law"}],
    )
    text = reason(data)
    assert 'mandatory "law" cannot start before quarter 3 because it waits for "base"' in text


def test_dependency_of_mandatory_item_counts_against_the_budget() -> None:
    data = scenario(
        [candidate("base", 1, [90]), candidate("law", 1, [20], mandatory=True)],
        budget=[100],
        dependencies=[{"before": "base", "after": "law"}],
    )
    assert reason(data) == "mandatory items alone exceed the year 1 (quarters 0–3) budget by €10"
