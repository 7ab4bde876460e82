"""Edits through the Django admin are audited, and the audit trail itself cannot be edited there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.organisation.tests.factories import PersonFactory
from roer.portfolio.models import Initiative, Phase


@pytest.fixture
def root(world):
    return PersonFactory(username="root", is_staff=True, is_superuser=True, home_unit=world.ministry)


def _change_initiative(client, initiative, **values):
    data = {
        "code": "HIJACKED-1",  # read-only after creation: must be ignored
        "name": initiative.name,
        "org_unit": initiative.org_unit_id,
        "sponsor": "",
        "manager": "",
        "phase": initiative.phase,
        "problem_statement": initiative.problem_statement,
        "description": initiative.description,
        "_save": "Save",
    }
    data.update(values)
    return client.post(reverse("admin:portfolio_initiative_change", args=[initiative.pk]), data)


def test_an_admin_edit_of_an_initiative_leaves_an_audit_event(client, world, root):
    client.force_login(root)
    response = _change_initiative(client, world.initiative, name="Regie op gegevens (herijkt)", phase=Phase.EXECUTION)
    assert response.status_code == 302, response.content.decode()[:2000]

    event = AuditEvent.objects.for_object(world.initiative).get(action="update")
    assert event.source == "admin"
    assert event.actor == root and event.actor_label == "root"
    assert event.before["name"] == "Regie op gegevens" and event.after["name"] == "Regie op gegevens (herijkt)"
    assert event.before["phase"] == Phase.IDEA and event.after["phase"] == Phase.EXECUTION
    assert {"name", "phase", "version"} <= set(event.changed_fields)


def test_the_code_is_read_only_and_the_version_moves_on(client, world, root):
    client.force_login(root)
    _change_initiative(client, world.initiative, name="Nieuwe naam")
    stored = Initiative.objects.get(pk=world.initiative.pk)
    assert stored.code == "MINBZ-0001"
    assert stored.version == 2


def test_the_audit_trail_is_read_only_in_the_admin(client, world, root):
    event = AuditEvent.objects.first()
    client.force_login(root)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert (
        client.post(reverse("admin:audit_auditevent_change", args=[event.pk]), {"actor_label": "x"}).status_code == 403
    )
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, actor_label=event.actor_label).exists()


@pytest.mark.parametrize(
    "name",
    [
        "admin:organisation_orgunit_changelist",
        "admin:organisation_person_changelist",
        "admin:organisation_roleassignment_changelist",
        "admin:portfolio_initiative_changelist",
        "admin:audit_auditevent_changelist",
    ],
)
def test_every_registration_opens_for_a_superuser_and_refuses_an_outsider(client, world, root, name):
    client.force_login(root)
    assert client.get(reverse(name)).status_code == 200
    client.force_login(world.charlie)
    assert client.get(reverse(name)).status_code == 403


def test_person_admin_shows_organisation_fields_and_no_password_hash(client, world, root):
    client.force_login(root)
    body = client.get(reverse("admin:organisation_person_change", args=[world.alice.pk])).content.decode()
    assert 'name="home_unit"' in body and 'name="job_title"' in body
    assert world.alice.password not in body


def test_staff_see_only_their_scope_in_the_admin(client, world):
    world.alice.is_staff = True
    world.alice.save()
    client.force_login(world.alice)
    body = client.get(reverse("admin:portfolio_initiative_changelist")).content.decode()
    assert "MINBZ-0001" in body and "MINBZ-0002" not in body
    response = client.get(reverse("admin:portfolio_initiative_change", args=[world.other_initiative.pk]))
    assert response.status_code == 302  # the admin sends unknown objects back to the index


def test_add_and_change_pages_open_for_a_superuser(client, world, root):
    client.force_login(root)
    assignment = world.alice.role_assignments.get()
    for name, obj in (
        ("organisation_orgunit", world.department),
        ("organisation_person", world.alice),
        ("organisation_roleassignment", assignment),
        ("portfolio_initiative", world.initiative),
    ):
        assert client.get(reverse(f"admin:{name}_add")).status_code == 200, name
        assert client.get(reverse(f"admin:{name}_change", args=[obj.pk])).status_code == 200, name


def test_initiative_code_can_be_chosen_when_adding_in_the_admin(client, world, root):
    client.force_login(root)
    body = client.get(reverse("admin:portfolio_initiative_add")).content.decode()
    assert 'name="code"' in body
    body = client.get(reverse("admin:portfolio_initiative_change", args=[world.initiative.pk])).content.decode()
    assert 'name="code"' not in body and "MINBZ-0001" in body
