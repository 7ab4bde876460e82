"""Shared fixtures. Every view and endpoint is tested with someone who may (alice),
someone who may only look (bob) and an outsider who must be refused (charlie)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from roer.organisation.models import OrgUnit, OrgUnitKind, Person
from roer.organisation.roles import Role
from roer.organisation.tests.factories import OrgUnitFactory, PersonFactory, RoleAssignmentFactory
from roer.portfolio.models import Initiative
from roer.portfolio.tests.factories import InitiativeFactory


@dataclass
class World:
    ministry: OrgUnit
    department: OrgUnit
    directorate: OrgUnit
    other_department: OrgUnit
    other_org: OrgUnit
    alice: Person  # CIO of the department: may change its initiatives
    bob: Person  # viewer of the department
    charlie: Person  # viewer in another organisation: an outsider
    audrey: Person  # auditor of the ministry
    frank: Person  # functional administrator of the ministry
    initiative: Initiative  # in the directorate below alice's department
    other_initiative: Initiative  # in the other department


def _role(person: Person, role: Role, unit: OrgUnit) -> None:
    RoleAssignmentFactory(person=person, role=role, org_unit=unit)


@pytest.fixture
def world(db: None) -> World:
    ministry = OrgUnitFactory(code="minbz", name="Ministerie van Binnenzaken", kind=OrgUnitKind.ORGANISATION)
    department = OrgUnitFactory(code="dgdo", name="DG Digitale Overheid", parent=ministry)
    directorate = OrgUnitFactory(
        code="dir-ds", name="Directie Digitale Samenleving", parent=department, kind=OrgUnitKind.DIRECTORATE
    )
    other_department = OrgUnitFactory(code="dgwb", name="DG Wonen en Bouwen", parent=ministry)
    other_org = OrgUnitFactory(code="gem-anders", name="Gemeente Anders", kind=OrgUnitKind.ORGANISATION)

    alice = PersonFactory(username="alice", first_name="Alice", last_name="de Vries", home_unit=department)
    bob = PersonFactory(username="bob", first_name="Bob", last_name="Jansen", home_unit=department)
    charlie = PersonFactory(username="charlie", first_name="Charlie", last_name="Bakker", home_unit=other_org)
    audrey = PersonFactory(username="audrey", first_name="Audrey", last_name="Smit", home_unit=ministry)
    frank = PersonFactory(username="frank", first_name="Frank", last_name="Visser", home_unit=ministry)
    _role(alice, Role.CIO, department)
    _role(bob, Role.VIEWER, department)
    _role(charlie, Role.VIEWER, other_org)
    _role(audrey, Role.AUDITOR, ministry)
    _role(frank, Role.FUNCTIONAL_ADMIN, ministry)

    return World(
        ministry=ministry,
        department=department,
        directorate=directorate,
        other_department=other_department,
        other_org=other_org,
        alice=alice,
        bob=bob,
        charlie=charlie,
        audrey=audrey,
        frank=frank,
        initiative=InitiativeFactory(code="MINBZ-0001", name="Regie op gegevens", org_unit=directorate),
        other_initiative=InitiativeFactory(code="MINBZ-0002", name="Woningregister", org_unit=other_department),
    )
