import datetime

import pytest
from django.utils import timezone

from roer.organisation.access import forget_cached_roles, has_capability, scope_paths
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.organisation.roles import Capability, Role
from roer.portfolio.models import Initiative


def test_a_role_applies_to_its_unit_and_every_unit_below(world):
    visible = set(OrgUnit.objects.for_user(world.alice).values_list("code", flat=True))
    assert visible == {"dgdo", "dir-ds"}


def test_an_outsider_sees_nothing_of_another_organisation(world):
    assert not Initiative.objects.for_user(world.charlie).exists()
    assert set(OrgUnit.objects.for_user(world.charlie).values_list("code", flat=True)) == {"gem-anders"}
    assert "alice" not in Person.objects.for_user(world.charlie).values_list("username", flat=True)


def test_initiatives_follow_scope_and_personal_involvement(world):
    assert list(Initiative.objects.for_user(world.alice)) == [world.initiative]
    world.other_initiative.manager = world.bob
    world.other_initiative.save()
    assert set(Initiative.objects.for_user(world.bob)) == {world.initiative, world.other_initiative}


def test_expired_and_future_roles_give_no_access(world):
    today = timezone.localdate()
    person = Person.objects.create_user("eva", password="x")
    RoleAssignment.objects.create(
        person=person,
        role=Role.CIO,
        org_unit=world.ministry,
        valid_from=today - datetime.timedelta(days=30),
        valid_until=today - datetime.timedelta(days=1),
    )
    RoleAssignment.objects.create(
        person=person, role=Role.CIO, org_unit=world.ministry, valid_from=today + datetime.timedelta(days=1)
    )
    assert not has_capability(person, Capability.VIEW_PORTFOLIO)
    forget_cached_roles(person)
    RoleAssignment.objects.create(person=person, role=Role.CIO, org_unit=world.ministry, valid_from=today)
    assert has_capability(person, Capability.VIEW_PORTFOLIO, world.directorate.path)


def test_capabilities_depend_on_the_role(world):
    assert has_capability(world.alice, Capability.CHANGE_INITIATIVE, world.directorate.path)
    assert not has_capability(world.alice, Capability.CHANGE_INITIATIVE, world.other_department.path)
    assert not has_capability(world.bob, Capability.CHANGE_INITIATIVE, world.directorate.path)
    assert has_capability(world.audrey, Capability.VIEW_AUDIT, world.directorate.path)
    assert not has_capability(world.alice, Capability.VIEW_AUDIT)


def test_nested_scopes_collapse_to_the_outermost(world):
    RoleAssignment.objects.create(
        person=world.alice, role=Role.VIEWER, org_unit=world.ministry, valid_from=datetime.date(2020, 1, 1)
    )
    forget_cached_roles(world.alice)
    assert scope_paths(world.alice, Capability.VIEW_PORTFOLIO) == [world.ministry.path]


def test_moving_a_unit_moves_its_subtree(world):
    world.department.parent = world.other_org
    world.department.save()
    world.directorate.refresh_from_db()
    assert world.directorate.path.startswith(world.other_org.path + f"{world.department.pk}/")


def test_a_unit_cannot_be_placed_below_itself(world):
    world.department.parent = world.directorate
    with pytest.raises(ValueError):
        world.department.save()


def test_a_superuser_sees_every_role_assignment(world):
    admin = Person.objects.create_superuser("beheer", password="x")
    assert RoleAssignment.objects.for_user(admin).count() == RoleAssignment.objects.count() > 1
