"""Benchmark of the portfolio optimiser (issue 6): greedy ranking, Roer, a long reference solve, the LP bound.

    .venv/bin/python benchmarks/optimiser.py                       # the full table (hours)
    .venv/bin/python benchmarks/optimiser.py --sizes 100 500 --seeds 1 --reference 30   # a quick look
    .venv/bin/python benchmarks/optimiser.py --variants --sizes 2000    # the harder variants
    .venv/bin/python benchmarks/optimiser.py --what-if --sizes 2000     # bound after a budget change
    .venv/bin/python benchmarks/optimiser.py --write 100 1 > scenario.json   # one instance as JSON

Instances are generated from a seed (Python's own ``random``, so they are the
same on every machine): lognormal costs, durations of 1–8 quarters skewed to
2–4, 3–6 teams, dependencies on about 10 % of candidates (see ``generate``),
exclusive and together groups, about 5 % mandatory with deadlines, a few
already running, budgets about 40 % and capacities about 45 % of what all
candidates together would need.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import highspy
import numpy as np

from roer.planning.optimiser import Optimiser, check, greedy, parse_scenario
from roer.planning.optimiser.model import build_matrix, make_highs
from roer.planning.optimiser.placement import Links
from roer.planning.optimiser.scenario import Scenario

DURATIONS = {1: 5, 2: 20, 3: 25, 4: 20, 5: 10, 6: 8, 7: 6, 8: 6}  # weights: skewed to 2–4
TIME_LIMITS = {100: 10.0, 500: 10.0, 2000: 5.0, 5000: 10.0, 20000: 60.0}  # Roer's limit per size (the targets)


def generate(
    n: int,
    seed: int,
    quarters: int = 12,
    *,
    budget_share: float = 0.40,
    capacity_share: float = 0.45,
    dependency_share: float = 0.10,
    teams: int | None = None,
) -> dict[str, Any]:
    """A realistic portfolio of ``n`` candidates as scenario JSON.

    "A dependency DAG on about 10 % of pairs" is read as: about ``dependency_share × n``
    dependencies, each from an earlier to a later candidate in a random order (so the
    graph is acyclic) — 10 % of *all* pairs would be 200 million dependencies at
    N = 20,000, which no portfolio has.
    """
    rng = random.Random(seed)
    n_teams = teams if teams is not None else rng.randint(3, 6)
    team_ids = [f"team-{k + 1}" for k in range(n_teams)]
    durations, weights = list(DURATIONS), list(DURATIONS.values())
    candidates: list[dict[str, Any]] = []
    for k in range(n):
        duration = min(quarters, rng.choices(durations, weights)[0])
        total = rng.lognormvariate(math.log(400_000), 1.0)
        shape = [rng.uniform(0.6, 1.4) for _ in range(duration)]
        cost = [round(total * w / sum(shape)) for w in shape]
        value = round(total / 1000 * rng.lognormvariate(0, 0.5), 2)
        used = rng.sample(team_ids, k=min(n_teams, rng.choices([1, 2, 3], [50, 35, 15])[0]))
        demand = {}
        for team in used:
            share = rng.uniform(0.3, 1.0)
            demand[team] = [max(0.1, round(c / 120_000 * share, 1)) for c in cost]
        c: dict[str, Any] = {"id": f"C{k:05d}", "value": value, "duration": duration, "cost": cost, "demand": demand}
        roll = rng.random()
        if roll < 0.02:  # a few already running
            c["fixedStart"] = 0
        elif roll < 0.07:  # about 5 % mandatory, with a deadline that leaves some room
            earliest = rng.randint(0, max(0, quarters // 2 - duration))
            c["mandatory"] = True
            c["earliestStart"] = earliest
            c["deadline"] = min(quarters, earliest + duration + rng.randint(1, 4))
        elif rng.random() < 0.15:
            c["earliestStart"] = rng.randint(1, max(1, quarters - duration))
        candidates.append(c)
    free = [c["id"] for c in candidates if not c.get("mandatory") and "fixedStart" not in c]
    rng.shuffle(free)
    exclusive = [free[k : k + rng.randint(2, 3)] for k in range(0, int(0.03 * n), 3)]
    together_from = int(0.03 * n) + 3
    together = [free[k : k + 2] for k in range(together_from, together_from + int(0.03 * n), 2)]
    together = [g for g in together if len(g) == 2]
    order = [c["id"] for c in candidates]
    rng.shuffle(order)
    rank = {ident: r for r, ident in enumerate(order)}
    forced = {c["id"] for c in candidates if c.get("mandatory") or "fixedStart" in c}
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < int(dependency_share * n):
        a, b = rng.sample(order, 2)
        before, after = (a, b) if rank[a] < rank[b] else (b, a)
        if after not in forced:  # keeps every instance feasible
            pairs.add((before, after))
    years = (quarters + 3) // 4
    total_cost = sum(sum(c["cost"]) for c in candidates)
    budget = [round(budget_share * total_cost / years) for _ in range(years)]
    need = {t: 0.0 for t in team_ids}
    for c in candidates:
        for team, series in c["demand"].items():
            need[team] += sum(series)
    capacity = [{"id": t, "capacity": [round(capacity_share * need[t] / quarters, 1)] * quarters} for t in team_ids]
    return {
        "quarters": quarters,
        "discountRatePerYear": 0.04,
        "budgetPerYear": budget,
        "teams": capacity,
        "candidates": candidates,
        "dependencies": [{"before": b, "after": a} for b, a in sorted(pairs)],
        "exclusive": exclusive,
        "together": together,
    }


# Reference solves take minutes each: their results are kept between runs (outside the repository).
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "roer" / "optimiser-reference.json"


def cached_reference(key: str, sc: Scenario, seconds: float, path: Path) -> tuple[float | None, float]:
    path.parent.mkdir(parents=True, exist_ok=True)
    cache = json.loads(path.read_text()) if path.exists() else {}
    if key not in cache:
        t = time.perf_counter()
        objective, _ = reference(sc, seconds)
        cache = json.loads(path.read_text()) if path.exists() else {}  # another run may have added some
        cache[key] = [objective, time.perf_counter() - t]
        path.write_text(json.dumps(cache, indent=1))
    objective, spent = cache[key]
    return objective, spent


def reference(sc: Scenario, seconds: float) -> tuple[float | None, float]:
    """HiGHS on the whole MILP as-is (no LP guidance) for ``seconds``: (best objective, its dual bound)."""
    m = build_matrix(sc)
    h = make_highs(m, integer=True)
    h.setOptionValue("time_limit", seconds)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.run()
    info = h.getInfo()
    found = info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible
    return (info.objective_function_value * m.value_scale if found else None), info.mip_dual_bound * m.value_scale


@dataclass
class Row:
    n: int
    seed: int
    bound: float
    lp_seconds: float
    greedy: float
    greedy_seconds: float
    roer: float
    roer_seconds: float
    roer_status: str
    reference: float | None
    reference_seconds: float


def run_one(
    n: int, seed: int, ref_seconds: float, limit: float, cache: Path, only_reference: bool = False, **variant: Any
) -> Row | None:
    data = generate(n, seed, **variant)
    sc = parse_scenario(data)
    key = f"{n}/{seed}/{sorted(variant.items())}/{ref_seconds:.0f}s"
    if only_reference:
        cached_reference(key, sc, ref_seconds, cache)
        return None
    t = time.perf_counter()
    g = greedy(sc, Links(sc))
    greedy_seconds = time.perf_counter() - t
    t = time.perf_counter()
    plan = Optimiser(sc).solve(time_limit=limit, gap=1e-5)
    roer_seconds = time.perf_counter() - t
    problems = check(data, plan.to_json())
    if problems:
        raise SystemExit(f"N={n} seed={seed}: infeasible plan: {problems[:3]}")
    opt = Optimiser(sc)
    t = time.perf_counter()
    lp = opt.lp()
    assert lp is not None
    lp_seconds = time.perf_counter() - t
    ref, spent = cached_reference(key, sc, ref_seconds, cache) if ref_seconds > 0 else (None, 0.0)
    return Row(
        n,
        seed,
        lp.objective,
        lp_seconds,
        g.objective() if g else float("nan"),
        greedy_seconds,
        plan.objective or float("nan"),
        roer_seconds,
        plan.status,
        ref,
        spent,
    )


TRACE_LEVELS = (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4)  # a solve run's frontier levels


def what_if(n: int, seed: int, repeats: int = 20, traced: bool = False) -> list[tuple[float, float]]:
    """(factor, seconds) for a new bound after changing every year's budget by −15 % … +15 %.

    Each change is measured on a fresh ``Optimiser`` whose LP was solved once, so no change
    profits from an earlier measured one; with ``traced``, the frontier levels of a solve run
    (60 % … 140 %) were re-solved first, as after a run in the app.
    """
    data = generate(n, seed)
    sc = parse_scenario(data)
    base = data["budgetPerYear"]
    result = []
    for k in range(repeats):
        factor = 0.85 + 0.30 * k / (repeats - 1)  # evenly, never exactly a frontier level
        opt = Optimiser(sc)
        opt.lp()
        if traced:
            for level in TRACE_LEVELS:
                opt.resolve_bound(budget_per_year=[round(b * level) for b in base])
        t = time.perf_counter()
        opt.resolve_bound(budget_per_year=[round(b * factor) for b in base])
        result.append((factor, time.perf_counter() - t))
    return result


def pct(a: float | None, b: float | None) -> str:
    if a is None or b is None or not b or math.isnan(a):
        return "–"
    return f"{100 * a / b:.3f} %"


def table(rows: list[Row], title: str) -> str:
    lines = [
        f"### {title}",
        "",
        "| N | seed | LP bound | greedy: % bound | greedy s | Roer: % bound | Roer: % ref | Roer s | "
        "reference: % bound | ref s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {r.seed} | {r.bound:,.1f} | {pct(r.greedy, r.bound)} | {r.greedy_seconds:.2f} | "
            f"{pct(r.roer, r.bound)} | {pct(r.roer, r.reference)} | {r.roer_seconds:.2f} | "
            f"{pct(r.reference, r.bound)} | {r.reference_seconds:.0f} |"
        )
    lines += [
        "",
        "| N | seeds | greedy: mean % bound | Roer: mean % bound | Roer: min % bound | Roer: mean % ref | "
        "Roer: max s |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sorted({r.n for r in rows}):
        rs = [r for r in rows if r.n == n]
        with_ref = [r for r in rs if r.reference]
        lines.append(
            f"| {n:,} | {len(rs)} | {statistics.mean(100 * r.greedy / r.bound for r in rs):.3f} % | "
            f"{statistics.mean(100 * r.roer / r.bound for r in rs):.3f} % | "
            f"{min(100 * r.roer / r.bound for r in rs):.3f} % | "
            + (
                f"{statistics.mean(100 * r.roer / r.reference for r in with_ref if r.reference):.3f} %"
                if with_ref
                else "–"
            )
            + f" | {max(r.roer_seconds for r in rs):.2f} |"
        )
    return "\n".join(lines)


VARIANTS = {
    "tighter budget (30 %)": {"budget_share": 0.30},
    "more dependencies (30 %)": {"dependency_share": 0.30},
    "fewer teams (2)": {"teams": 2},
}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000, 5000, 20000])
    p.add_argument("--seeds", type=int, default=3, help="seeds 1…SEEDS")
    p.add_argument("--reference", type=float, default=300.0, help="seconds for the reference solve (0: none)")
    p.add_argument("--reference-up-to", type=int, default=5000, help="largest N that gets a reference solve")
    p.add_argument("--limit", type=float, default=None, help="Roer's time limit (default: the target per N)")
    p.add_argument("--variants", action="store_true", help="the harder variants instead of the base instances")
    p.add_argument("--what-if", action="store_true", help="time the bound after a budget change")
    p.add_argument("--cache", type=Path, default=None, help=f"reference results file (default {CACHE})")
    p.add_argument("--only-reference", action="store_true", help="only fill the cache of reference solves")
    p.add_argument("--write", type=int, nargs=2, metavar=("N", "SEED"), help="print one instance as JSON")
    args = p.parse_args(argv)
    cache = args.cache or CACHE
    if args.write:
        json.dump(generate(*args.write), sys.stdout, indent=1)
        return
    if args.what_if:
        for n in args.sizes:
            for traced in (False, True):
                measured = what_if(n, 1, traced=traced)
                times = [seconds for _, seconds in measured]
                start = "after a frontier trace (60 % … 140 %)" if traced else "from the LP's own basis"
                print(
                    f"N={n:,}: new bound after a budget change, {start}: median "
                    f"{1000 * statistics.median(times):.1f} ms, max {1000 * max(times):.1f} ms over {len(times)} "
                    f"changes of −15 % … +15 %; slowest {max(measured, key=lambda m: m[1])[0] - 1:+.1%}",
                    flush=True,
                )
        return
    groups = VARIANTS if args.variants else {"base instances": {}}
    limit_text = f"{args.limit:g} s" if args.limit else ("10 s" if args.variants else "per target")
    for title, variant in groups.items():
        rows = []
        for n in args.sizes:
            for seed in range(1, args.seeds + 1):
                limit = args.limit or (10.0 if args.variants else TIME_LIMITS.get(n, 60.0))
                ref = args.reference if n <= args.reference_up_to else 0.0
                row = run_one(n, seed, ref, limit, cache, args.only_reference, **variant)
                if row is None:
                    print(f"# reference cached: {title} N={n} seed={seed}", file=sys.stderr, flush=True)
                    continue
                rows.append(row)
                print(
                    f"# {title} N={n} seed={seed}: bound {row.bound:.1f}, greedy {pct(row.greedy, row.bound)}, "
                    f"Roer {pct(row.roer, row.bound)} in {row.roer_seconds:.1f} s ({row.roer_status}), "
                    f"reference {pct(row.reference, row.bound)}",
                    file=sys.stderr,
                    flush=True,
                )
        if not rows:
            continue
        print(
            table(
                rows,
                f"{title} — Roer's limit {limit_text}, reference {args.reference:.0f} s",
            ),
            flush=True,
        )
        print(flush=True)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
