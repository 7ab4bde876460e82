"""Factories for org units, people and roles, with Dutch names."""

from __future__ import annotations

import datetime

import factory
from factory.django import DjangoModelFactory

from roer.organisation.models import OrgUnit, OrgUnitKind, Person, RoleAssignment
from roer.organisation.roles import Role


class OrgUnitFactory(DjangoModelFactory):
    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"unit-{n}")
    name = factory.Sequence(lambda n: f"Directie {n}")
    kind = OrgUnitKind.DEPARTMENT
    parent = None

    class Params:
        organisation = factory.Trait(kind=OrgUnitKind.ORGANISATION, name=factory.Sequence(lambda n: f"Ministerie {n}"))


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"persoon{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda p: f"{p.username}@example.nl")
    password = factory.django.Password("correct-horse-battery")


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    person = factory.SubFactory(PersonFactory)
    role = Role.VIEWER
    org_unit = factory.SubFactory(OrgUnitFactory)
    valid_from = datetime.date(2020, 1, 1)
    valid_until = None
