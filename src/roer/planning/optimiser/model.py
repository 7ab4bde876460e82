"""The time-indexed model of a scenario, as arrays for HiGHS.

Column x[i,s] is 1 when candidate i starts in quarter s; only starts inside the
candidate's window get a column. Rows, in this order:

- one assignment row per candidate: sum_s x[i,s] in [1 if forced else 0, 1];
- one budget row per year, one capacity row per team and quarter;
- per dependency (b before a) and per start t of a: a started by t needs b
  started by t - duration(b) (the strong, cumulative form of precedence);
- one row per exclusive group (at most one funded), and equality rows that tie
  each together-group member to the first one.

Rows are scaled (money by a typical quarterly cost, team amounts by a typical
demand, the objective by a typical value) so HiGHS sees numbers near 1;
``Model`` converts duals back to euros and team units.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
from numpy.typing import NDArray

from .scenario import Scenario

F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
INF = highspy.kHighsInf


@dataclass(frozen=True)
class Matrix:
    """The scaled LP in column-wise form, plus where each kind of row begins."""

    cost: F64
    col_lower: F64
    col_upper: F64
    row_lower: F64
    row_upper: F64
    start: I64  # CSC column starts
    index: I64
    value: F64
    col_start: I64  # candidate i owns columns col_start[i] … col_start[i+1]-1
    first: I64  # start quarter of candidate i's first column
    budget_row: int
    team_row: int
    dep_row: int
    money_scale: float  # euros per model unit in budget rows
    team_scale: float
    value_scale: float

    @property
    def n_cols(self) -> int:
        return len(self.cost)

    def cols(self, i: int) -> range:
        return range(int(self.col_start[i]), int(self.col_start[i + 1]))


def _group_offsets(counts: I64) -> I64:
    """For counts [2, 3] → [0, 1, 0, 1, 2]: the position inside each repeated group."""
    total = int(counts.sum())
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)


def build_matrix(sc: Scenario) -> Matrix:
    n, h, years = len(sc.candidates), sc.quarters, sc.years
    starts = [c.starts for c in sc.candidates]
    n_starts = np.array([len(s) for s in starts], dtype=np.int64)
    col_start = np.concatenate([[0], np.cumsum(n_starts)]).astype(np.int64)
    first = np.array([s.start for s in starts], dtype=np.int64)
    n_cols = int(col_start[-1])
    cand_of_col = np.repeat(np.arange(n, dtype=np.int64), n_starts)
    start_of_col = first[cand_of_col] + _group_offsets(n_starts)

    total_costs = [c.total_cost / 100 / c.duration for c in sc.candidates if c.total_cost > 0]
    money_scale = max(1.0, float(np.mean(total_costs))) if total_costs else 1.0
    demands = [a for c in sc.candidates for _, series in c.demand for a in series if a > 0]
    team_scale = float(np.mean(demands)) if demands else 1.0
    values = [c.value for c in sc.candidates if c.value > 0]
    value_scale = float(np.mean(values)) if values else 1.0

    rate = 1.0 + sc.discount_rate
    value = np.array([c.value for c in sc.candidates])[cand_of_col]
    finish = start_of_col + np.array([c.duration for c in sc.candidates], dtype=np.int64)[cand_of_col]
    cost = value * rate ** (-finish / 4.0) / value_scale

    budget_row, team_row = n, n + years
    dep_row = team_row + len(sc.teams) * h
    # Per-quarter entries of every candidate: (candidate, offset k, amount, row base, row stride).
    e_cand: list[int] = []
    e_k: list[int] = []
    e_amount: list[float] = []
    e_team: list[int] = []  # -1 for money
    for i, c in enumerate(sc.candidates):
        for k, cents in enumerate(c.cost):
            if cents:
                e_cand.append(i)
                e_k.append(k)
                e_amount.append(cents / 100 / money_scale)
                e_team.append(-1)
        for team, series in c.demand:
            for k, amount in enumerate(series):
                if amount:
                    e_cand.append(i)
                    e_k.append(k)
                    e_amount.append(amount / team_scale)
                    e_team.append(team)
    ec = np.array(e_cand, dtype=np.int64)
    reps = n_starts[ec] if len(ec) else np.zeros(0, dtype=np.int64)
    rc = np.repeat(ec, reps)
    col = col_start[rc] + _group_offsets(reps)
    quarter = start_of_col[col] + np.repeat(np.array(e_k, dtype=np.int64), reps)
    team_of = np.repeat(np.array(e_team, dtype=np.int64), reps)
    amount_of = np.repeat(np.array(e_amount), reps)
    row = np.where(team_of < 0, budget_row + quarter // 4, team_row + np.maximum(team_of, 0) * h + quarter)

    rows: list[I64] = [np.repeat(np.arange(n, dtype=np.int64), n_starts), row]
    cols: list[I64] = [np.arange(n_cols, dtype=np.int64), col]
    vals: list[F64] = [np.ones(n_cols), amount_of]
    lower = [np.array([1.0 if c.forced else 0.0 for c in sc.candidates])]
    upper = [np.ones(n)]
    lower.append(np.full(years, -INF))
    upper.append(np.array(sc.budget, dtype=np.float64) / 100 / money_scale)
    lower.append(np.full(len(sc.teams) * h, -INF))
    upper.append(np.array([a for t in sc.teams for a in t.capacity], dtype=np.float64) / team_scale)

    extra_rows: list[int] = []
    extra_cols: list[int] = []
    extra_vals: list[float] = []
    extra_lower: list[float] = []
    extra_upper: list[float] = []

    def add_row(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = dep_row + len(extra_lower)
        for j, v in entries:
            extra_rows.append(r)
            extra_cols.append(j)
            extra_vals.append(v)
        extra_lower.append(lo)
        extra_upper.append(hi)

    for b, a in sc.dependencies:
        cb, ca, db = col_start[b], col_start[a], sc.candidates[b].duration
        for t in starts[a]:
            entries = [(int(ca + s - first[a]), 1.0) for s in starts[a] if s <= t]
            entries += [(int(cb + s - first[b]), -1.0) for s in starts[b] if s <= t - db]
            add_row(entries, -INF, 0.0)
    for group in sc.exclusive:
        add_row([(j, 1.0) for i in group for j in range(col_start[i], col_start[i + 1])], -INF, 1.0)
    for group in sc.together:
        head = range(col_start[group[0]], col_start[group[0] + 1])
        for i in group[1:]:
            entries = [(j, 1.0) for j in head] + [(j, -1.0) for j in range(col_start[i], col_start[i + 1])]
            add_row(entries, 0.0, 0.0)
    rows.append(np.array(extra_rows, dtype=np.int64))
    cols.append(np.array(extra_cols, dtype=np.int64))
    vals.append(np.array(extra_vals, dtype=np.float64))
    lower.append(np.array(extra_lower, dtype=np.float64))
    upper.append(np.array(extra_upper, dtype=np.float64))

    r_all, c_all, v_all = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    order = np.lexsort((r_all, c_all))
    # Budget entries of one column can fall in the same year: sum the duplicates.
    key = c_all[order] * (dep_row + len(extra_lower) + 1) + r_all[order]
    uniq, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=v_all[order])
    n_rows = dep_row + len(extra_lower)
    u_col = uniq // (n_rows + 1)
    u_row = uniq % (n_rows + 1)
    start = np.searchsorted(u_col, np.arange(n_cols + 1)).astype(np.int64)
    return Matrix(
        cost,
        np.zeros(n_cols),
        np.ones(n_cols),
        np.concatenate(lower),
        np.concatenate(upper),
        start,
        u_row.astype(np.int64),
        summed.astype(np.float64),
        col_start,
        first,
        budget_row,
        team_row,
        dep_row,
        money_scale,
        team_scale,
        value_scale,
    )


def make_highs(
    m: Matrix, *, integer: bool = False, col_lower: F64 | None = None, col_upper: F64 | None = None
) -> highspy.Highs:
    """A silent HiGHS instance holding the model (a MILP when ``integer``)."""
    lp = highspy.HighsLp()
    lp.num_col_ = m.n_cols
    lp.num_row_ = len(m.row_lower)
    lp.col_cost_ = m.cost
    lp.col_lower_ = m.col_lower if col_lower is None else col_lower
    lp.col_upper_ = m.col_upper if col_upper is None else col_upper
    lp.row_lower_ = m.row_lower
    lp.row_upper_ = m.row_upper
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = m.start
    lp.a_matrix_.index_ = m.index
    lp.a_matrix_.value_ = m.value
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * m.n_cols
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("random_seed", 1)
    h.passModel(lp)
    return h
