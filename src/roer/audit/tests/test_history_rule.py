"""``audit.view_history``: who may read one object's history (the rule lives in ``audit/rules.py``)."""

from __future__ import annotations

import datetime

import pytest

from roer.organisation.models import RoleAssignment
from roer.organisation.roles import Role


@pytest.mark.parametrize(
    "who,allowed",
    [("audrey", True), ("frank", True), ("alice", False), ("bob", False), ("charlie", False)],
)
def test_history_of_a_unit(world, who, allowed):
    assert getattr(world, who).has_perm("audit.view_history", world.department) is allowed


@pytest.mark.parametrize("who,allowed", [("audrey", True), ("frank", True), ("alice", False), ("charlie", False)])
def test_history_of_a_person_and_an_initiative(world, who, allowed):
    user = getattr(world, who)
    assert user.has_perm("audit.view_history", world.bob) is allowed
    assert user.has_perm("audit.view_history", world.initiative) is allowed


def test_an_auditor_elsewhere_does_not_read_this_history(world):
    RoleAssignment.objects.create(
        person=world.charlie, role=Role.AUDITOR, org_unit=world.other_org, valid_from=datetime.date(2020, 1, 1)
    )
    assert not world.charlie.has_perm("audit.view_history", world.department)


def test_there_is_no_history_permission_without_an_object(world):
    assert not world.frank.has_perm("audit.view_history")
    assert not world.audrey.has_perm("audit.view_history")
