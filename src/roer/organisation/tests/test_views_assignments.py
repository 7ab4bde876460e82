"""Assigning and ending roles on the unit page: permission, validation, and the audit record."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from roer.audit.models import AuditEvent
from roer.organisation import services
from roer.organisation.models import RoleAssignment
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory

TODAY = timezone.localdate()


def _add_url(unit):
    return reverse("organisation:unit-role-add", args=[unit.pk])


def _end_url(assignment):
    return reverse("organisation:unit-role-end", args=[assignment.org_unit_id, assignment.pk])


def _post_assignment(client, unit, **values):
    data = {"person": "bob", "role": Role.PORTFOLIO_MANAGER, "valid_from": TODAY.isoformat(), "valid_until": ""}
    data.update(values)
    return client.post(_add_url(unit), data)


def test_functional_admin_assigns_a_role_and_it_is_audited(client, world):
    client.force_login(world.frank)
    response = _post_assignment(client, world.department, valid_until="2099-12-31")
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(person=world.bob, role=Role.PORTFOLIO_MANAGER)
    assert assignment.org_unit == world.department and assignment.valid_until == datetime.date(2099, 12, 31)
    event = AuditEvent.objects.for_object(assignment).get()
    assert (event.action, event.source, event.actor) == ("create", "web", world.frank)
    page = client.get(response["Location"]).content.decode()
    assert "Bob Jansen is now Portfolio manager in DG Digitale Overheid." in page


def test_end_before_start_is_refused_with_a_clear_message(client, world):
    client.force_login(world.frank)
    response = _post_assignment(client, world.department, valid_from="2030-05-01", valid_until="2030-04-30")
    assert response.status_code == 200
    assert response.context["form"].errors["valid_until"] == ["The end date cannot be before the start date."]
    assert "The role was not assigned." in response.content.decode()
    assert not RoleAssignment.objects.filter(role=Role.PORTFOLIO_MANAGER).exists()


@pytest.mark.parametrize("username", ["charlie", "nobody-by-this-name"])
def test_person_outside_scope_or_unknown_gets_the_same_message(client, world, username):
    client.force_login(world.frank)
    response = _post_assignment(client, world.department, person=username)
    assert response.context["form"].errors["person"] == [str(services.PERSON_OUTSIDE_SCOPE)]
    assert not RoleAssignment.objects.filter(role=Role.PORTFOLIO_MANAGER).exists()


def test_missing_fields_are_reported(client, world):
    client.force_login(world.frank)
    response = client.post(_add_url(world.department), {})
    assert set(response.context["form"].errors) == {"person", "role", "valid_from"}


def test_overlapping_assignment_of_the_same_role_is_refused(client, world):
    client.force_login(world.frank)
    response = _post_assignment(client, world.department, person="alice", role=Role.CIO)
    assert "already holds this role" in response.context["form"].errors["role"][0]


def test_viewer_and_cio_may_not_assign(client, world):
    for user in (world.bob, world.alice):
        client.force_login(user)
        assert _post_assignment(client, world.department).status_code == 403
    assert not RoleAssignment.objects.filter(role=Role.PORTFOLIO_MANAGER).exists()


def test_outsider_cannot_reach_the_assignment_form(client, world):
    client.force_login(world.charlie)
    assert _post_assignment(client, world.department).status_code == 404
    assert client.get(_add_url(world.department)).status_code == 404


def test_get_on_the_assignment_url_leads_to_the_unit_page(client, world):
    client.force_login(world.frank)
    response = client.get(_add_url(world.department))
    assert response.status_code == 302 and response["Location"].startswith(world.department.get_absolute_url())


def test_functional_admin_ends_an_assignment(client, world):
    assignment = world.bob.role_assignments.get()
    client.force_login(world.frank)
    form_page = client.get(_end_url(assignment))
    assert form_page.status_code == 200 and "End a role assignment" in form_page.content.decode()
    response = client.post(_end_url(assignment), {"valid_until": TODAY.isoformat()})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.valid_until == TODAY
    event = AuditEvent.objects.for_object(assignment).get(action="update")
    assert event.before["valid_until"] is None and event.after["valid_until"] == TODAY.isoformat()


def test_ending_before_the_start_is_refused(client, world):
    assignment = world.bob.role_assignments.get()
    client.force_login(world.frank)
    response = client.post(_end_url(assignment), {"valid_until": "2019-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["valid_until"] == ["The end date cannot be before the start date."]
    assignment.refresh_from_db()
    assert assignment.valid_until is None


def test_an_ended_assignment_cannot_be_ended_again(world):
    assignment = world.bob.role_assignments.get()
    services.end_assignment(world.frank, assignment, TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        services.end_assignment(world.frank, assignment, TODAY)
    assert "already ended" in str(refused.value)


def test_ended_assignments_leave_the_unit_page(client, world):
    assignment = world.bob.role_assignments.get()
    services.end_assignment(world.frank, assignment, TODAY - datetime.timedelta(days=1))
    client.force_login(world.frank)
    body = client.get(world.department.get_absolute_url()).content.decode()
    assert "Bob Jansen" not in body


def test_only_functional_admins_may_end_assignments(client, world):
    assignment = world.alice.role_assignments.get()
    client.force_login(world.bob)
    assert client.get(_end_url(assignment)).status_code == 403
    assert client.post(_end_url(assignment), {"valid_until": TODAY.isoformat()}).status_code == 403
    client.force_login(world.charlie)
    assert client.get(_end_url(assignment)).status_code == 404
    assert client.post(_end_url(assignment), {"valid_until": TODAY.isoformat()}).status_code == 404


def test_an_assignment_of_another_unit_is_not_found_under_this_one(client, world):
    assignment = world.alice.role_assignments.get()  # in the department
    client.force_login(world.frank)
    url = reverse("organisation:unit-role-end", args=[world.ministry.pk, assignment.pk])
    assert client.get(url).status_code == 404


def test_service_refuses_an_actor_without_the_capability(world):
    with pytest.raises(PermissionDenied):
        services.assign_role(world.alice, person=world.bob, role=Role.CIO, org_unit=world.department, valid_from=TODAY)


def test_service_refuses_a_unit_outside_the_admins_scope(world):
    with pytest.raises(PermissionDenied):
        services.assign_role(world.frank, person=world.bob, role=Role.CIO, org_unit=world.other_org, valid_from=TODAY)


def test_service_refuses_a_deactivated_person(world):
    leaver = PersonFactory(username="leaver", home_unit=world.department, is_active=False)
    with pytest.raises(ValidationError) as refused:
        services.assign_role(world.frank, person=leaver, role=Role.VIEWER, org_unit=world.department, valid_from=TODAY)
    assert "person" in refused.value.message_dict


def test_a_later_period_of_the_same_role_is_allowed(world):
    assignment = world.bob.role_assignments.get()
    services.end_assignment(world.frank, assignment, datetime.date(2024, 12, 31))
    later = services.assign_role(
        world.frank, person=world.bob, role=Role.VIEWER, org_unit=world.department, valid_from=datetime.date(2025, 1, 1)
    )
    assert later.pk != assignment.pk
