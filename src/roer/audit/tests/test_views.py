"""The global audit page: auditors only, filters, newest first, before → after."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.organisation.tests.factories import PersonFactory


@pytest.fixture
def changes(world):
    """A few known events: an initiative changed on a page, a unit changed through the API, one in another org."""
    with acting(actor=world.alice, source=Source.WEB):
        world.initiative.name = "Regie op eigen gegevens"
        world.initiative.save()
    with acting(actor=world.frank, source=Source.API):
        world.directorate.name = "Directie Digitale Samenleving en Data"
        world.directorate.save()
    with acting(actor=world.charlie, source=Source.WEB):
        world.other_org.name = "Gemeente Elders"
        world.other_org.save()
    return world


def _events(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("audit:event-list"), params)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in (reverse("audit:event-list"), reverse("audit:event-export")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["alice", "bob", "frank", "charlie"])
def test_only_auditors_open_the_audit_page(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("audit:event-list")).status_code == 403


def test_auditor_sees_the_events_of_their_scope_newest_first(client, changes):
    events = _events(client, changes.audrey)
    assert events == sorted(events, key=lambda e: (e.occurred_at, e.pk), reverse=True)
    assert all(e.scope_path.startswith(changes.ministry.path) for e in events)
    assert "Gemeente Elders" not in {e.object_repr for e in events}


def test_rows_show_before_and_after_of_changed_fields(client, changes):
    client.force_login(changes.audrey)
    body = client.get(reverse("audit:event-list"), {"action": "update", "actor": "alice"}).content.decode()
    assert "<del>" in body and "Regie op gegevens</del>" in body
    assert "Regie op eigen gegevens</ins>" in body


def test_filter_by_object_type(client, changes):
    from django.contrib.contenttypes.models import ContentType

    from roer.portfolio.models import Initiative

    initiative_type = ContentType.objects.get_for_model(Initiative)
    events = _events(client, changes.audrey, object_type=initiative_type.pk)
    assert events and {e.content_type_id for e in events} == {initiative_type.pk}


def test_filter_by_action_channel_and_person(client, changes):
    assert {e.action for e in _events(client, changes.audrey, action="update")} == {"update"}
    api = _events(client, changes.audrey, source="api")
    assert [e.object_repr for e in api] == ["Directie Digitale Samenleving en Data"]
    assert {e.actor_label for e in _events(client, changes.audrey, actor="ALI")} == {"alice"}


def test_filter_by_object_id_or_text(client, changes):
    by_text = _events(client, changes.audrey, object="eigen gegevens")
    assert {e.object_id for e in by_text} == {str(changes.initiative.pk)}
    by_id = _events(client, changes.audrey, object=str(changes.directorate.pk))
    assert str(changes.directorate.pk) in {e.object_id for e in by_id}


def test_filter_by_date_range(client, changes):
    old = AuditEvent.objects.filter(actor=changes.alice).get()
    day = datetime.date(2024, 3, 15)
    AuditEvent.objects.filter(pk=old.pk).update(
        occurred_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 30)))
    )
    assert [e.pk for e in _events(client, changes.audrey, date_from="2024-03-15", date_to="2024-03-15")] == [old.pk]
    assert old.pk not in {e.pk for e in _events(client, changes.audrey, date_from="2024-03-16")}
    assert [e.pk for e in _events(client, changes.audrey, date_to="2024-03-15")] == [old.pk]


def test_an_impossible_date_range_is_an_error(client, changes):
    client.force_login(changes.audrey)
    response = client.get(reverse("audit:event-list"), {"date_from": "2024-03-16", "date_to": "2024-03-15"})
    assert response.status_code == 200
    assert "date_to" in response.context["filter"].form.errors
    assert not response.context["page"].object_list


def test_the_list_is_paginated(client, world, settings):
    with acting(actor=world.frank, source=Source.COMMAND):
        for n in range(settings.ROER_PAGE_SIZE):
            PersonFactory(username=f"nieuw{n}", home_unit=world.department)
    client.force_login(world.audrey)
    response = client.get(reverse("audit:event-list"))
    assert len(response.context["page"].object_list) == settings.ROER_PAGE_SIZE
    assert response.context["page"].has_next()


def test_auditor_of_a_department_sees_only_that_department(client, world):
    from roer.organisation.roles import Role
    from roer.organisation.tests.factories import RoleAssignmentFactory

    dora = PersonFactory(username="dora", home_unit=world.department)
    RoleAssignmentFactory(person=dora, role=Role.AUDITOR, org_unit=world.department)
    with acting(actor=world.frank, source=Source.WEB):
        world.other_initiative.name = "Woningregister 2.0"
        world.other_initiative.save()
    events = _events(client, dora)
    assert events and all(e.scope_path.startswith(world.department.path) for e in events)


def test_audit_page_refuses_posts(client, world):
    client.force_login(world.audrey)
    assert client.post(reverse("audit:event-list")).status_code == 405


def test_filter_bar_refresh_returns_only_the_results(client, changes):
    client.force_login(changes.audrey)
    response = client.get(reverse("audit:event-list"), {"source": "api"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Directie Digitale Samenleving en Data" in body
    assert "source=api" in body  # the export link follows the filters
