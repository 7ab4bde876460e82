"""Can the forced candidates be placed at all, and if not, why not — in words.

A scenario has a feasible plan exactly when its forced candidates (mandatory,
running, what they depend on and their together partners) can be placed on
their own: every other candidate can simply stay unfunded. So feasibility is
decided here, on a small problem, with a reason people can act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import highspy
import numpy as np

from .greedy import forced_closure, place_forced, topological
from .model import INF, build_matrix, make_highs
from .money import format_euros
from .placement import Links, Placement, team_slack
from .scenario import Scenario, year_label


@dataclass
class ForcedResult:
    placement: Placement | None  # the forced candidates placed, when feasible
    reason: str | None  # why not, when infeasible


def _what(sc: Scenario, items: set[int]) -> str:
    running = any(sc.candidates[i].fixed_start is not None for i in items)
    mandatory = any(sc.candidates[i].mandatory for i in items)
    if running and mandatory:
        return "mandatory and already running items"
    return "already running items" if running else "mandatory items"


def _why_forced(sc: Scenario, links: Links, i: int) -> str:
    c = sc.candidates[i]
    if c.fixed_start is not None:
        return f'"{c.id}" (already running from quarter {c.fixed_start})'
    if c.mandatory:
        return f'mandatory "{c.id}"'
    return f'"{c.id}" (required by mandatory or running work)'


def check_forced(sc: Scenario, links: Links, time_limit: float) -> ForcedResult:
    forced = forced_closure(sc, links)
    reason = _structural(sc, links, forced)
    if reason:
        return ForcedResult(None, reason)
    pl = Placement(sc, links)
    if place_forced(sc, links, pl):
        return ForcedResult(pl, None)
    return _exact(sc, links, forced, time_limit)


def _structural(sc: Scenario, links: Links, forced: set[int]) -> str | None:
    """Windows, exclusive pairs and dependency timing among forced candidates."""
    for i in sorted(forced):
        c = sc.candidates[i]
        if not c.starts:
            return (
                f"{_why_forced(sc, links, i)} cannot be done in time: earliest start {c.earliest_start} "
                f"+ duration {c.duration} passes its deadline (quarter {c.deadline})"
            )
    for group in sc.exclusive:
        both = [i for i in group if i in forced]
        if len(both) > 1:
            names = " and ".join(_why_forced(sc, links, i) for i in both[:2])
            return f"{names} must both be funded, but they are exclusive alternatives"
    earliest = {i: sc.candidates[i].starts.start for i in forced}
    for a in topological(sc, links, sorted(forced)):
        for b in links.before[a]:
            earliest[a] = max(earliest[a], earliest[b] + sc.candidates[b].duration)
        c = sc.candidates[a]
        if earliest[a] > c.starts.stop - 1:
            chain = " → ".join(f'"{sc.candidates[b].id}"' for b in links.before[a])
            return (
                f"{_why_forced(sc, links, a)} cannot start before quarter {earliest[a]} because it waits for "
                f"{chain}, so it cannot finish by quarter {min(c.deadline, sc.quarters)}"
            )
    return None


def _exact(sc: Scenario, links: Links, forced: set[int], time_limit: float) -> ForcedResult:
    """Place the forced candidates with a MILP that may overspend, at minimum total overspend."""
    items = sorted(forced)
    renumber = {i: k for k, i in enumerate(items)}
    sub = Scenario(
        sc.quarters,
        sc.discount_rate,
        sc.budget,
        sc.teams,
        tuple(replace(sc.candidates[i], mandatory=True) for i in items),
        tuple((renumber[b], renumber[a]) for b, a in sc.dependencies if a in forced and b in forced),
        (),  # exclusive pairs among forced items were refused above
        tuple(tuple(renumber[i] for i in g) for g in sc.together if all(i in forced for i in g)),
    )
    m = build_matrix(sub)
    h = make_highs(replace(m, cost=np.zeros(m.n_cols)), integer=True)
    resource_rows = list(range(m.budget_row, m.dep_row))
    # One overspend column per budget year and team-quarter: row - slack <= limit.
    h.addCols(
        len(resource_rows),
        np.full(len(resource_rows), -1.0),
        np.zeros(len(resource_rows)),
        np.full(len(resource_rows), INF),
        len(resource_rows),
        np.arange(len(resource_rows), dtype=np.int32),
        np.array(resource_rows, dtype=np.int32),
        np.full(len(resource_rows), -1.0),
    )
    h.setOptionValue("time_limit", max(1.0, time_limit))
    started = time.perf_counter()
    h.run()
    status = h.getModelStatus()
    if h.getInfo().primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        return ForcedResult(
            None,
            f"{_what(sc, forced)} alone cannot be placed: their constraints contradict "
            f"each other (no placement found in {time.perf_counter() - started:.0f} s)",
        )
    values = np.asarray(h.getSolution().col_value)
    starts = {
        items[k]: int(m.first[k]) + j - int(m.col_start[k])
        for k in range(len(items))
        for j in m.cols(k)
        if values[j] > 0.5
    }
    pl = Placement(sc, links)
    for i in topological(sc, links, sorted(starts)):
        pl.place(i, starts[i])  # limits unchecked: over-use is measured exactly below
    over = _overuse(sc, pl)
    if not over:
        return ForcedResult(pl, None)
    if status != highspy.HighsModelStatus.kOptimal:
        return ForcedResult(
            None,
            f"{_what(sc, forced)} alone could not be fitted into the budgets and team "
            f"capacities within the time limit; the least over-use found: " + "; ".join(over),
        )
    return ForcedResult(None, f"{_what(sc, forced)} alone exceed " + "; ".join(over))


def _overuse(sc: Scenario, pl: Placement) -> list[str]:
    """Every budget year and team-quarter the placement over-uses, with the exact excess."""
    parts = [
        f"the {year_label(y)} budget by {format_euros(-left)}" for y, left in enumerate(pl.budget_left) if left < 0
    ]
    for t, lefts in enumerate(pl.capacity_left):
        for q, left in enumerate(lefts):
            if left < -team_slack(sc.teams[t].capacity[q]):
                parts.append(f'the capacity of team "{sc.teams[t].id}" in quarter {q} by {-left:.6g}')
    return parts
