"""Plain graph helpers shared by the optimiser's parser and the scenario pages' link checks."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def find_cycle(pairs: Iterable[tuple[Node, Node]]) -> list[Node] | None:
    """One cycle among the (before, after) pairs, in order with its first node repeated; else None.

    Depth-first, without recursion (thousands of dependencies would exhaust Python's stack);
    nodes and their successors are visited in the order the pairs first name them.
    """
    successors: dict[Node, list[Node]] = {}
    for before, after in pairs:
        successors.setdefault(before, []).append(after)
    state: dict[Node, int] = {}  # 1 = on the current path, 2 = done
    for root in successors:
        if root in state:
            continue
        path, pending = [root], [iter(successors[root])]
        state[root] = 1
        while pending:
            following = next(pending[-1], None)
            if following is None:
                state[path.pop()] = 2
                pending.pop()
            elif state.get(following) == 1:
                return path[path.index(following) :] + [following]
            elif following not in state:
                state[following] = 1
                path.append(following)
                pending.append(iter(successors.get(following, [])))
    return None
