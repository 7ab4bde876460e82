"""The scenario: what may be funded, when, and under which limits.

``parse_scenario`` turns the JSON form (see docs/planning/scenario.schema.json)
into frozen dataclasses, or raises ``ScenarioError`` listing every problem with
the candidate, the field and the reason. Money becomes integer cents, team
amounts floats, and references to ids become indexes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .graphs import find_cycle
from .money import AmountError, to_cents, to_decimal

MAX_QUARTERS = 400  # a century: anything longer is a typo, and the model grows with it
MAX_ERRORS = 50


class ScenarioError(ValueError):
    """The scenario is malformed or contradicts itself; ``errors`` says where and why."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        more = len(self.errors) - MAX_ERRORS
        shown = self.errors[:MAX_ERRORS] + ([f"… and {more} more"] if more > 0 else [])
        super().__init__("invalid scenario:\n" + "\n".join(f"- {e}" for e in shown))


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    capacity: tuple[float, ...]  # one amount per quarter of the horizon


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    value: float
    duration: int
    cost: tuple[int, ...]  # cents, one per quarter of the duration
    demand: tuple[tuple[int, tuple[float, ...]], ...]  # (team index, one amount per quarter)
    mandatory: bool
    earliest_start: int
    deadline: int  # already capped at the horizon
    fixed_start: int | None

    @property
    def forced(self) -> bool:
        return self.mandatory or self.fixed_start is not None

    @property
    def starts(self) -> range:
        """Every start that keeps the candidate inside its window (maybe none)."""
        if self.fixed_start is not None:
            return range(self.fixed_start, self.fixed_start + 1)
        return range(self.earliest_start, max(self.earliest_start, self.deadline - self.duration + 1))

    @property
    def total_cost(self) -> int:
        return sum(self.cost)


@dataclass(frozen=True, slots=True)
class Scenario:
    quarters: int
    discount_rate: float
    budget: tuple[int, ...]  # cents per year; year y holds quarters 4y…4y+3
    teams: tuple[Team, ...]
    candidates: tuple[Candidate, ...]
    dependencies: tuple[tuple[int, int], ...]  # (before, after) candidate indexes
    exclusive: tuple[tuple[int, ...], ...]
    together: tuple[tuple[int, ...], ...]

    @property
    def years(self) -> int:
        return len(self.budget)

    def weight(self, i: int, start: int) -> float:
        """Discounted value of candidate i when it starts in ``start``."""
        c = self.candidates[i]
        return float(c.value * (1.0 + self.discount_rate) ** (-(start + c.duration) / 4.0))

    def index(self) -> dict[str, int]:
        return {c.id: i for i, c in enumerate(self.candidates)}


def year_label(year: int) -> str:
    """Years count from 1 for people; the quarters in brackets are the 0-based indexes."""
    return f"year {year + 1} (quarters {4 * year}–{4 * year + 3})"


class _Reader:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def obj(self, data: object, where: str, required: set[str], optional: set[str]) -> Mapping[str, object] | None:
        if not isinstance(data, Mapping):
            self.fail(where, "must be an object")
            return None
        for key in required - data.keys():
            self.fail(where, f"missing field '{key}'")
        for key in sorted(data.keys() - required - optional, key=str):
            self.fail(where, f"unknown field '{key}'")
        return data

    def integer(self, data: object, where: str, low: int, high: int | None = None) -> int | None:
        try:
            number = to_decimal(data)
        except AmountError as exc:
            self.fail(where, f"{exc} (an integer)")
            return None
        if number != number.to_integral_value():
            self.fail(where, f"must be a whole number, not {data}")
            return None
        result = int(number)
        if result < low or (high is not None and result > high):
            bounds = f"at least {low}" if high is None else f"between {low} and {high}"
            self.fail(where, f"must be {bounds}, not {result}")
            return None
        return result

    def amount(self, data: object, where: str) -> float | None:
        """A finite, non-negative number that is not money (value, demand, capacity)."""
        try:
            number = to_decimal(data)
        except AmountError as exc:
            self.fail(where, str(exc))
            return None
        if number < 0:
            self.fail(where, f"must not be negative, not {data}")
            return None
        return float(number)

    def cents(self, data: object, where: str) -> int | None:
        try:
            return to_cents(data)
        except AmountError as exc:
            self.fail(where, f"{exc}, not {data}")
            return None

    def series(self, data: object, where: str, length: int, what: str, money: bool) -> tuple[float, ...] | None:
        """A list of ``length`` numbers (cents if ``money``)."""
        if not isinstance(data, list):
            self.fail(where, f"must be a list of {length} amounts ({what})")
            return None
        if len(data) != length:
            self.fail(where, f"has {len(data)} amounts, expected {length} ({what})")
            return None
        values = [
            self.cents(v, f"{where}[{k}]") if money else self.amount(v, f"{where}[{k}]") for k, v in enumerate(data)
        ]
        if any(v is None for v in values):
            return None
        return tuple(float(v) if not money else v for v in values if v is not None)

    def ident(self, data: object, where: str) -> str | None:
        if not isinstance(data, str) or not data.strip():
            self.fail(where, "must be a non-empty text")
            return None
        return data


CANDIDATE_FIELDS = {"id", "value", "duration", "cost", "demand"}
CANDIDATE_OPTIONAL = {"mandatory", "earliestStart", "deadline", "fixedStart"}


def parse_scenario(data: object) -> Scenario:
    """Validate the JSON form of a scenario (numbers may be int, float or Decimal)."""
    r = _Reader()
    top = r.obj(
        data,
        "scenario",
        {"quarters", "budgetPerYear", "teams", "candidates"},
        {"discountRatePerYear", "dependencies", "exclusive", "together"},
    )
    if top is None:
        raise ScenarioError(r.errors)
    quarters = r.integer(top.get("quarters"), "quarters", 1, MAX_QUARTERS) if "quarters" in top else None
    if quarters is None:
        raise ScenarioError(r.errors or ["quarters: missing"])
    years = (quarters + 3) // 4
    rate = _discount_rate(r, top.get("discountRatePerYear", 0))
    budget = r.series(
        top.get("budgetPerYear"), "budgetPerYear", years, f"one per year of the {quarters}-quarter horizon", money=True
    )
    teams = _teams(r, top.get("teams"), quarters)
    team_index = {t.id: k for k, t in enumerate(teams)}
    candidates = _candidates(r, top.get("candidates"), quarters, team_index)
    index = {c.id: i for i, c in enumerate(candidates)}
    dependencies = _dependencies(r, top.get("dependencies", []), index)
    exclusive = _groups(r, top.get("exclusive", []), "exclusive", index)
    together = _groups(r, top.get("together", []), "together", index)
    if not r.errors:
        _check_cycles(r, dependencies, candidates)
    if r.errors or budget is None:
        raise ScenarioError(r.errors)
    return Scenario(
        quarters,
        rate,
        tuple(int(b) for b in budget),
        tuple(teams),
        tuple(candidates),
        dependencies,
        exclusive,
        together,
    )


def _discount_rate(r: _Reader, data: object) -> float:
    try:
        rate = to_decimal(data)
    except AmountError as exc:
        r.fail("discountRatePerYear", str(exc))
        return 0.0
    if not Decimal(-1) < rate <= Decimal(10):
        r.fail("discountRatePerYear", f"must be above -1 and at most 10 (a fraction: 0.04 is 4 %), not {data}")
        return 0.0
    return float(rate)


def _teams(r: _Reader, data: object, quarters: int) -> list[Team]:
    if not isinstance(data, list):
        r.fail("teams", "must be a list")
        return []
    teams: list[Team] = []
    seen: set[str] = set()
    for k, item in enumerate(data):
        where = f"teams[{k}]"
        team = r.obj(item, where, {"id", "capacity"}, set())
        if team is None:
            continue
        ident = r.ident(team.get("id"), f"{where}.id")
        if ident is not None:
            where = f'teams[{k}] "{ident}"'
            if ident in seen:
                r.fail(where, "duplicate team id")
            seen.add(ident)
        capacity = r.series(team.get("capacity"), f"{where}.capacity", quarters, "one per quarter", money=False)
        if ident is not None and capacity is not None:
            teams.append(Team(ident, capacity))
    return teams


def _candidates(r: _Reader, data: object, quarters: int, teams: dict[str, int]) -> list[Candidate]:
    if not isinstance(data, list):
        r.fail("candidates", "must be a list")
        return []
    result: list[Candidate] = []
    seen: set[str] = set()
    for k, item in enumerate(data):
        candidate = _candidate(r, item, k, quarters, teams)
        if candidate is None:
            continue
        if candidate.id in seen:
            r.fail(f'candidates[{k}] "{candidate.id}"', "duplicate candidate id")
        seen.add(candidate.id)
        result.append(candidate)
    return result


def _candidate(r: _Reader, data: object, k: int, quarters: int, teams: dict[str, int]) -> Candidate | None:
    where = f"candidates[{k}]"
    fields = r.obj(data, where, CANDIDATE_FIELDS, CANDIDATE_OPTIONAL)
    if fields is None:
        return None
    before = len(r.errors)
    ident = r.ident(fields.get("id"), f"{where}.id")
    if ident is not None:
        where = f'candidates[{k}] "{ident}"'
    value = r.amount(fields.get("value"), f"{where}.value")
    duration = r.integer(fields.get("duration"), f"{where}.duration", 1, quarters)
    if duration is None:
        return None
    cost = r.series(fields.get("cost"), f"{where}.cost", duration, "one per quarter of its duration", money=True)
    demand = _demand(r, fields.get("demand"), f"{where}.demand", duration, teams)
    mandatory = fields.get("mandatory", False)
    if not isinstance(mandatory, bool):
        r.fail(f"{where}.mandatory", "must be true or false")
    earliest = r.integer(fields.get("earliestStart", 0), f"{where}.earliestStart", 0, quarters)
    deadline = r.integer(fields.get("deadline", quarters), f"{where}.deadline", 0)
    fixed = None
    if "fixedStart" in fields and fields["fixedStart"] is not None:
        fixed = r.integer(fields["fixedStart"], f"{where}.fixedStart", 0, quarters - duration)
        if fixed is not None and earliest is not None and fixed < earliest:
            r.fail(f"{where}.fixedStart", f"{fixed} is before earliestStart {earliest}")
        if fixed is not None and deadline is not None and fixed + duration > deadline:
            r.fail(f"{where}.fixedStart", f"start {fixed} + duration {duration} passes the deadline {deadline}")
    if len(r.errors) > before or None in (ident, value, cost, demand, earliest, deadline):
        return None
    assert ident is not None and value is not None and cost is not None and demand is not None
    assert earliest is not None and deadline is not None
    return Candidate(
        ident,
        value,
        duration,
        tuple(int(c) for c in cost),
        demand,
        bool(mandatory),
        earliest,
        min(deadline, quarters),
        fixed,
    )


def _demand(
    r: _Reader, data: object, where: str, duration: int, teams: dict[str, int]
) -> tuple[tuple[int, tuple[float, ...]], ...] | None:
    if not isinstance(data, Mapping):
        r.fail(where, "must be an object: team id → one amount per quarter of the duration")
        return None
    result = []
    for team, series in data.items():
        if team not in teams:
            r.fail(where, f"unknown team '{team}'")
            continue
        amounts = r.series(series, f"{where}.{team}", duration, "one per quarter of its duration", money=False)
        if amounts is not None:
            result.append((teams[team], amounts))
    return tuple(sorted(result))


def _dependencies(r: _Reader, data: object, index: dict[str, int]) -> tuple[tuple[int, int], ...]:
    if not isinstance(data, list):
        r.fail("dependencies", "must be a list")
        return ()
    pairs: dict[tuple[int, int], None] = {}  # ordered set: duplicates are harmless
    for k, item in enumerate(data):
        where = f"dependencies[{k}]"
        dep = r.obj(item, where, {"before", "after"}, set())
        if dep is None:
            continue
        ends = [_ref(r, dep.get(key), f"{where}.{key}", index) for key in ("before", "after")]
        if ends[0] is not None and ends[1] is not None:
            if ends[0] == ends[1]:
                r.fail(where, "a candidate cannot depend on itself")
            else:
                pairs[(ends[0], ends[1])] = None
    return tuple(pairs)


def _groups(r: _Reader, data: object, name: str, index: dict[str, int]) -> tuple[tuple[int, ...], ...]:
    if not isinstance(data, list):
        r.fail(name, "must be a list of lists of candidate ids")
        return ()
    groups = []
    for k, group in enumerate(data):
        where = f"{name}[{k}]"
        if not isinstance(group, list) or len(group) < 2:
            r.fail(where, "must be a list of at least two candidate ids")
            continue
        members = [_ref(r, ident, f"{where}[{m}]", index) for m, ident in enumerate(group)]
        found = [m for m in members if m is not None]
        if len(set(found)) != len(found):
            r.fail(where, "names a candidate twice")
        elif len(found) == len(members):
            groups.append(tuple(found))
    return tuple(groups)


def _ref(r: _Reader, ident: object, where: str, index: dict[str, int]) -> int | None:
    if not isinstance(ident, str) or ident not in index:
        r.fail(where, f"unknown candidate {ident!r}")
        return None
    return index[ident]


def _check_cycles(r: _Reader, dependencies: tuple[tuple[int, int], ...], candidates: list[Candidate]) -> None:
    """Dependencies must form a DAG; report one cycle by its ids."""
    cycle = find_cycle(dependencies)
    if cycle is not None:
        r.fail("dependencies", "form a cycle: " + " → ".join(candidates[i].id for i in cycle))
