"""Consistency of a scenario's links, on initiative codes: plain Python, no Django.

A dependency (before, after) means ``after`` needs ``before`` funded and finished first;
a together group means each member needs every other; an exclusive group means at most
one member is funded. Links contradict each other when an initiative needs (directly or
through other links) one it excludes: then neither could ever be funded with the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roer.planning.optimiser import graphs


def find_cycle(dependencies: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle among the dependencies as codes in order, first code repeated at the end; else None.

    Visited in code order, so the same links always report the same cycle.
    """
    return graphs.find_cycle(sorted(dependencies))


def _needs(dependencies: Iterable[tuple[str, str]], together: Iterable[Sequence[str]]) -> dict[str, set[str]]:
    """Who needs whom directly: ``after`` needs ``before``; together members need each other."""
    needs: dict[str, set[str]] = {}
    for before, after in dependencies:
        needs.setdefault(after, set()).add(before)
    for group in together:
        for member in group:
            needs.setdefault(member, set()).update(other for other in group if other != member)
    return needs


def _reachable(start: str, needs: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    to_visit = [start]
    while to_visit:
        for needed in needs.get(to_visit.pop(), ()):
            if needed not in seen:
                seen.add(needed)
                to_visit.append(needed)
    return seen


def find_contradiction(
    dependencies: Iterable[tuple[str, str]],
    exclusive: Iterable[Sequence[str]],
    together: Iterable[Sequence[str]],
) -> tuple[str, str] | None:
    """A pair (a, b) of one exclusive group where ``a`` needs ``b``; else None."""
    needs = _needs(dependencies, together)
    for group in exclusive:
        members = sorted(set(group))
        for member in members:
            needed = _reachable(member, needs)
            for other in members:
                if other != member and other in needed:
                    return member, other
    return None
