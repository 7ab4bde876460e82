"""A plan under construction, with exact bookkeeping of what is left.

Budgets are kept in integer cents, so "fits" is exact; team amounts are floats
compared with a relative tolerance of 1e-9 (far below any meaningful fraction of
a team-quarter). Greedy, repair, fill and the explanations all build on this.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .scenario import Scenario

TEAM_TOLERANCE = 1e-9


def team_slack(capacity: float) -> float:
    return TEAM_TOLERANCE * max(1.0, abs(capacity))


class Links:
    """Per-candidate lookups of dependencies and groups, built once per scenario."""

    def __init__(self, sc: Scenario) -> None:
        n = len(sc.candidates)
        self.before: list[list[int]] = [[] for _ in range(n)]
        self.after: list[list[int]] = [[] for _ in range(n)]
        for b, a in sc.dependencies:
            self.before[a].append(b)
            self.after[b].append(a)
        self.rivals: list[set[int]] = [set() for _ in range(n)]
        for group in sc.exclusive:
            for i in group:
                self.rivals[i].update(j for j in group if j != i)
        self.bundle = self._bundles(sc, n)

    def _bundles(self, sc: Scenario, n: int) -> list[tuple[int, ...]]:
        """Together groups that share a member merge; members in dependency order."""
        parent = list(range(n))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for group in sc.together:
            for i in group[1:]:
                parent[root(i)] = root(group[0])
        members: dict[int, list[int]] = {}
        for i in range(n):
            members.setdefault(root(i), []).append(i)
        result: list[tuple[int, ...]] = [()] * n
        for member_list in members.values():
            ordered = self._topological(member_list)
            for i in member_list:
                result[i] = ordered
        return result

    def _topological(self, group: list[int]) -> tuple[int, ...]:
        inside, done, order = set(group), set[int](), list[int]()

        def visit(i: int) -> None:
            if i in done:
                return
            done.add(i)
            for b in self.before[i]:
                if b in inside:
                    visit(b)
            order.append(i)

        for i in sorted(group):
            visit(i)
        return tuple(order)


class Placement:
    """Which candidates start when, and the budget and capacity still free."""

    def __init__(self, sc: Scenario, links: Links | None = None) -> None:
        self.sc = sc
        self.links = links or Links(sc)
        self.start: dict[int, int] = {}
        self.budget_left = list(sc.budget)
        self.capacity_left = [list(t.capacity) for t in sc.teams]

    def copy(self) -> Placement:
        other = Placement.__new__(Placement)
        other.sc, other.links = self.sc, self.links
        other.start = dict(self.start)
        other.budget_left = list(self.budget_left)
        other.capacity_left = [list(c) for c in self.capacity_left]
        return other

    def objective(self) -> float:
        return sum(self.sc.weight(i, s) for i, s in self.start.items())

    def year_costs(self, i: int, s: int) -> Iterator[tuple[int, int]]:
        """(year, cents) for candidate i started in s; a year may repeat."""
        for k, cents in enumerate(self.sc.candidates[i].cost):
            if cents:
                yield (s + k) // 4, cents

    def fits(self, i: int, s: int) -> bool:
        need: dict[int, int] = {}
        for year, cents in self.year_costs(i, s):
            need[year] = need.get(year, 0) + cents
        if any(self.budget_left[y] < c for y, c in need.items()):
            return False
        for team, series in self.sc.candidates[i].demand:
            left = self.capacity_left[team]
            capacity = self.sc.teams[team].capacity
            for k, amount in enumerate(series):
                if amount and left[s + k] - amount < -team_slack(capacity[s + k]):
                    return False
        return True

    def linked_ok(self, i: int, s: int) -> bool:
        """Dependencies (both ways) and exclusive groups allow i to start in s."""
        sc, start = self.sc, self.start
        if any(r in start for r in self.links.rivals[i]):
            return False
        for b in self.links.before[i]:
            if b not in start or start[b] + sc.candidates[b].duration > s:
                return False
        end = s + sc.candidates[i].duration
        return all(start[a] >= end for a in self.links.after[i] if a in start)

    def can_place(self, i: int, s: int) -> bool:
        return s in self.sc.candidates[i].starts and self.linked_ok(i, s) and self.fits(i, s)

    def place(self, i: int, s: int) -> None:
        self._apply(i, s, -1)
        self.start[i] = s

    def remove(self, i: int) -> None:
        self._apply(i, self.start.pop(i), +1)

    def _apply(self, i: int, s: int, sign: int) -> None:
        for year, cents in self.year_costs(i, s):
            self.budget_left[year] += sign * cents
        for team, series in self.sc.candidates[i].demand:
            left = self.capacity_left[team]
            for k, amount in enumerate(series):
                left[s + k] += sign * amount

    def place_bundle(self, bundle: Iterable[int], prefer: dict[int, list[int]] | None = None) -> bool:
        """Place every member (in dependency order) at its first possible preferred start, or none."""
        placed: list[int] = []
        for i in bundle:
            starts = prefer.get(i) if prefer else None
            options = starts if starts is not None else self.sc.candidates[i].starts
            chosen = next((s for s in options if self.can_place(i, s)), None)
            if chosen is None:
                for j in reversed(placed):
                    self.remove(j)
                return False
            self.place(i, chosen)
            placed.append(i)
        return True

    def violations(self) -> list[int]:
        """Candidates whose resources are over-used (for repair); empty when all fits."""
        over_years = {y for y, left in enumerate(self.budget_left) if left < 0}
        over = {
            (t, q)
            for t, lefts in enumerate(self.capacity_left)
            for q, left in enumerate(lefts)
            if left < -team_slack(self.sc.teams[t].capacity[q])
        }
        if not over_years and not over:
            return []
        culprits = []
        for i, s in self.start.items():
            years = {y for y, _ in self.year_costs(i, s)}
            quarters = {(t, s + k) for t, series in self.sc.candidates[i].demand for k, a in enumerate(series) if a}
            if years & over_years or quarters & over:
                culprits.append(i)
        return culprits
