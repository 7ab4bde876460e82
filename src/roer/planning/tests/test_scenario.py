"""Validation: every malformed scenario is refused with the candidate, the field and the reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from roer.planning.optimiser import ScenarioError, parse_scenario
from roer.planning.optimiser.money import cents_to_json, format_euros, to_cents

from .helpers import candidate, scenario


def errors(data: Any) -> str:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data)
    return str(info.value)


def test_valid_scenario_keeps_money_in_cents() -> None:
    sc = parse_scenario(
        scenario([candidate("a", 5, [1234.56, Decimal("0.01")], {"dev": [1, 0.5]})], budget=[Decimal("2000.10")])
    )
    assert sc.candidates[0].cost == (123456, 1)
    assert sc.budget == (200010,)
    assert sc.candidates[0].demand == ((0, (1.0, 0.5)),)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["candidates"][0].update(cost=[1, 2, 3]), 'candidates[0] "a".cost: has 3 amounts, expected 2'),
        (lambda d: d["candidates"][0].update(cost=[1, -2]), 'candidates[0] "a".cost[1]: must not be negative'),
        (lambda d: d["candidates"][0].update(cost=[1, 0.001]), "must be whole cents"),
        (lambda d: d["candidates"][0].update(cost=[1, float("nan")]), "must be a finite number"),
        (lambda d: d["candidates"][0].update(value=True), 'candidates[0] "a".value: must be a number'),
        (lambda d: d["candidates"][0].update(duration=1.5), "duration: must be a whole number"),
        (lambda d: d["candidates"][0].update(demand={"ops": [1, 1]}), "unknown team 'ops'"),
        (lambda d: d["candidates"][0].update(startYear=2027), "unknown field 'startYear'"),
        (lambda d: d["candidates"][0].pop("value"), "missing field 'value'"),
        (lambda d: d["candidates"].append(candidate("a", 1, [1])), "duplicate candidate id"),
        (lambda d: d.update(budgetPerYear=[1, 2]), "budgetPerYear: has 2 amounts, expected 1"),
        (lambda d: d["teams"][0].update(capacity=[1]), 'teams[0] "dev".capacity: has 1 amounts, expected 4'),
        (lambda d: d.update(quarters=0), "quarters: must be between 1 and 400"),
        (lambda d: d.update(discountRatePerYear=-1), "discountRatePerYear: must be above -1"),
        (
            lambda d: d.update(dependencies=[{"before": "a", "after": "zz"}]),
            "dependencies[0].after: unknown candidate 'zz'",
        ),
        (lambda d: d.update(exclusive=[["a"]]), "exclusive[0]: must be a list of at least two candidate ids"),
        (lambda d: d.update(together=[["a", "a"]]), "together[0]: names a candidate twice"),
        (lambda d: d["candidates"][0].update(fixedStart=3), 'candidates[0] "a".fixedStart: must be between 0 and 2'),
        (lambda d: d["candidates"][0].update(fixedStart=0, earliestStart=1), "0 is before earliestStart 1"),
        (lambda d: d["candidates"][0].update(fixedStart=1, deadline=2), "passes the deadline 2"),
        (lambda d: d["candidates"][0].update(mandatory="yes"), "mandatory: must be true or false"),
    ],
)
def test_invalid_fields_are_named(change: Any, message: str) -> None:
    data = scenario([candidate("a", 5, [1, 2], {"dev": [1, 1]}), candidate("b", 5, [1])])
    change(data)
    assert message in errors(data)


def test_all_problems_are_reported_at_once() -> None:
    data = scenario([candidate("a", -1, [1]), candidate("b", 1, [1, 2], {"x": [1, 1]})], budget=[-5])
    text = errors(data)
    assert 'candidates[0] "a".value: must not be negative' in text
    assert "unknown team 'x'" in text
    assert "budgetPerYear[0]" in text


def test_dependency_cycle_is_refused_with_its_path() -> None:
    data = scenario(
        [candidate(x, 1, [1]) for x in "abc"],
        dependencies=[{"before": "a", "after": "b"}, {"before": "b", "after": "c"}, {"before": "c", "after": "a"}],
    )
    assert "form a cycle: a → b → c → a" in errors(data)


def test_not_an_object() -> None:
    assert "scenario: must be an object" in errors([])


def test_deadline_beyond_the_horizon_is_capped() -> None:
    sc = parse_scenario(scenario([candidate("a", 1, [1], deadline=9)]))
    assert sc.candidates[0].deadline == 4
    assert list(sc.candidates[0].starts) == [0, 1, 2, 3]


def test_money_helpers() -> None:
    assert to_cents(0.1) == 10
    assert to_cents(Decimal("1234567.89")) == 123456789
    assert format_euros(120000000) == "€1,200,000"
    assert format_euros(123456789) == "€1,234,567.89"
    assert cents_to_json(123456789) == 1234567.89
    assert cents_to_json(500) == 5
