"""The LP-guided optimiser: relax, keep what the relaxation decides clearly, solve the rest exactly.

1. Decide feasibility on the forced candidates alone (``diagnose``).
2. Solve the LP relaxation of the time-indexed model: its value is the bound,
   its duals are the shadow values, and it ranks every candidate.
3. Two incumbents: the LP rounded and filled, and the greedy ranking.
4. Keep the LP's clear decisions (funded at one start, or unfunded with a
   clearly negative reduced cost) and solve the remaining core as a MILP with
   HiGHS, from the best incumbent, within the time left.
5. Repair (exactly, in cents) and fill what is left; return the best plan.

Small scenarios skip step 4's fixing: the whole MILP is solved, and its dual
bound tightens the LP bound.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import highspy
import numpy as np

from .diagnose import check_forced
from .explain import binding_limits, explain_unfunded
from .greedy import fill, forced_closure, from_starts, greedy, topological
from .model import F64, Matrix, build_matrix, make_highs
from .money import to_cents
from .placement import Links, Placement
from .plan import Plan, Status, infeasible
from .scenario import Scenario

Progress = Callable[[str, float, float | None, float | None], None]  # message, seconds, objective, bound

FULL_MILP_CANDIDATES = 1200  # up to here the whole MILP is solved; the LP-guided core above
CORE_SIZE = 200  # first core; it doubles while the core MILP is solved within the time
OPTIMAL_GAP = 1e-6  # "optimal" means proven within this fraction
DUAL_TOLERANCE = 1e-7  # scaled duals below this are zero: the limit does not bind


@dataclass
class LpSolution:
    objective: float  # in value units
    x: F64
    row_dual: F64  # scaled model units
    col_dual: F64
    seconds: float


class Clock:
    def __init__(self, limit: float) -> None:
        self.begin = time.perf_counter()
        self.limit = limit

    def elapsed(self) -> float:
        return time.perf_counter() - self.begin

    def left(self) -> float:
        return self.limit - self.elapsed()


class Optimiser:
    """Holds the LP model of one scenario so what-if bounds re-solve warm."""

    def __init__(self, scenario: Scenario) -> None:
        self.sc = scenario
        self.links = Links(scenario)
        self._matrix: Matrix | None = None
        self._lp: highspy.Highs | None = None
        self._lp_solution: LpSolution | None = None

    @property
    def matrix(self) -> Matrix:
        if self._matrix is None:
            self._matrix = build_matrix(self.sc)
        return self._matrix

    def lp(self) -> LpSolution | None:
        """The LP relaxation (solved once, then kept); None when it is infeasible."""
        if self._lp_solution is None:
            started = time.perf_counter()
            self._lp = make_highs(self.matrix)
            self._lp.setOptionValue("solver", "simplex")
            self._lp_solution = self._read_lp(started)
        return self._lp_solution

    def _read_lp(self, started: float) -> LpSolution | None:
        assert self._lp is not None
        self._lp.run()
        status = self._lp.getModelStatus()
        if status == highspy.HighsModelStatus.kModelEmpty:  # nothing can start at all
            m = self.matrix
            return LpSolution(0.0, np.zeros(m.n_cols), np.zeros(len(m.row_lower)), np.zeros(m.n_cols), 0.0)
        if status != highspy.HighsModelStatus.kOptimal:
            return None
        sol = self._lp.getSolution()
        return LpSolution(
            self._lp.getInfo().objective_function_value * self.matrix.value_scale,
            np.asarray(sol.col_value),
            np.asarray(sol.row_dual),
            np.asarray(sol.col_dual),
            time.perf_counter() - started,
        )

    def resolve_bound(
        self, budget_per_year: Sequence[Decimal | int] | None = None, capacity: dict[str, Sequence[float]] | None = None
    ) -> float | None:
        """The LP bound after changing budgets (euros per year) and/or team capacities.

        Re-solves the kept LP from its last basis (dual simplex), which takes
        milliseconds; the change stays in the model for further what-ifs.
        Returns None when the changed scenario has no feasible LP solution.
        """
        if self.lp() is None:
            return None
        assert self._lp is not None
        m = self.matrix
        rows: list[int] = []
        uppers: list[float] = []
        if budget_per_year is not None:
            if len(budget_per_year) != self.sc.years:
                raise ValueError(f"expected {self.sc.years} budgets, got {len(budget_per_year)}")
            rows += [m.budget_row + y for y in range(self.sc.years)]
            uppers += [to_cents(b) / 100 / m.money_scale for b in budget_per_year]
        for team_id, series in (capacity or {}).items():
            t = next(k for k, team in enumerate(self.sc.teams) if team.id == team_id)
            rows += [m.team_row + t * self.sc.quarters + q for q in range(self.sc.quarters)]
            uppers += [float(a) / m.team_scale for a in series]
        if rows:
            idx = np.array(rows, dtype=np.int32)
            self._lp.changeRowsBounds(len(rows), idx, m.row_lower[idx], np.array(uppers))
        self._lp_solution = self._read_lp(time.perf_counter())
        return None if self._lp_solution is None else self._lp_solution.objective

    def solve(self, time_limit: float = 60.0, gap: float = 1e-4, progress: Progress | None = None) -> Plan:
        clock = Clock(time_limit)

        def say(message: str, objective: float | None = None, bound: float | None = None) -> None:
            if progress:
                progress(message, clock.elapsed(), objective, bound)

        say("checking mandatory and running items")
        forced = check_forced(self.sc, self.links, max(1.0, 0.3 * time_limit))
        if forced.reason is not None or forced.placement is None:
            return infeasible(forced.reason or "no plan satisfies all constraints", clock.elapsed())
        say("solving the LP relaxation")
        lp = self.lp()
        if lp is None:
            return infeasible("no plan satisfies all constraints (the LP relaxation is infeasible)", clock.elapsed())
        bound = lp.objective
        best = self._rounded(lp, forced.placement)
        baseline = greedy(self.sc, self.links) or greedy(self.sc, self.links, base=forced.placement)
        if baseline is not None and baseline.objective() > best.objective():
            best = baseline
        say("LP relaxation solved; rounded plan", best.objective(), bound)
        mip_bound = None
        if _gap(best.objective(), bound) > gap and clock.left() > self._reserve():
            best, mip_bound = self._search(lp, best, clock, gap, say)
        if mip_bound is not None:
            bound = min(bound, mip_bound)
        objective = best.objective()
        bound = max(bound, objective)
        status: Status = "optimal" if _gap(objective, bound) <= OPTIMAL_GAP else "feasible"
        plan = Plan(
            status,
            objective,
            bound,
            0.0,
            funded=sorted(((self.sc.candidates[i].id, s) for i, s in best.start.items()), key=lambda f: (f[1], f[0])),
            unfunded=explain_unfunded(best),
            binding=self._binding(lp, best),
        )
        plan.solve_seconds = clock.elapsed()
        say("done", objective, bound)
        return plan

    def _lp_order(self, lp: LpSolution) -> tuple[list[int], dict[int, list[int]]]:
        """Candidates by LP funding (then reduced cost), and each one's starts by LP weight."""
        m, n = self.matrix, len(self.sc.candidates)
        owner = np.repeat(np.arange(n), np.diff(m.col_start))
        funded = np.bincount(owner, weights=lp.x, minlength=n)
        best_rc = np.full(n, -np.inf)
        np.maximum.at(best_rc, owner, lp.col_dual)
        order = sorted(range(n), key=lambda i: (-round(float(funded[i]), 6), -float(best_rc[i])))
        prefer = {}
        for i in range(n):
            cols = m.cols(i)
            firsts = int(m.first[i])
            prefer[i] = sorted(
                (firsts + j - cols.start for j in cols),
                key=lambda s: (-lp.x[cols.start + s - firsts], -lp.col_dual[cols.start + s - firsts], s),
            )
        return order, prefer

    def _rounded(self, lp: LpSolution, forced: Placement) -> Placement:
        order, prefer = self._lp_order(lp)
        protected = forced_closure(self.sc, self.links)
        pl = Placement(self.sc, self.links)
        fill(pl, topological(self.sc, self.links, [i for i in order if i in protected]), prefer, include_valueless=True)
        if not protected.issubset(pl.start):
            pl = forced.copy()
        fill(pl, order, prefer)
        return pl

    def _search(
        self, lp: LpSolution, best: Placement, clock: Clock, gap: float, say: Callable[..., None]
    ) -> tuple[Placement, float | None]:
        """The whole MILP when small; otherwise LP-guided cores that double while time is left."""
        n = len(self.sc.candidates)
        if n <= FULL_MILP_CANDIDATES:
            raw, dual_bound, _ = self._milp(lp, None, best, clock, gap, say)
            return self._better(lp, raw, best), dual_bound
        size, start_from = CORE_SIZE, best
        while clock.left() > self._reserve() + 0.2 and _gap(best.objective(), lp.objective) > gap:
            raw, _, proved = self._milp(lp, self._fixings(lp, size), start_from, clock, gap, say)
            best = self._better(lp, raw, best)
            start_from = raw or start_from
            if not proved or size >= n:
                break
            size *= 2
        return best, None

    def _better(self, lp: LpSolution, raw: Placement | None, best: Placement) -> Placement:
        """The solver's plan filled up with whatever still fits, if that beats ``best``."""
        if raw is None:
            return best
        found = raw.copy()
        order, prefer = self._lp_order(lp)
        fill(found, order, prefer)
        return found if found.objective() > best.objective() else best

    def _reserve(self) -> float:
        return 0.2 + 4e-5 * len(self.sc.candidates)  # explanations and the final fill

    def _milp(
        self,
        lp: LpSolution,
        fixings: tuple[dict[int, int], set[int]] | None,
        start_from: Placement,
        clock: Clock,
        gap: float,
        say: Callable[..., None],
    ) -> tuple[Placement | None, float | None, bool]:
        """One MILP: (its plan, its dual bound if it is the whole model, proved optimal?)."""
        m, sc = self.matrix, self.sc
        n = len(sc.candidates)
        lower, upper = m.col_lower.copy(), m.col_upper.copy()
        fixed_on, fixed_off = fixings or ({}, set())
        for i, s in fixed_on.items():
            cols = m.cols(i)
            upper[cols.start : cols.stop] = 0.0
            lower[cols.start + s - m.first[i]] = upper[cols.start + s - m.first[i]] = 1.0
        for i in fixed_off:
            cols = m.cols(i)
            upper[cols.start : cols.stop] = 0.0
        h = make_highs(m, integer=True, col_lower=lower, col_upper=upper)
        h.setOptionValue("mip_rel_gap", gap)
        h.setOptionValue("time_limit", max(0.1, clock.left() - self._reserve()))
        start = self._start_vector(start_from, lower, upper)
        if start is None and fixings is not None:
            start = self._start_vector(self._respecting(lp, fixed_on, fixed_off), lower, upper)
        if start is not None:
            solution = highspy.HighsSolution()
            solution.col_value = start
            h.setSolution(solution)
        whole = fixings is None

        def improved(event: highspy.HighsCallbackEvent) -> None:
            dual = event.data_out.mip_dual_bound
            say(
                "exact search: better plan",
                event.data_out.objective_function_value * m.value_scale,
                dual * m.value_scale if whole and np.isfinite(dual) else None,
            )

        h.cbMipImprovingSolution.subscribe(improved)
        core = n - len(fixed_on) - len(fixed_off)
        say(
            "exact search: whole model" if whole else f"exact search: core of {core} candidates",
            start_from.objective(),
            None,
        )
        h.run()
        info = h.getInfo()
        proved = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        dual_bound = info.mip_dual_bound * m.value_scale if whole and np.isfinite(info.mip_dual_bound) else None
        if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
            return None, dual_bound, proved
        x = np.asarray(h.getSolution().col_value)
        starts = {i: int(m.first[i]) + j - int(m.col_start[i]) for i in range(n) for j in m.cols(i) if x[j] > 0.5}
        return from_starts(sc, self.links, starts, forced_closure(sc, self.links)), dual_bound, proved

    def _fixings(self, lp: LpSolution, size: int) -> tuple[dict[int, int], set[int]]:
        """Candidates the LP decides clearly: funded at one start, or clearly unfunded."""
        m, sc = self.matrix, self.sc
        n = len(sc.candidates)
        owner = np.repeat(np.arange(n), np.diff(m.col_start))
        funded = np.bincount(owner, weights=lp.x, minlength=n)
        top = np.zeros(n)
        np.maximum.at(top, owner, lp.x)
        best_rc = np.full(n, -np.inf)
        np.maximum.at(best_rc, owner, lp.col_dual)
        assign_dual = lp.row_dual[:n]
        integral_on = top > 1 - 1e-6
        integral_off = funded < 1e-6
        # How much the objective would lose if the LP's decision were reversed.
        margin = np.where(integral_on, assign_dual, np.where(integral_off, -best_rc, -1.0))
        core = set(np.argsort(margin, kind="stable")[:size].tolist())
        for i in list(core):  # decide linked candidates together
            core.update(self.links.bundle[i])
            core.update(self.links.rivals[i])
        on = {
            i: int(m.first[i]) + int(np.argmax(lp.x[m.cols(i).start : m.cols(i).stop]))
            for i in range(n)
            if i not in core and integral_on[i]
        }
        off = {i for i in range(n) if i not in core and i not in on}
        return on, off

    def _respecting(self, lp: LpSolution, on: dict[int, int], off: set[int]) -> Placement:
        """A plan that keeps the fixings: the LP's clear choices, then the core by LP order."""
        order, prefer = self._lp_order(lp)
        needed, todo = set(), [*on, *forced_closure(self.sc, self.links)]
        while todo:  # what the fixed candidates depend on comes first
            i = todo.pop()
            if i not in needed:
                needed.add(i)
                todo.extend(self.links.before[i])
                todo.extend(self.links.bundle[i])
        pl = Placement(self.sc, self.links)
        fill(
            pl,
            topological(self.sc, self.links, sorted(needed)),
            {**prefer, **{i: [s] for i, s in on.items()}},
            include_valueless=True,
        )
        fill(pl, [i for i in order if i not in off and i not in on], prefer)
        return pl

    def _start_vector(self, pl: Placement, lower: F64, upper: F64) -> F64 | None:
        """The incumbent as MILP columns, if it respects the fixings (else HiGHS would refuse it)."""
        m = self.matrix
        x = np.zeros(m.n_cols)
        for i, s in pl.start.items():
            x[m.col_start[i] + s - m.first[i]] = 1.0
        if np.any(x < lower) or np.any(x > upper):
            return None
        return x

    def _binding(self, lp: LpSolution, pl: Placement) -> list[dict[str, object]]:
        m, sc = self.matrix, self.sc
        duals = np.where(lp.row_dual > DUAL_TOLERANCE, lp.row_dual, 0.0)
        per_euro = m.value_scale / m.money_scale
        per_unit = m.value_scale / m.team_scale
        budget = [float(d) * per_euro for d in duals[m.budget_row : m.team_row]]
        teams = [
            [float(d) * per_unit for d in duals[m.team_row + t * sc.quarters : m.team_row + (t + 1) * sc.quarters]]
            for t in range(len(sc.teams))
        ]
        return binding_limits(sc, pl, budget, teams, tolerance=0.0)


def _gap(objective: float, bound: float) -> float:
    return 0.0 if bound <= 0 else max(0.0, (bound - objective) / bound)


def optimise(scenario: Scenario, time_limit: float = 60.0, gap: float = 1e-4, progress: Progress | None = None) -> Plan:
    """Best feasible plan within ``time_limit`` seconds, stopping early at ``gap``."""
    return Optimiser(scenario).solve(time_limit, gap, progress)
