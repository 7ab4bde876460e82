"""Turns the demo data into rows: adds what is missing, never changes or removes what exists.

Running it twice leaves the database as the first run left it; rows a person has
edited since keep their edits. Everything goes through ordinary saves and the
portfolio services, so each row gets its audit event like any other change.

An initiative past the idea phase needs a problem statement and a contribution to a
goal (or a legal basis, if the law requires it). So an initiative is registered in
the idea phase, given its contributions, and then moved to its phase, as a person
would do it.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from roer.demo.data.initiatives_mandatory import INITIATIVES_MANDATORY
from roer.demo.data.initiatives_operations import INITIATIVES_OPERATIONS, INITIATIVES_OUTSIDER
from roer.demo.data.initiatives_policy import INITIATIVES_POLICY
from roer.demo.data.people import DEMO_PASSWORD, PEOPLE, SUPERUSER
from roer.demo.data.specs import InitiativeSpec, PersonSpec, UnitSpec
from roer.demo.data.units import MINISTRY, UNITS
from roer.demo.governance import add_governance
from roer.demo.health import add_health
from roer.demo.network import add_contributions, add_cost_lines, build_goals, build_kpis
from roer.demo.publishing import publish_demo
from roer.demo.report import BuildReport
from roer.demo.scenarios import add_scenario
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.services import create_initiative, update_initiative
from roer.strategy.models import KPI, Goal

INITIATIVES: tuple[InitiativeSpec, ...] = (
    INITIATIVES_POLICY + INITIATIVES_OPERATIONS + INITIATIVES_MANDATORY + INITIATIVES_OUTSIDER
)

__all__ = ["INITIATIVES", "BuildReport", "build_small", "is_loaded"]


def is_loaded() -> bool:
    """True once the demo ministry exists (the first thing the builder creates)."""
    return OrgUnit.objects.filter(code=MINISTRY).exists()


def build_small(today: datetime.date | None = None) -> BuildReport:
    """Create the demo organisation, its people and roles, goals, KPIs and initiatives, where missing.

    ``today`` (default: the current date) is the day the measurement dates count back from,
    the year before which cost lines have actuals, and the day the governance story leads up to.
    """
    # The demo's people have no real mailboxes: their notifications stay in the in-app inbox.
    # (Mail goes out when the transaction commits, so the setting must outlive it.)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        return _build_small(today or timezone.localdate())


def _build_small(today: datetime.date) -> BuildReport:
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
    goals = build_goals(units, people, report)
    kpis = build_kpis(units, goals, today, report)
    for initiative_spec in INITIATIVES:
        initiative = _initiative(initiative_spec, units, people, goals, kpis, report)
        add_cost_lines(initiative, initiative_spec.phase, today.year, report)
        add_health(initiative, people, today)
    publish_demo(today, report)
    add_governance(today, people, report)
    add_scenario(today, people, report)
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
    spec: InitiativeSpec,
    units: dict[str, OrgUnit],
    people: dict[str, Person],
    goals: dict[str, Goal],
    kpis: dict[str, KPI],
    report: BuildReport,
) -> Initiative:
    initiative: Initiative | None = Initiative.objects.select_related("org_unit").filter(code=spec.code).first()
    report.note("initiatives", initiative is None)
    if initiative is not None:
        add_contributions(initiative, goals, kpis, report)
        return initiative
    values = {
        "code": spec.code,
        "name": spec.name,
        "org_unit": units[spec.unit],
        "phase": Phase.IDEA,
        "sponsor": people[spec.sponsor] if spec.sponsor else None,
        "manager": people[spec.manager] if spec.manager else None,
        "problem_statement": spec.problem,
        "description": spec.description,
        "mandatory": spec.mandatory,
        "legal_basis": spec.legal_basis,
    }
    # Registered in the name of the technical administrator, who may register anywhere;
    # the audit trail still names the command (``command:demo``) as the channel.
    admin = people[SUPERUSER]
    initiative = create_initiative(admin, values)
    add_contributions(initiative, goals, kpis, report)
    if spec.phase != Phase.IDEA:
        initiative = update_initiative(admin, initiative, {"phase": spec.phase}, initiative.version)
    return initiative
