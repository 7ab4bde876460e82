"""The shapes of the demo data: plain, frozen records that the builder turns into rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from roer.organisation.models import OrgUnitKind
from roer.organisation.roles import Role
from roer.portfolio.models import Phase
from roer.strategy.models import Confidence, Direction, Frequency, GoalLevel

#: Every role in the demo starts on this day, unless its record says otherwise.
ROLES_START = datetime.date(2024, 1, 1)


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: OrgUnitKind
    parent: str | None  # code of the parent unit, listed earlier
    description: str = ""


@dataclass(frozen=True)
class RoleSpec:
    role: Role
    unit: str  # org-unit code
    valid_from: datetime.date = ROLES_START
    valid_until: datetime.date | None = None


@dataclass(frozen=True)
class PersonSpec:
    username: str
    first_name: str
    last_name: str
    job_title: str
    home_unit: str | None
    roles: tuple[RoleSpec, ...] = field(default_factory=tuple)
    superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@roer-demo.example"


@dataclass(frozen=True)
class InitiativeSpec:
    code: str
    name: str
    unit: str
    phase: Phase
    sponsor: str | None  # username
    manager: str | None  # username
    problem: str
    description: str
    mandatory: bool = False
    legal_basis: str = ""


@dataclass(frozen=True)
class GoalSpec:
    key: str  # used only inside the demo data; the title identifies the goal in the database
    unit: str  # org-unit code
    level: GoalLevel
    parent: str | None  # key of the goal served, listed earlier
    title: str
    owner: str  # username
    horizon: tuple[datetime.date, datetime.date]
    description: str = ""


@dataclass(frozen=True)
class Step:
    """A change of ``change`` (in the KPI's unit) spread evenly from ``start`` to ``end``."""

    start: datetime.date
    end: datetime.date
    change: Decimal


@dataclass(frozen=True)
class Trend:
    """How the demo measurements move.

    ``pace`` is the share of the way from baseline to target covered by the target date
    (1.0 arrives exactly on time, 0.6 is well behind, below 0 moves the wrong way);
    ``steps`` are sudden effects such as a go-live; ``noise`` is the spread around the
    trend as a share of the distance from baseline to target.
    """

    pace: float
    steps: tuple[Step, ...] = ()
    noise: float = 0.04


@dataclass(frozen=True)
class KpiSpec:
    key: str
    unit: str  # org-unit code
    name: str
    unit_of_measure: str
    direction: Direction
    baseline: tuple[Decimal, datetime.date]
    target: tuple[Decimal, datetime.date]
    source: str
    frequency: Frequency
    goals: tuple[str, ...]  # goal keys
    trend: Trend
    description: str = ""
    decimals: int = 1
    history_months: int = 36  # how far back the measurements go
    last_measured: datetime.date | None = None  # a fixed last measurement (a stale KPI); None: recent
    measured: bool = True  # False: defined, but nothing measured yet
    baseline_days_ago: int | None = None  # set: the baseline is this many days before the build day, not fixed
    bounds: tuple[Decimal, Decimal] | None = None  # e.g. 0–100 for percentages


@dataclass(frozen=True)
class ContributionSpec:
    goal: str  # goal key
    weight: Decimal
    confidence: Confidence
    rationale: str
    kpi: str | None = None  # KPI key
    expected_change: Decimal | None = None
    expected_by: datetime.date | None = None
    effect_from: datetime.date | None = None


@dataclass(frozen=True)
class BudgetSpec:
    """An initiative's planned money: ``total`` euros over ``first_year``–``last_year`` (within 2024–2028)."""

    total: Decimal
    first_year: int
    last_year: int
    profile: str  # a key of ``roer.demo.costs.PROFILES``
