"""Greedy building blocks: the ranking baseline, fill and repair.

``greedy`` is what portfolio tools do (rank by value per euro, fund at the
earliest possible start until nothing fits); it is the benchmark baseline and
the optimiser's fallback. ``fill`` and ``repair`` make any partial or slightly
infeasible plan feasible and maximal.
"""

from __future__ import annotations

from collections.abc import Sequence

from .placement import Links, Placement
from .scenario import Scenario


def forced_closure(sc: Scenario, links: Links) -> set[int]:
    """Mandatory and running candidates, what they depend on, and their together partners."""
    pending = [i for i, c in enumerate(sc.candidates) if c.forced]
    closed: set[int] = set()
    while pending:
        i = pending.pop()
        if i in closed:
            continue
        closed.add(i)
        pending.extend(links.before[i])
        pending.extend(links.bundle[i])
    return closed


def topological(sc: Scenario, links: Links, items: Sequence[int]) -> list[int]:
    """``items`` reordered so that every candidate comes after what it depends on (stable otherwise)."""
    wanted, done, order = set(items), set(), []
    for root in items:
        stack = [(root, False)]
        while stack:
            i, expanded = stack.pop()
            if expanded:
                order.append(i)
                continue
            if i in done:
                continue
            done.add(i)
            stack.append((i, True))
            stack.extend((b, False) for b in reversed(links.before[i]) if b in wanted and b not in done)
    return order


def fill(
    pl: Placement, order: Sequence[int], prefer: dict[int, list[int]] | None = None, *, include_valueless: bool = False
) -> None:
    """Fund candidates in ``order`` where they fit, whole together-bundles at a time.

    A bundle that waits for a predecessor further down the order is retried after
    each round that funded something, so dependencies do not lose candidates.
    """
    sc, links = pl.sc, pl.links
    pending, seen = [], set()
    for i in order:
        bundle = links.bundle[i]
        if bundle[0] in seen or i in pl.start:
            continue
        seen.add(bundle[0])
        if include_valueless or sum(sc.candidates[j].value for j in bundle) > 0:
            pending.append(bundle)
    while pending:
        waiting, progressed = [], False
        for bundle in pending:
            if bundle[0] in pl.start:
                continue
            if pl.place_bundle(bundle, prefer):
                progressed = True
            elif any(b not in pl.start and b not in bundle for i in bundle for b in links.before[i]):
                waiting.append(bundle)
        if not progressed:
            break
        pending = waiting


def place_forced(sc: Scenario, links: Links, pl: Placement) -> bool:
    """Place every forced candidate (running first, then by latest possible start); True if all fit."""
    forced = forced_closure(sc, links)

    def urgency(i: int) -> tuple[int, int]:
        c = sc.candidates[i]
        return (0 if c.fixed_start is not None else 1, c.starts.stop)

    order = topological(sc, links, sorted(forced, key=urgency))
    fill(pl, order, include_valueless=True)
    return forced.issubset(pl.start)


def ratio_order(sc: Scenario, links: Links) -> list[int]:
    """Candidates by value per euro of their together-bundle, best first; free ones first of all."""

    def key(i: int) -> tuple[float, float]:
        bundle = links.bundle[i]
        value = sum(sc.candidates[j].value for j in bundle)
        cost = sum(sc.candidates[j].total_cost for j in bundle)
        return (-(value / cost) if cost else float("-inf"), -value)

    return sorted(range(len(sc.candidates)), key=key)


def greedy(sc: Scenario, links: Links | None = None, base: Placement | None = None) -> Placement | None:
    """The ranking baseline: forced first, then by value per euro at the earliest start.

    Returns None when the forced candidates do not fit this way (the optimiser then
    starts from its exact placement of them, ``base``).
    """
    links = links or Links(sc)
    if base is not None:
        pl = base.copy()
    else:
        pl = Placement(sc, links)
        if not place_forced(sc, links, pl):
            return None
    fill(pl, ratio_order(sc, links))
    return pl


def dependants(links: Links, i: int) -> set[int]:
    """i, its together partners, and everything that (transitively) depends on them."""
    pending, result = [i], set()
    while pending:
        j = pending.pop()
        if j in result:
            continue
        result.add(j)
        pending.extend(links.bundle[j])
        pending.extend(links.after[j])
    return result


def drop(pl: Placement, i: int) -> None:
    for j in dependants(pl.links, i):
        if j in pl.start:
            pl.remove(j)


def from_starts(sc: Scenario, links: Links, starts: dict[int, int], protected: set[int]) -> Placement:
    """A feasible placement from a solver's starts: links checked, over-use repaired.

    Solver output can be off by a tolerance; whatever breaks a rule exactly is
    dropped (never a protected, i.e. forced, candidate if it can be avoided).
    """
    pl = Placement(sc, links)
    for i in topological(sc, links, sorted(starts)):
        s = starts[i]
        if s in sc.candidates[i].starts and pl.linked_ok(i, s):
            pl.place(i, s)
    for i in list(pl.start):  # together-bundles are all or nothing
        if i in pl.start and any(j not in pl.start for j in links.bundle[i]):
            drop(pl, i)
    repair(pl, protected)
    return pl


def repair(pl: Placement, protected: set[int]) -> None:
    """Drop the least valuable over-users until every budget and capacity holds."""
    while culprits := pl.violations():
        free = [i for i in culprits if i not in protected] or culprits
        worst = min(free, key=lambda i: pl.sc.weight(i, pl.start[i]) / max(1, pl.sc.candidates[i].total_cost))
        drop(pl, worst)
