"""Small scenarios for tests, and a solve that always runs the independent checker."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from roer.planning.optimiser import check, optimise, parse_scenario


def candidate(
    ident: str, value: float, cost: list[Any], demand: dict[str, list[float]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": ident,
        "value": value,
        "duration": len(cost),
        "cost": cost,
        "demand": demand if demand is not None else {},
        **extra,
    }


def scenario(
    candidates: list[dict[str, Any]],
    *,
    quarters: int = 4,
    budget: list[Any] | None = None,
    capacity: list[float] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    years = (quarters + 3) // 4
    return {
        "quarters": quarters,
        "budgetPerYear": budget if budget is not None else [1000] * years,
        "teams": [{"id": "dev", "capacity": capacity if capacity is not None else [10] * quarters}],
        "candidates": candidates,
        **extra,
    }


def solve(
    data: dict[str, Any], time_limit: float = 10.0, gap: float = 0.0, stop: Callable[[], bool] | None = None
) -> dict[str, Any]:
    """Optimise and return the plan JSON, after the independent checker has passed it."""
    original = copy.deepcopy(data)
    plan = optimise(parse_scenario(data), time_limit=time_limit, gap=gap, stop=stop).to_json()
    assert data == original, "the optimiser must not change its input"
    problems = check(data, plan)
    assert problems == [], problems
    return plan


def funded(plan: dict[str, Any]) -> dict[str, int]:
    return {f["id"]: f["start"] for f in plan["funded"]}


def reasons(plan: dict[str, Any], ident: str) -> list[dict[str, Any]]:
    return next(u["reasons"] for u in plan["unfunded"] if u["id"] == ident)
