"""The list of people, a person's page and their history."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from roer.audit.context import Source, acting
from roer.audit.registry import MASK
from roer.organisation.models import RoleAssignment
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory


def _people(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("organisation:person-list"), params)
    assert response.status_code == 200
    return [row.person.username for row in response.context["rows"]]


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in (
        reverse("organisation:person-list"),
        reverse("organisation:person-detail", args=[world.alice.pk]),
        reverse("organisation:person-history", args=[world.alice.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_list_holds_the_people_in_scope(client, world):
    assert set(_people(client, world.alice)) == {"alice", "bob"}
    assert set(_people(client, world.frank)) == {"alice", "bob", "audrey", "frank"}


def test_outsider_sees_only_their_own_organisation(client, world):
    assert _people(client, world.charlie) == ["charlie"]


def test_search_by_name_and_username(client, world):
    assert _people(client, world.frank, q="vries") == ["alice"]
    assert _people(client, world.frank, q="BOB") == ["bob"]
    assert _people(client, world.frank, q="Alice de Vries") == ["alice"]
    assert _people(client, world.frank, q="charlie") == []


def test_filter_by_unit_includes_people_working_or_holding_a_role_below(client, world):
    assert set(_people(client, world.frank, unit=world.department.pk)) == {"alice", "bob"}
    assert _people(client, world.frank, unit=world.other_department.pk) == []


def test_filter_by_role_counts_only_current_roles(client, world):
    assert _people(client, world.frank, role=Role.CIO) == ["alice"]
    RoleAssignment.objects.filter(person=world.alice).update(valid_until=datetime.date(2021, 1, 1))
    assert _people(client, world.frank, role=Role.CIO) == []


def test_filter_by_unit_and_role_together(client, world):
    assert _people(client, world.frank, unit=world.department.pk, role=Role.VIEWER) == ["bob"]
    assert _people(client, world.frank, unit=world.ministry.pk, role=Role.AUDITOR) == ["audrey"]


def test_filter_on_a_unit_outside_scope_is_an_error_not_data(client, world):
    client.force_login(world.charlie)
    response = client.get(reverse("organisation:person-list"), {"unit": world.department.pk})
    assert "unit" in response.context["form"].errors
    assert [row.person.username for row in response.context["rows"]] == ["charlie"]


def test_sorting(client, world):
    assert _people(client, world.frank, sort="username") == ["alice", "audrey", "bob", "frank"]
    assert _people(client, world.frank, sort="-username") == ["frank", "bob", "audrey", "alice"]
    assert _people(client, world.frank) == ["alice", "bob", "audrey", "frank"]  # by last name, any case
    assert _people(client, world.frank, sort="nonsense") == ["alice", "bob", "audrey", "frank"]


def test_list_is_paginated(client, world, settings):
    for n in range(settings.ROER_PAGE_SIZE + 5):
        PersonFactory(username=f"medewerker{n:02d}", home_unit=world.department)
    client.force_login(world.alice)
    first = client.get(reverse("organisation:person-list"), {"sort": "username"})
    assert len(first.context["rows"]) == settings.ROER_PAGE_SIZE
    second = client.get(reverse("organisation:person-list"), {"sort": "username", "page": 2})
    assert len(second.context["rows"]) == 7


def test_person_page_shows_job_title_home_unit_and_roles_with_periods(client, world):
    world.alice.job_title = "Chief information officer"
    world.alice.save()
    RoleAssignment.objects.create(
        person=world.alice,
        role=Role.SPONSOR,
        org_unit=world.directorate,
        valid_from=datetime.date(2019, 1, 1),
        valid_until=datetime.date(2019, 12, 31),
    )
    client.force_login(world.bob)
    response = client.get(reverse("organisation:person-detail", args=[world.alice.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Chief information officer" in body and "DG Digitale Overheid" in body
    statuses = {row.assignment.role: row.status for row in response.context["rows"]}
    assert statuses == {Role.CIO: "Current", Role.SPONSOR: "Ended"}


def test_person_page_never_shows_secrets(client, world):
    client.force_login(world.frank)
    body = client.get(reverse("organisation:person-detail", args=[world.alice.pk])).content.decode()
    assert world.alice.password not in body
    assert "md5$" not in body and "pbkdf2" not in body


def test_roles_in_units_outside_scope_are_not_shown(client, world):
    RoleAssignment.objects.create(
        person=world.bob, role=Role.CHAIN_OWNER, org_unit=world.other_org, valid_from=datetime.date(2020, 1, 1)
    )
    client.force_login(world.alice)
    body = client.get(reverse("organisation:person-detail", args=[world.bob.pk])).content.decode()
    assert "Chain owner" not in body and "Gemeente Anders" not in body


def test_outsider_gets_not_found_for_a_person_outside_scope(client, world):
    client.force_login(world.charlie)
    assert client.get(reverse("organisation:person-detail", args=[world.alice.pk])).status_code == 404
    assert client.get(reverse("organisation:person-history", args=[world.alice.pk])).status_code == 404


def test_everyone_sees_their_own_page(client, world):
    client.force_login(world.charlie)
    assert client.get(reverse("organisation:person-detail", args=[world.charlie.pk])).status_code == 200


@pytest.mark.parametrize("who", ["audrey", "frank"])
def test_history_masks_the_password(client, world, who):
    with acting(actor=world.frank, source=Source.ADMIN):
        world.alice.set_password("een-nieuw-wachtwoord-2025")
        world.alice.job_title = "CIO"
        world.alice.save()
    client.force_login(getattr(world, who))
    response = client.get(reverse("organisation:person-history", args=[world.alice.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert MASK in body and "CIO" in body
    assert world.alice.password not in body and "md5$" not in body


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_history_is_refused_to_people_without_audit_or_admin_rights(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("organisation:person-history", args=[world.bob.pk])).status_code == 403


def test_filter_bar_refresh_returns_only_the_results(client, world):
    client.force_login(world.frank)
    response = client.get(reverse("organisation:person-list"), {"q": "bob"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and "Bob Jansen" in body and "Alice de Vries" not in body
