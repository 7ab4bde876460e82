"""The org-unit tree, a unit's page and its history: who sees what."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roer.audit.context import Source, acting
from roer.organisation.tests.factories import OrgUnitFactory
from roer.portfolio.tests.factories import InitiativeFactory


def _tree(client, user):
    client.force_login(user)
    response = client.get(reverse("organisation:unit-list"))
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in (
        reverse("organisation:unit-list"),
        reverse("organisation:unit-detail", args=[world.department.pk]),
        reverse("organisation:unit-history", args=[world.department.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_tree_shows_the_units_in_scope_as_nested_lists(client, world):
    body = _tree(client, world.alice)
    assert "DG Digitale Overheid" in body and "Directie Digitale Samenleving" in body
    assert "Ministerie van Binnenzaken" not in body and "DG Wonen en Bouwen" not in body
    # The directorate is a list item inside the department's item.
    department = body.index("DG Digitale Overheid")
    assert body.index("utrecht-unordered-list--nested", department) < body.index("Directie Digitale Samenleving")


def test_tree_counts_initiatives_in_the_unit_and_below(client, world):
    InitiativeFactory(org_unit=world.department)
    body = _tree(client, world.frank)
    assert "3 initiatives, 0 in this unit itself" in body  # the ministry
    assert "2 initiatives, 1 in this unit itself" in body  # alice's department


def test_tree_counts_are_computed_in_one_query(client, world, django_assert_max_num_queries):
    for _ in range(5):
        OrgUnitFactory(parent=world.directorate)
    client.force_login(world.frank)
    client.get(reverse("organisation:unit-list"))  # warm the session and content types
    with django_assert_max_num_queries(8):
        client.get(reverse("organisation:unit-list"))


def test_tree_of_an_outsider_holds_only_their_own_organisation(client, world):
    body = _tree(client, world.charlie)
    assert "Gemeente Anders" in body
    assert "Binnenzaken" not in body and "Digitale Overheid" not in body


def test_tree_within_one_unit(client, world):
    client.force_login(world.frank)
    body = client.get(reverse("organisation:unit-list"), {"within": world.department.pk}).content.decode()
    assert "Directie Digitale Samenleving" in body and "DG Wonen en Bouwen" not in body


def test_tree_within_a_unit_outside_scope_is_not_found(client, world):
    client.force_login(world.charlie)
    assert client.get(reverse("organisation:unit-list"), {"within": world.department.pk}).status_code == 404


def test_tree_is_paginated(client, world, settings):
    for n in range(120):
        OrgUnitFactory(parent=world.directorate, name=f"Team {n:03d}")
    client.force_login(world.frank)
    first = client.get(reverse("organisation:unit-list")).content.decode()
    second = client.get(reverse("organisation:unit-list"), {"page": 2}).content.decode()
    assert 'rel="next"' in first
    # A page that starts inside a subtree says where it continues.
    assert "Below Directie Digitale Samenleving" in second


def test_unit_page_shows_kind_parent_children_roles_and_initiatives(client, world):
    client.force_login(world.frank)
    response = client.get(reverse("organisation:unit-detail", args=[world.department.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Department" in body
    assert f'href="/org-units/{world.ministry.pk}/"' in body  # parent and breadcrumb
    assert "Directie Digitale Samenleving" in body  # child
    assert "Alice de Vries" in body and "CIO" in body and "Bob Jansen" in body  # roles here
    assert "MINBZ-0001" in body  # initiative of the directorate below
    assert "MINBZ-0002" not in body  # initiative of another department
    assert f"/initiatives/?unit={world.department.pk}" in body


def test_unit_page_breadcrumbs_leave_out_ancestors_outside_scope(client, world):
    client.force_login(world.alice)
    body = client.get(reverse("organisation:unit-detail", args=[world.directorate.pk])).content.decode()
    nav = body[
        body.index('class="utrecht-breadcrumb-nav"') : body.index("</nav>", body.index("utrecht-breadcrumb-nav"))
    ]
    assert "DG Digitale Overheid" in nav
    assert "Binnenzaken" not in body


def test_initiatives_on_the_unit_page_are_a_short_list(client, world):
    for _ in range(12):
        InitiativeFactory(org_unit=world.directorate)
    client.force_login(world.alice)
    body = client.get(reverse("organisation:unit-detail", args=[world.department.pk])).content.decode()
    assert "10 of 13 initiatives" in body
    assert "All 13 initiatives in the register" in body


def test_viewer_sees_the_unit_but_no_management_or_history(client, world):
    client.force_login(world.bob)
    body = client.get(reverse("organisation:unit-detail", args=[world.department.pk])).content.decode()
    assert "Assign a role" not in body
    assert reverse("organisation:unit-history", args=[world.department.pk]) not in body


def test_functional_admin_sees_the_assignment_form(client, world):
    client.force_login(world.frank)
    body = client.get(reverse("organisation:unit-detail", args=[world.department.pk])).content.decode()
    assert "Assign a role" in body
    assert reverse("organisation:unit-role-add", args=[world.department.pk]) in body


def test_outsider_gets_not_found_for_a_unit_outside_scope(client, world):
    client.force_login(world.charlie)
    assert client.get(reverse("organisation:unit-detail", args=[world.department.pk])).status_code == 404
    assert client.get(reverse("organisation:unit-history", args=[world.department.pk])).status_code == 404


@pytest.mark.parametrize("who", ["audrey", "frank"])
def test_auditor_and_functional_admin_read_the_unit_history(client, world, who):
    with acting(actor=world.frank, source=Source.WEB):
        world.department.name = "DG Digitalisering"
        world.department.save()
    client.force_login(getattr(world, who))
    response = client.get(reverse("organisation:unit-history", args=[world.department.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "DG Digitale Overheid" in body and "DG Digitalisering" in body and "frank" in body


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_cio_and_viewer_are_refused_the_unit_history(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("organisation:unit-history", args=[world.department.pk])).status_code == 403


def test_read_only_pages_refuse_posts(client, world):
    client.force_login(world.frank)
    assert client.post(reverse("organisation:unit-list")).status_code == 405
    assert client.post(reverse("organisation:unit-detail", args=[world.department.pk])).status_code == 405
