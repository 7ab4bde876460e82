"""The exact part of the optimiser: MILPs on the undecided core, and neighbourhood search.

``Search.run`` takes the best plan so far and improves it within the time left.
Up to FULL_MILP_CANDIDATES, branch and bound on the whole model runs in a second
process (``whole``) for the whole time, trading plans with this one, which runs
large-neighbourhood search: on all candidates when small, else the LP-guided
core (see ``_fixings``) and neighbourhood search inside it. Above, the LP-guided
core, doubled while it is solved in time, then neighbourhood search inside it.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from .greedy import fill, forced_closure, from_starts
from .model import F64, Matrix, make_highs
from .neighbourhoods import neighbourhood
from .placement import Links, Placement
from .scenario import Scenario
from .whole import SharedBest, WholeModel

FULL_MILP_CANDIDATES = 1200  # up to here branch and bound on the whole MILP runs beside the search
CORE_SIZE = 200  # first core; it doubles while the core MILP is solved within the time
# Up to POLISH_UP_TO candidates the neighbourhood search frees any candidate; above, the LP-guided core
# comes first: at N=500 it finds plans branch and bound reaches only after minutes when the LP bound is
# tight, while branch and bound, given good plans, finds what its cuts are needed for when it is loose.
POLISH_UP_TO = 200
POLISH_SIZE = 25  # candidates freed per neighbourhood-search round, to begin with (it adapts)
POLISH_SECONDS = 0.7  # time cap per round: many small rounds beat a few large ones at N=100


@dataclass
class LpSolution:
    objective: float  # in value units
    x: F64
    row_dual: F64  # scaled model units
    col_dual: F64
    seconds: float


STOP_CHECK_SECONDS = 0.25  # how often a caller's stop request is asked (it may read a database)


class Clock:
    """Time spent and left; a caller's ``stop`` request ends the time early.

    ``stop`` is only ever called from the thread that made the clock (a database
    connection belongs to its thread) and at most every ``STOP_CHECK_SECONDS``.
    """

    def __init__(self, limit: float, stop: Callable[[], bool] | None = None) -> None:
        self.begin = time.perf_counter()
        self.limit = limit
        self._stop = stop
        self._owner = threading.get_ident()
        self._asked = -STOP_CHECK_SECONDS
        self.stopped = False

    def elapsed(self) -> float:
        return time.perf_counter() - self.begin

    def left(self) -> float:
        elapsed = self.elapsed()
        if self._stop is not None and not self.stopped and threading.get_ident() == self._owner:
            if elapsed - self._asked >= STOP_CHECK_SECONDS:
                self._asked = elapsed
                self.stopped = bool(self._stop())
        return 0.0 if self.stopped else self.limit - elapsed


def run_until_stopped(h: highspy.Highs, clock: Clock) -> None:
    """``h.run()``, interrupted when the clock's caller asks to stop.

    HiGHS runs in its own thread while this one keeps asking the clock, so the
    caller's stop request is only ever read from the thread that made the clock.
    """
    cancelled = threading.Event()

    def interrupt(event: highspy.HighsCallbackEvent) -> None:
        if cancelled.is_set():
            event.interrupt()

    h.cbMipInterrupt.subscribe(interrupt)
    # Not highspy's startSolve: its lock is shared by every instance, and branch and bound may run beside us.
    solver = threading.Thread(target=h.run, daemon=True)
    solver.start()
    while True:
        solver.join(STOP_CHECK_SECONDS / 2)
        if not solver.is_alive():
            break
        if clock.left() <= 0 and clock.stopped:
            cancelled.set()


def relative_gap(objective: float, bound: float) -> float:
    """(bound − objective) / bound, never negative."""
    return 0.0 if bound <= 0 else max(0.0, (bound - objective) / bound)


def reserve(candidates: int) -> float:
    """Seconds kept back for explanations and the final fill."""
    return 0.3 + 2e-4 * candidates


def lp_order(sc: Scenario, m: Matrix, lp: LpSolution) -> tuple[list[int], dict[int, list[int]]]:
    """Candidates by LP funding (then reduced cost), and each one's starts by LP weight."""
    n = len(sc.candidates)
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


class Search:
    """Improves a plan with exact MILPs until the time is up (see the module docstring)."""

    def __init__(
        self, sc: Scenario, links: Links, m: Matrix, lp: LpSolution, clock: Clock, say: Callable[..., None]
    ) -> None:
        self.sc, self.links, self.m, self.lp, self.clock, self.say = sc, links, m, lp, clock, say
        self.order, self.prefer = lp_order(sc, m, lp)
        self.protected = forced_closure(sc, links)
        owner = np.repeat(np.arange(len(sc.candidates)), np.diff(m.col_start))
        self.lp_funded: F64 = np.bincount(owner, weights=lp.x, minlength=len(sc.candidates)).astype(np.float64)
        self.shared: SharedBest | None = None  # with branch and bound beside us (see ``run``)
        self.whole: WholeModel | None = None
        self._seen = 0

    def run(self, best: Placement, gap: float) -> tuple[Placement, float | None]:
        """Up to FULL_MILP_CANDIDATES: branch and bound on the whole model in a process of its own
        beside neighbourhood search (on all candidates when small, else in the LP-guided core);
        above: LP-guided cores that double while time is left, then neighbourhood search."""
        n = len(self.sc.candidates)
        if n > FULL_MILP_CANDIDATES:
            return self._core_search(best, gap), None
        self.shared = SharedBest(best)
        self.whole = WholeModel(self.m, self.shared, self._filled, gap, self.clock.left() - reserve(n))
        self.say("exact search: whole model in a second process, beside neighbourhood search", best.objective(), None)
        try:
            mine = self._polish(best, range(n)) if n <= POLISH_UP_TO else self._core_search(best, gap)
        finally:
            dual_bound = self.whole.finish()
            self.whole = None
        return self._better(self.shared.get()[0], mine), dual_bound

    def _whole_done(self) -> bool:
        """Branch and bound beside us proved the best plan optimal: nothing left to search."""
        return self.whole is not None and self.whole.proved()

    def _sync(self, mine: Placement) -> Placement:
        """Trade plans with branch and bound: offer ours, take theirs when it is better."""
        if self.shared is None or self.whole is None:
            return mine
        self.whole.exchange()
        if self.shared.offer(mine):
            self.whole.exchange()
            return mine
        theirs, version = self.shared.get()
        if theirs.objective() > mine.objective() + 1e-9:
            if version != self._seen:
                self._seen = version
                self.say("exact search: better plan", theirs.objective(), None)
            return theirs
        return mine

    def _core_search(self, best: Placement, gap: float) -> Placement:
        """LP-guided cores, doubled while solved in time, then neighbourhood search in the last one."""
        n = len(self.sc.candidates)
        size, start_from = CORE_SIZE, best
        core: set[int] = set()
        while (
            self.clock.left() > reserve(len(self.sc.candidates)) + 0.2
            and relative_gap(best.objective(), self.lp.objective) > gap
            and not self._whole_done()
        ):
            fixings = self._fixings(size, start_from)
            raw, _, proved = self._milp(fixings, start_from, gap)
            best = self._sync(self._better(raw, best))
            start_from = raw or start_from
            core = set(range(n)) - set(fixings[0]) - fixings[1]
            if not proved or size >= n:
                break
            size *= 2
        if core and self.clock.left() > reserve(len(self.sc.candidates)) + 0.5:
            best = self._better(self._polish(best, sorted(core)), best)
        return best

    def _polish(self, incumbent: Placement, free: Sequence[int]) -> Placement:
        """Large-neighbourhood search: free a random part of ``free``, fix the rest, solve exactly.

        Each round keeps the incumbent's other decisions, so it is a valid start
        and the result can only improve; the neighbourhood grows while rounds
        finish quickly and shrinks when they hit their time cap.
        """
        rng = random.Random(len(free))  # noqa: S311 - search diversity, not security; reproducible
        size = min(len(free), POLISH_SIZE)
        n = len(self.sc.candidates)
        rounds = 0
        while self.clock.left() > reserve(len(self.sc.candidates)) + 0.3 and size > 0 and not self._whole_done():
            rounds += 1
            incumbent = self._sync(incumbent)
            keep: set[int] = set()
            if rounds % 4 == 0:  # reschedule: everything funded stays funded, at any start
                keep = set(incumbent.start) & set(free)
                waiting = [i for i in free if i not in incumbent.start]
                chosen = keep | set(rng.sample(waiting, min(len(waiting), size // 2)))
            else:
                chosen = neighbourhood(self.sc, self.links, self.lp_funded, rng, free, incumbent, size)
            on = {i: s for i, s in incumbent.start.items() if i not in chosen}
            off = {i for i in range(n) if i not in incumbent.start and i not in chosen}
            started = time.perf_counter()
            raw, _, proved = self._milp((on, off), incumbent, 0.0, seconds=POLISH_SECONDS, quiet=True, keep=keep)
            if raw is not None and raw.objective() > incumbent.objective() + 1e-9:
                incumbent = raw
                self.say("neighbourhood search: better plan", incumbent.objective(), None)
            if keep:
                continue  # its size says nothing about the random neighbourhoods
            if proved and time.perf_counter() - started < POLISH_SECONDS / 3:
                size = min(len(free), int(size * 1.2) + 1)
            elif not proved:
                size = max(5, int(size * 0.8))
        return incumbent

    def _better(self, raw: Placement | None, best: Placement) -> Placement:
        """The solver's plan filled up with whatever still fits, if that beats ``best``."""
        if raw is None:
            return best
        found = raw.copy()
        fill(found, self.order, self.prefer)
        return found if found.objective() > best.objective() else best

    def _milp(
        self,
        fixings: tuple[dict[int, int], set[int]] | None,
        start_from: Placement,
        gap: float,
        seconds: float | None = None,
        quiet: bool = False,
        keep: set[int] | None = None,
    ) -> tuple[Placement | None, float | None, bool]:
        """One MILP: (its plan, its dual bound if it is the whole model, proved optimal?)."""
        m, sc = self.m, self.sc
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
        if keep:  # funded, start free: the assignment row becomes an equality
            rows = np.array(sorted(keep), dtype=np.int32)
            h.changeRowsBounds(len(rows), rows, np.ones(len(rows)), np.ones(len(rows)))
        h.setOptionValue("mip_rel_gap", gap)
        left = self.clock.left() - reserve(len(self.sc.candidates))
        h.setOptionValue("time_limit", max(0.1, min(left, seconds) if seconds is not None else left))
        start = self._start_vector(start_from, lower, upper)  # the fixings agree with it by construction
        if start is not None:
            solution = highspy.HighsSolution()
            solution.col_value = start
            h.setSolution(solution)
        whole = fixings is None

        def improved(event: highspy.HighsCallbackEvent) -> None:
            dual = event.data_out.mip_dual_bound
            self.say(
                "exact search: better plan",
                event.data_out.objective_function_value * m.value_scale,
                dual * m.value_scale if whole and np.isfinite(dual) else None,
            )

        if not quiet:
            h.cbMipImprovingSolution.subscribe(improved)
            core = n - len(fixed_on) - len(fixed_off)
            self.say(
                "exact search: whole model" if whole else f"exact search: core of {core} candidates",
                start_from.objective(),
                None,
            )
        run_until_stopped(h, self.clock)
        info = h.getInfo()
        proved = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        dual_bound = info.mip_dual_bound * m.value_scale if whole and np.isfinite(info.mip_dual_bound) else None
        if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
            return None, dual_bound, proved
        return self._placement(np.asarray(h.getSolution().col_value)), dual_bound, proved

    def _placement(self, x: F64) -> Placement | None:
        """Solver columns as a checked plan; None when repair had to drop forced work."""
        m = self.m
        chosen = np.flatnonzero(x > 0.5)
        owner = np.searchsorted(m.col_start, chosen, side="right") - 1
        starts = {int(i): int(m.first[i] + j - m.col_start[i]) for i, j in zip(owner, chosen, strict=True)}
        found = from_starts(self.sc, self.links, starts, self.protected)
        return found if self.protected.issubset(found.start) else None

    def _filled(self, x: F64) -> Placement | None:
        found = self._placement(x)
        if found is not None:
            fill(found, self.order, self.prefer)
        return found

    def _fixings(self, size: int, incumbent: Placement) -> tuple[dict[int, int], set[int]]:
        """Candidates the LP decides clearly — funded at one start, or clearly unfunded — where
        the incumbent agrees, so the incumbent is a valid start for the core MILP."""
        m, sc = self.m, self.sc
        n = len(sc.candidates)
        owner = np.repeat(np.arange(n), np.diff(m.col_start))
        funded = np.bincount(owner, weights=self.lp.x, minlength=n)
        top = np.zeros(n)
        np.maximum.at(top, owner, self.lp.x)
        best_rc = np.full(n, -np.inf)
        np.maximum.at(best_rc, owner, self.lp.col_dual)
        assign_dual = self.lp.row_dual[:n]
        integral_on = top > 1 - 1e-6
        integral_off = funded < 1e-6
        # How much the objective would lose if the LP's decision were reversed.
        margin = np.where(integral_on, assign_dual, np.where(integral_off, -best_rc, -1.0))
        core = set(np.argsort(margin, kind="stable")[:size].tolist())
        lp_start = {
            i: int(m.first[i]) + int(np.argmax(self.lp.x[m.cols(i).start : m.cols(i).stop]))
            for i in range(n)
            if integral_on[i]
        }
        core |= {i for i in range(n) if incumbent.start.get(i) != lp_start.get(i)}
        for i in list(core):  # decide linked candidates together
            core.update(self.links.bundle[i])
            core.update(self.links.rivals[i])
        on = {i: s for i, s in lp_start.items() if i not in core}
        off = {i for i in range(n) if i not in core and i not in on}
        return on, off

    def _start_vector(self, pl: Placement, lower: F64, upper: F64) -> F64 | None:
        """The incumbent as MILP columns, if it respects the fixings (else HiGHS would refuse it)."""
        m = self.m
        x = np.zeros(m.n_cols)
        for i, s in pl.start.items():
            x[m.col_start[i] + s - m.first[i]] = 1.0
        if np.any(x < lower) or np.any(x > upper):
            return None
        return x
