"""Turns the demo data into rows: adds what is missing, never changes or removes what exists.

Running it twice leaves the database as the first run left it; rows a person has
edited since keep their edits. Everything goes through ordinary saves and the
portfolio services, so each row gets its audit event like any other change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction

from roer.demo.data.initiatives_operations import INITIATIVES_OPERATIONS, INITIATIVES_OUTSIDER
from roer.demo.data.initiatives_policy import INITIATIVES_POLICY
from roer.demo.data.people import DEMO_PASSWORD, PEOPLE, SUPERUSER
from roer.demo.data.specs import InitiativeSpec, PersonSpec, UnitSpec
from roer.demo.data.units import MINISTRY, UNITS
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.portfolio.models import Initiative
from roer.portfolio.services import create_initiative

INITIATIVES: tuple[InitiativeSpec, ...] = INITIATIVES_POLICY + INITIATIVES_OPERATIONS + INITIATIVES_OUTSIDER


@dataclass
class BuildReport:
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    def note(self, kind: str, created: bool) -> None:
        (self.created if created else self.existing)[kind] += 1


def is_loaded() -> bool:
    """True once the demo ministry exists (the first thing the builder creates)."""
    return OrgUnit.objects.filter(code=MINISTRY).exists()


@transaction.atomic
def build_small() -> BuildReport:
    """Create the demo organisation, its people and roles, and its initiatives, where missing."""
    report = BuildReport()
    units = {spec.code: _unit(spec, report) for spec in UNITS}
    # One hash for all: hashing with the production hasher costs about half a second per account.
    password_hash = make_password(DEMO_PASSWORD)
    people = {spec.username: _person(spec, units, password_hash, report) for spec in PEOPLE}
    for spec in PEOPLE:
        for role in spec.roles:
            _, created = RoleAssignment.objects.get_or_create(
                person=people[spec.username],
                role=role.role,
                org_unit=units[role.unit],
                valid_from=role.valid_from,
                defaults={"valid_until": role.valid_until},
            )
            report.note("role assignments", created)
    for initiative in INITIATIVES:
        _initiative(initiative, units, people, report)
    return report


def _unit(spec: UnitSpec, report: BuildReport) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=spec.code).first()
    report.note("org units", unit is None)
    if unit is None:
        unit = OrgUnit.objects.get(code=spec.parent) if spec.parent else None
        unit = OrgUnit(code=spec.code, name=spec.name, kind=spec.kind, parent=unit, description=spec.description)
        unit.full_clean()
        unit.save()
    return unit


def _person(spec: PersonSpec, units: dict[str, OrgUnit], password_hash: str, report: BuildReport) -> Person:
    person: Person | None = Person.objects.filter(username=spec.username).first()
    report.note("people", person is None)
    if person is None:
        person = Person(
            username=spec.username,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=spec.email,
            job_title=spec.job_title,
            home_unit=units[spec.home_unit] if spec.home_unit else None,
            is_staff=spec.superuser,
            is_superuser=spec.superuser,
            password=password_hash,
        )
        person.save()
    return person


def _initiative(
    spec: InitiativeSpec, units: dict[str, OrgUnit], people: dict[str, Person], report: BuildReport
) -> None:
    exists = Initiative.objects.filter(code=spec.code).exists()
    report.note("initiatives", not exists)
    if exists:
        return
    values = {
        "code": spec.code,
        "name": spec.name,
        "org_unit": units[spec.unit],
        "phase": spec.phase,
        "sponsor": people[spec.sponsor] if spec.sponsor else None,
        "manager": people[spec.manager] if spec.manager else None,
        "problem_statement": spec.problem,
        "description": spec.description,
    }
    # Registered in the name of the technical administrator, who may register anywhere;
    # the audit trail still names the command (``command:demo``) as the channel.
    create_initiative(people[SUPERUSER], values)
