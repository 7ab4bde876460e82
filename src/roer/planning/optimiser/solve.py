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
bound tightens the LP bound. Step 4 lives in ``search``; then large-neighbourhood
search improves the plan while time is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from decimal import Decimal

import highspy
import numpy as np
from numpy.typing import NDArray

from .diagnose import check_forced
from .explain import binding_limits, explain_unfunded
from .greedy import fill, forced_closure, greedy, topological
from .model import F64, Matrix, build_matrix, make_highs
from .money import to_cents
from .placement import Links, Placement
from .plan import Plan, Status, infeasible
from .scenario import Scenario
from .search import Clock, LpSolution, Search, lp_order, relative_gap, reserve

Progress = Callable[[str, float, float | None, float | None], None]  # message, seconds, objective, bound

OPTIMAL_GAP = 1e-6  # "optimal" means proven within this fraction
DUAL_TOLERANCE = 1e-7  # scaled duals below this are zero: the limit does not bind
I32 = NDArray[np.int32]
BASES_KEPT = 24  # LP bases kept for what-ifs (a frontier trace leaves nine)


class Optimiser:
    """Holds the LP model of one scenario so what-if bounds re-solve warm."""

    def __init__(self, scenario: Scenario) -> None:
        self.sc = scenario
        self.links = Links(scenario)
        self._matrix: Matrix | None = None
        self._lp: highspy.Highs | None = None
        self._lp_solution: LpSolution | None = None
        self._changed = False  # budgets or capacities changed by resolve_bound
        self._outdated = False  # the kept LP was re-solved, its solution not yet read
        # Bases of earlier re-solves, with their limits: a what-if starts from the nearest one.
        self._bases: list[tuple[F64, highspy.HighsBasis]] = []
        self._current_limits: F64 | None = None

    @property
    def matrix(self) -> Matrix:
        if self._matrix is None:
            self._matrix = build_matrix(self.sc)
        return self._matrix

    def lp(self) -> LpSolution | None:
        """The LP relaxation (solved once, then kept); None when it is infeasible."""
        if self._lp is None:
            started = time.perf_counter()
            self._lp = make_highs(self.matrix)
            self._lp.setOptionValue("solver", "simplex")
            self._lp.run()
            self._lp_solution = self._read_lp(started)
            self._remember_basis()
        elif self._outdated:
            self._lp_solution = self._read_lp(time.perf_counter())
        self._outdated = False
        return self._lp_solution

    def _limits(self) -> F64:
        """Upper limits of the budget and team rows as the kept LP has them now."""
        if self._current_limits is None:
            m = self.matrix
            self._current_limits = m.row_upper[m.budget_row : m.dep_row].copy()
        return self._current_limits.copy()

    def _set_limits(self, rows: I32, uppers: F64) -> None:
        assert self._lp is not None
        m = self.matrix
        limits = self._limits()
        limits[rows - m.budget_row] = uppers
        self._start_nearest(limits)
        self._lp.changeRowsBounds(len(rows), rows, m.row_lower[rows], uppers)
        self._current_limits = limits

    def _remember_basis(self) -> None:
        assert self._lp is not None
        if self._lp.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return
        self._bases.append((self._limits(), self._lp.getBasis()))
        del self._bases[:-BASES_KEPT]

    def _start_nearest(self, limits: F64) -> None:
        """Start the next re-solve from the kept basis whose limits are nearest to ``limits``."""
        assert self._lp is not None
        if not self._bases:
            return
        scale = np.maximum(np.abs(limits), 1e-9)
        distances = [float(np.sum(np.abs(kept - limits) / scale)) for kept, _ in self._bases]
        nearest = int(np.argmin(distances))
        if nearest != len(self._bases) - 1:  # the last one is the LP's own basis already
            self._lp.setBasis(self._bases[nearest][1])
            self._bases.append(self._bases.pop(nearest))

    def _read_lp(self, started: float) -> LpSolution | None:
        assert self._lp is not None
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
        if self._lp is None:
            self.lp()  # build and solve it once; a what-if may be feasible where the scenario is not
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
        # From a kept basis, presolve would only redo work; dual simplex repairs the basis directly.
        self._lp.setOptionValue("presolve", "off")
        self._lp.setOptionValue("simplex_strategy", 1)
        if rows:
            self._set_limits(np.array(rows, dtype=np.int32), np.array(uppers, dtype=np.float64))
            self._changed = True
        self._lp.run()
        self._outdated = True  # only the value is read here; lp() reads the rest when asked
        status = self._lp.getModelStatus()
        if status == highspy.HighsModelStatus.kModelEmpty:
            return 0.0
        if status != highspy.HighsModelStatus.kOptimal:
            return None
        self._remember_basis()
        return float(self._lp.getInfo().objective_function_value * m.value_scale)

    def solve(
        self,
        time_limit: float = 60.0,
        gap: float = 1e-4,
        progress: Progress | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> Plan:
        """The best plan found within ``time_limit`` seconds, or sooner at ``gap``.

        ``stop`` (asked a few times a second) ends the search early: the best plan
        found so far is returned, as "feasible" unless it was proved optimal.
        """
        clock = Clock(time_limit, stop)

        def say(message: str, objective: float | None = None, bound: float | None = None) -> None:
            if progress:
                progress(message, clock.elapsed(), objective, bound)

        say("checking mandatory and running items")
        forced = check_forced(self.sc, self.links, max(1.0, 0.3 * time_limit))
        if forced.reason is not None or forced.placement is None:
            return infeasible(forced.reason or "no plan satisfies all constraints", clock.elapsed())
        say("solving the LP relaxation")
        if self._changed:  # a what-if changed the kept LP: back to the scenario's own limits
            m = self.matrix
            idx = np.arange(m.budget_row, m.dep_row, dtype=np.int32)
            assert self._lp is not None
            self._set_limits(idx, m.row_upper[idx].copy())
            self._lp.run()
            self._lp_solution = self._read_lp(time.perf_counter())
            self._outdated = False
            self._changed = False
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
        if relative_gap(best.objective(), bound) > gap and clock.left() > reserve(len(self.sc.candidates)):
            best, mip_bound = Search(self.sc, self.links, self.matrix, lp, clock, say).run(best, gap)
        if mip_bound is not None:
            bound = min(bound, mip_bound)
        objective = best.objective()
        bound = max(bound, objective)
        status: Status = "optimal" if relative_gap(objective, bound) <= OPTIMAL_GAP else "feasible"
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

    def _rounded(self, lp: LpSolution, forced: Placement) -> Placement:
        order, prefer = lp_order(self.sc, self.matrix, lp)
        protected = forced_closure(self.sc, self.links)
        pl = Placement(self.sc, self.links)
        fill(pl, topological(self.sc, self.links, [i for i in order if i in protected]), prefer, include_valueless=True)
        if not protected.issubset(pl.start):
            pl = forced.copy()
        fill(pl, order, prefer)
        return pl

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


def optimise(
    scenario: Scenario,
    time_limit: float = 60.0,
    gap: float = 1e-4,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> Plan:
    """Best feasible plan within ``time_limit`` seconds, stopping early at ``gap`` or when ``stop()``."""
    return Optimiser(scenario).solve(time_limit, gap, progress, stop)
