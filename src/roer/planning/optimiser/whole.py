"""Branch and bound on the whole model in a process of its own, beside the neighbourhood search.

The two searches run at the same time on separate cores and trade plans: every
plan branch and bound finds is offered to the neighbourhood search, and every
better plan the neighbourhood search finds is handed to branch and bound when it
next asks for one (HiGHS's user-solution callback, before each dive), so it
prunes with the best plan known. Branch and bound's dual bound is the only bound
better than the LP's; when it proves a plan optimal, the neighbourhood search stops.

A process, not a thread: HiGHS calls back into Python many times a second, and
in a thread each call would wait for the search's own Python work (measured: a
quarter of the branch-and-bound throughput). The plans travel through shared
memory, newest only, so neither side ever waits for the other.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.sharedctypes import Synchronized
from typing import Any

import highspy
import numpy as np

from .model import F64, Matrix, make_highs
from .placement import Placement

Convert = Callable[[F64], Placement | None]  # solver columns → a checked, filled plan (None: not a plan)
START_SECONDS = 0.5  # a new process needs about this long before it searches
STOP_WAIT_SECONDS = 5.0  # after this, a branch-and-bound process that does not stop is ended


class SharedBest:
    """The best plan so far in this process; the better offer is kept."""

    def __init__(self, plan: Placement) -> None:
        self._lock = threading.Lock()
        self._plan = plan
        self.version = 0  # grows with every better plan

    def offer(self, plan: Placement) -> bool:
        with self._lock:
            if plan.objective() <= self._plan.objective() + 1e-9:
                return False
            self._plan, self.version = plan, self.version + 1
            return True

    def get(self) -> tuple[Placement, int]:
        """The best plan and its version. Never change it: copy first."""
        with self._lock:
            return self._plan, self.version


def columns(m: Matrix, plan: Placement) -> F64:
    x = np.zeros(m.n_cols)
    for i, s in plan.start.items():
        x[m.col_start[i] + s - m.first[i]] = 1.0
    return x


class _Mailbox:
    """One plan (as 0/1 columns) with its version, in memory both processes see."""

    def __init__(self, ctx: Any, n_cols: int) -> None:
        self.columns: Any = ctx.Array(ctypes.c_byte, n_cols)
        self.version: Synchronized[int] = ctx.Value(ctypes.c_long, 0)

    def put(self, x: F64) -> None:
        with self.columns.get_lock():
            self.columns[:] = (x > 0.5).astype(np.int8).tolist()
            self.version.value += 1

    def take(self) -> F64:
        with self.columns.get_lock():
            return np.array(self.columns[:], dtype=np.float64)


class WholeModel:
    """HiGHS on the whole MILP in a process of its own, started at once; ``finish`` ends it."""

    def __init__(self, m: Matrix, shared: SharedBest, convert: Convert, gap: float, seconds: float) -> None:
        self.m, self.shared, self.convert = m, shared, convert
        ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold threads and connections
        self._found, self._mine = _Mailbox(ctx, m.n_cols), _Mailbox(ctx, m.n_cols)
        self._stop: Synchronized[int] = ctx.Value(ctypes.c_byte, 0)
        self._done: Synchronized[int] = ctx.Value(ctypes.c_byte, 0)
        self._result: Any = ctx.Array(ctypes.c_double, [np.nan, 0.0])  # dual bound, proved (1.0) or not
        start, self._sent = shared.get()
        self._mine.put(columns(m, start))
        self._seen = 0
        seconds = max(0.1, seconds - START_SECONDS)
        self._process = ctx.Process(
            target=_branch_and_bound,
            args=(m, gap, seconds, self._mine, self._found, self._stop, self._done, self._result),
            daemon=True,
        )
        self._process.start()

    def exchange(self) -> None:
        """Take branch and bound's newest plan; hand over ours when it is newer than what it has."""
        if self._found.version.value != self._seen:
            self._seen = self._found.version.value
            plan = self.convert(self._found.take())
            if plan is not None:
                self.shared.offer(plan)
        plan, version = self.shared.get()
        if version != self._sent:
            self._sent = version
            self._mine.put(columns(self.m, plan))

    def proved(self) -> bool:
        """Branch and bound finished and proved its plan optimal (a crashed helper proves nothing)."""
        return bool(self._done.value) and self._result[1] == 1.0

    def finish(self) -> float | None:
        """Stop (if still running), take its last plan, and return its dual bound in value units."""
        self._stop.value = 1
        self._process.join(STOP_WAIT_SECONDS)
        if self._process.is_alive():  # never hang a solve on a stuck helper
            self._process.kill()
            self._process.join()
        self.exchange()
        bound = self._result[0] if self._done.value else np.nan
        return float(bound) * self.m.value_scale if np.isfinite(bound) else None


def _branch_and_bound(
    m: Matrix,
    gap: float,
    seconds: float,
    mine: _Mailbox,
    found: _Mailbox,
    stop: Synchronized[int],
    done: Synchronized[int],
    result: Any,
) -> None:
    """The other process: branch and bound from the search's plan, trading plans through the mailboxes."""
    h = make_highs(m, integer=True)
    h.setOptionValue("mip_rel_gap", gap)
    h.setOptionValue("time_limit", seconds)
    solution = highspy.HighsSolution()
    solution.col_value = mine.take()
    h.setSolution(solution)
    seen = mine.version.value

    def improved(event: highspy.HighsCallbackEvent) -> None:
        found.put(np.asarray(event.data_out.mip_solution))

    def hand_over(event: highspy.HighsCallbackEvent) -> None:
        nonlocal seen
        if mine.version.value == seen:
            return
        seen = mine.version.value
        x = mine.take()
        if float(m.cost @ x) > event.data_out.mip_primal_bound + 1e-9 * max(1.0, abs(event.data_out.mip_primal_bound)):
            event.data_in.setSolution(x)
            event.data_in.user_has_solution = True

    def interrupt(event: highspy.HighsCallbackEvent) -> None:
        if stop.value:
            event.interrupt()

    h.cbMipImprovingSolution.subscribe(improved)
    h.cbMipUserSolution.subscribe(hand_over)
    h.cbMipInterrupt.subscribe(interrupt)
    h.run()
    info = h.getInfo()
    result[0] = info.mip_dual_bound if np.isfinite(info.mip_dual_bound) else np.nan
    result[1] = 1.0 if h.getModelStatus() == highspy.HighsModelStatus.kOptimal else 0.0
    done.value = 1
