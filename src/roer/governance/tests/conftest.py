"""A CIO council on top of the shared ``world``: the fixture every governance test builds on.

marc   — top CIO of the ministry, the council's chair and mandate holder
alice  — CIO of the department (from ``world``), voting member
otto   — CIO of the other department, voting member
petra, dirk, tim — privacy, data and technology officer of the ministry (the advisers)
carla  — controller of the ministry
paul   — portfolio manager of the department: proposes
bob    — viewer of the department (from ``world``): may look, may not decide
charlie — outsider (from ``world``)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from roer.conftest import World
from roer.governance.models import Body, BodyKind, ConsensusRule, DecisionType, MemberCapacity, Membership
from roer.organisation.models import Person
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory


@dataclass
class Council:
    world: World
    body: Body
    marc: Person
    otto: Person
    petra: Person
    dirk: Person
    tim: Person
    carla: Person
    paul: Person

    def kind(self, code: str) -> DecisionType:
        return DecisionType.objects.get(code=code)


def _person(username: str, first: str, last: str, role: Role, unit: object) -> Person:
    person: Person = PersonFactory(
        username=username, first_name=first, last_name=last, home_unit=unit, email=f"{username}@roer.test"
    )
    RoleAssignmentFactory(person=person, role=role, org_unit=unit, valid_from=dt.date(2020, 1, 1))
    return person


@pytest.fixture
def council(world: World) -> Council:
    marc = _person("marc", "Marc", "Hendriks", Role.MANDATE_HOLDER, world.ministry)
    RoleAssignmentFactory(person=marc, role=Role.CIO, org_unit=world.ministry, valid_from=dt.date(2020, 1, 1))
    otto = _person("otto", "Otto", "Mulder", Role.CIO, world.other_department)
    petra = _person("petra", "Petra", "Kok", Role.PRIVACY_OFFICER, world.ministry)
    dirk = _person("dirk", "Dirk", "Bos", Role.DATA_OFFICER, world.ministry)
    tim = _person("tim", "Tim", "Peters", Role.TECHNOLOGY_OFFICER, world.ministry)
    carla = _person("carla", "Carla", "Dekker", Role.CONTROLLER, world.ministry)
    paul = _person("paul", "Paul", "Meijer", Role.PORTFOLIO_MANAGER, world.department)
    body = Body.objects.create(
        name="CIO-raad",
        kind=BodyKind.CIO_COUNCIL,
        org_unit=world.ministry,
        chair=marc,
        secretary=world.frank,
        mandate_holder=marc,
        quorum=2,
        consensus_rule=ConsensusRule.NO_OBJECTION,
    )
    for person in (world.alice, otto):
        Membership.objects.create(body=body, person=person, capacity=MemberCapacity.VOTING, since=dt.date(2020, 1, 1))
    Membership.objects.create(body=body, person=tim, capacity=MemberCapacity.ADVISORY, since=dt.date(2020, 1, 1))
    return Council(world, body, marc, otto, petra, dirk, tim, carla, paul)
