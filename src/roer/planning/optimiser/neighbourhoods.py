"""Which candidates a round of large-neighbourhood search sets free.

A neighbourhood is worth solving when its candidates compete with each other:
they use the same team, run in the same quarters, or make room for one
waiting candidate the LP relaxation wants funded. Linked candidates (together
partners, exclusive rivals, direct predecessors) come along, so a round can
change a link and not only the candidates on either side of it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .model import F64
from .placement import Links, Placement
from .scenario import Scenario


def neighbourhood(
    sc: Scenario,
    links: Links,
    lp_funded: F64,
    rng: random.Random,
    free: Sequence[int],
    pl: Placement,
    size: int,
) -> set[int]:
    """About ``size`` candidates of ``free``: one team, a few quarters, room for one, or at random."""
    kind = rng.randrange(4)
    if kind == 3:
        chosen = _make_room(sc, lp_funded, rng, free, pl, size)
        if chosen:
            return closed(links, chosen, free)
        kind = 2
    if kind == 0 and sc.teams:
        team = rng.randrange(len(sc.teams))
        pool = [i for i in free if any(t == team for t, _ in sc.candidates[i].demand)]
    elif kind == 1:
        q = rng.randrange(sc.quarters)

        def overlaps(i: int) -> bool:
            c = sc.candidates[i]
            first, last = (pl.start[i], pl.start[i]) if i in pl.start else (c.starts.start, c.starts.stop - 1)
            return first <= q + 1 and last + c.duration > q - 1

        pool = [i for i in free if overlaps(i)]
    else:
        pool = list(free)
    if len(pool) < size:
        taken = set(pool)
        pool += rng.sample([i for i in free if i not in taken], min(size - len(pool), len(free) - len(pool)))
    return closed(links, set(rng.sample(pool, min(size, len(pool)))), free)


def _make_room(
    sc: Scenario, lp_funded: F64, rng: random.Random, free: Sequence[int], pl: Placement, size: int
) -> set[int]:
    """A waiting candidate (drawn by its LP funding) and the funded ones it competes with.

    On the benchmark the best plans differ from a stuck search mostly by one
    valuable waiting candidate that needs several funded ones on its teams moved
    or dropped; random neighbourhoods rarely free all of them at once.
    """
    waiting = [i for i in free if i not in pl.start]
    if not waiting:
        return set()
    u = rng.choices(waiting, [float(lp_funded[i]) + 0.05 for i in waiting])[0]
    cu = sc.candidates[u]
    teams = {t for t, _ in cu.demand}
    lo, hi = cu.starts.start, cu.starts.stop - 1 + cu.duration  # quarters u could occupy
    rivals = [
        i
        for i in free
        if i in pl.start
        and pl.start[i] < hi
        and pl.start[i] + sc.candidates[i].duration > lo
        and (not teams or any(t in teams for t, _ in sc.candidates[i].demand))
    ]
    chosen = {u} | set(rng.sample(rivals, min(size - 1, len(rivals))))
    rest = [i for i in free if i not in chosen]
    chosen |= set(rng.sample(rest, min(len(rest), max(0, size - len(chosen)))))
    return chosen


def closed(links: Links, chosen: set[int], free: Sequence[int]) -> set[int]:
    """``chosen`` with its together partners, exclusive rivals and direct predecessors inside ``free``."""
    allowed = set(free)
    for i in list(chosen):
        chosen.update(j for j in links.bundle[i] if j in allowed)
        chosen.update(j for j in links.rivals[i] if j in allowed)
        chosen.update(j for j in links.before[i] if j in allowed)
    return chosen
