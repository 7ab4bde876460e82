"""The search paths on mid-sized random scenarios: every plan checks, and neighbourhoods keep links together."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from roer.planning.optimiser import parse_scenario
from roer.planning.optimiser.neighbourhoods import closed, neighbourhood
from roer.planning.optimiser.placement import Links, Placement
from roer.planning.optimiser.search import FULL_MILP_CANDIDATES, POLISH_UP_TO

from .helpers import solve


def portfolio(n: int, seed: int) -> dict[str, Any]:
    """A small cousin of the benchmark's instances: budgets and capacities bind, every kind of link occurs."""
    rng = random.Random(seed)
    quarters, teams = 8, ["a", "b", "c"]
    candidates: list[dict[str, Any]] = []
    for k in range(n):
        duration = rng.randint(1, 4)
        cost = [rng.randint(10, 200) for _ in range(duration)]
        c: dict[str, Any] = {
            "id": f"c{k}",
            "value": rng.randint(1, 100),
            "duration": duration,
            "cost": cost,
            "demand": {t: [round(x / 100, 1) for x in cost] for t in rng.sample(teams, rng.randint(1, 2))},
        }
        if k % 25 == 0:
            c.update(mandatory=True, deadline=quarters)
        candidates.append(c)
    free = [c["id"] for c in candidates if not c.get("mandatory")]
    rng.shuffle(free)
    ids = [c["id"] for c in candidates]
    pairs = {tuple(sorted(rng.sample(range(n), 2))) for _ in range(n // 10)}
    return {
        "quarters": quarters,
        "budgetPerYear": [sum(sum(c["cost"]) for c in candidates) // 5] * 2,
        "teams": [{"id": t, "capacity": [n / 12] * quarters} for t in teams],
        "candidates": candidates,
        "dependencies": [
            {"before": ids[a], "after": ids[b]} for a, b in sorted(pairs) if not candidates[b].get("mandatory")
        ],
        "exclusive": [free[k : k + 2] for k in range(0, n // 20, 2)],
        "together": [free[k : k + 2] for k in range(n // 20, n // 10, 2)],
    }


@pytest.mark.parametrize("n", [60, POLISH_UP_TO + 100])
def test_every_search_path_returns_a_checked_plan(n: int) -> None:
    assert n <= FULL_MILP_CANDIDATES
    plan = solve(portfolio(n, seed=n), time_limit=3.0, gap=0.0)  # solve() runs the independent checker
    assert plan["status"] in ("optimal", "feasible")
    assert plan["objective"] <= plan["bound"] + 1e-6


def test_neighbourhoods_bring_linked_candidates_along() -> None:
    sc = parse_scenario(portfolio(60, seed=3))
    links = Links(sc)
    everyone = list(range(len(sc.candidates)))
    for i in everyone:
        chosen = closed(links, {i}, everyone)
        assert set(links.bundle[i]) | links.rivals[i] | set(links.before[i]) <= chosen
    rng = random.Random(1)
    pl = Placement(sc, links)
    for _ in range(40):  # every kind, including room for a waiting candidate (all are waiting here)
        size = rng.randint(1, 20)
        chosen = neighbourhood(sc, links, [0.5] * len(everyone), rng, everyone[:50], pl, size)  # type: ignore[arg-type]
        assert chosen <= set(everyone[:50])
        assert len(chosen) >= min(size, 50)


@pytest.mark.parametrize("n", [60, 400])
def test_a_stop_request_ends_the_search_with_the_best_plan_so_far(n: int) -> None:
    asked: list[float] = []

    def stop() -> bool:
        asked.append(time.perf_counter())
        return time.perf_counter() - began > 1.0

    began = time.perf_counter()
    plan = solve(portfolio(n, seed=7), time_limit=60.0, stop=stop)  # checked by the independent checker
    spent = time.perf_counter() - began
    assert spent < 10.0, f"asked to stop after 1 s, still searching after {spent:.1f} s"
    assert plan["status"] in ("optimal", "feasible") and plan["funded"]
    assert len(asked) >= 2  # asked repeatedly, not once at the start
