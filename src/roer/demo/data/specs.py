"""The shapes of the demo data: plain, frozen records that the builder turns into rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from roer.organisation.models import OrgUnitKind
from roer.organisation.roles import Role
from roer.portfolio.models import Phase

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
