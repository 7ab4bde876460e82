"""Bodies and memberships: the services (rights, validation, stale versions, audit) and the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.governance.models import Body, BodyKind, MemberCapacity, Membership
from roer.governance.services import bodies
from roer.governance.tests.conftest import Council

pytestmark = pytest.mark.django_db


def _values(council: Council, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "Portfolioraad",
        "kind": BodyKind.PORTFOLIO_BOARD,
        "org_unit": council.world.ministry,
        "chair": council.marc,
        "secretary": None,
        "mandate_holder": council.marc,
        "quorum": 2,
        "consensus_rule": "no_objection",
        "cadence": "quarterly",
        "description": "",
    }
    return values | changes


class TestBodyService:
    def test_a_governance_manager_at_the_unit_sets_up_a_body_and_it_is_audited(self, council: Council) -> None:
        body = bodies.create_body(council.world.frank, _values(council))
        assert body.version == 1
        assert AuditEvent.objects.filter(object_id=str(body.pk), action="create", object_repr=str(body)).exists()

    def test_a_department_cio_may_not_set_up_a_body_of_the_ministry(self, council: Council) -> None:
        with pytest.raises(PermissionDenied):
            bodies.create_body(council.world.alice, _values(council))

    def test_a_department_cio_sets_up_a_body_for_the_department(self, council: Council) -> None:
        values = _values(council, org_unit=council.world.department, chair=council.world.alice)
        assert bodies.create_body(council.world.alice, values).org_unit == council.world.department

    def test_chair_and_mandate_holder_must_be_active(self, council: Council) -> None:
        council.otto.is_active = False
        council.otto.save()
        with pytest.raises(ValidationError) as refused:
            bodies.create_body(council.world.frank, _values(council, chair=council.otto, secretary=council.otto))
        assert set(refused.value.message_dict) == {"chair", "secretary"}

    def test_an_update_based_on_an_older_version_is_refused(self, council: Council) -> None:
        body = council.body
        bodies.update_body(council.marc, body, {"cadence": "weekly"}, version=1)
        with pytest.raises(bodies.StaleVersion) as stale:
            bodies.update_body(council.world.frank, body, {"quorum": 1}, version=1)
        assert stale.value.current.cadence == "weekly"
        assert Body.objects.get(pk=body.pk).version == 2

    def test_the_body_cannot_be_moved_out_of_the_managers_reach(self, council: Council) -> None:
        body = bodies.create_body(
            council.world.alice, _values(council, org_unit=council.world.department, chair=council.world.alice)
        )
        with pytest.raises(PermissionDenied):
            bodies.update_body(council.world.alice, body, {"org_unit": council.world.ministry}, version=1)

    def test_a_quorum_above_the_voting_members_is_a_warning_not_an_error(self, council: Council) -> None:
        body = bodies.update_body(council.marc, council.body, {"quorum": 3}, version=1)
        assert body.quorum == 3
        warning = bodies.quorum_warning(body)
        assert warning is not None and "2 voting members" in warning
        assert bodies.quorum_warning(bodies.update_body(council.marc, body, {"quorum": 2}, version=2)) is None


class TestMembershipService:
    def test_adding_and_ending_a_membership(self, council: Council) -> None:
        membership = bodies.add_member(
            council.world.frank, council.body, council.carla, MemberCapacity.ADVISORY, dt.date(2026, 1, 1)
        )
        assert membership.capacity == MemberCapacity.ADVISORY
        bodies.end_membership(council.world.frank, membership, dt.date(2026, 6, 30))
        assert Membership.objects.get(pk=membership.pk).until == dt.date(2026, 6, 30)
        assert AuditEvent.objects.filter(object_id=str(membership.pk), action="update").exists()

    def test_a_former_member_joins_again_on_the_same_row(self, council: Council) -> None:
        membership = bodies.add_member(council.marc, council.body, council.carla, "voting", dt.date(2025, 1, 1))
        bodies.end_membership(council.marc, membership, dt.date(2025, 6, 30))
        again = bodies.add_member(council.marc, council.body, council.carla, "advisory", dt.date(2026, 1, 1))
        assert again.pk == membership.pk and again.until is None and again.capacity == "advisory"

    def test_a_current_member_cannot_be_added_twice(self, council: Council) -> None:
        with pytest.raises(ValidationError) as refused:
            bodies.add_member(council.marc, council.body, council.otto, "voting", dt.date(2026, 1, 1))
        assert "person" in refused.value.message_dict

    def test_a_membership_cannot_end_before_it_began(self, council: Council) -> None:
        membership = Membership.objects.get(body=council.body, person=council.otto)
        with pytest.raises(ValidationError):
            bodies.end_membership(council.marc, membership, dt.date(2019, 1, 1))

    def test_only_a_governance_manager_changes_members(self, council: Council) -> None:
        with pytest.raises(PermissionDenied):
            bodies.add_member(council.world.alice, council.body, council.carla, "voting", dt.date(2026, 1, 1))
        membership = Membership.objects.get(body=council.body, person=council.otto)
        with pytest.raises(PermissionDenied):
            bodies.end_membership(council.world.alice, membership, dt.date(2026, 1, 1))


class TestBodyPages:
    def test_the_list_shows_the_council(self, client: Client, council: Council) -> None:
        client.force_login(council.world.bob)
        response = client.get(reverse("governance:body-list"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "CIO-raad" in content and "Marc Hendriks" in content
        assert reverse("governance:body-create") not in content

    def test_the_outsider_sees_no_body(self, client: Client, council: Council) -> None:
        client.force_login(council.world.charlie)
        assert "CIO-raad" not in client.get(reverse("governance:body-list")).content.decode()
        assert client.get(reverse("governance:body-detail", args=[council.body.pk])).status_code == 404
        assert client.get(reverse("governance:body-edit", args=[council.body.pk])).status_code == 404

    def test_the_detail_shows_members_rule_and_actions_for_the_manager(self, client: Client, council: Council) -> None:
        client.force_login(council.world.frank)
        response = client.get(reverse("governance:body-detail", args=[council.body.pk]))
        content = response.content.decode()
        assert "Otto Mulder" in content and "Advisory member" in content
        assert "no one objects" in content
        assert reverse("governance:body-edit", args=[council.body.pk]) in content
        assert reverse("governance:meeting-create", args=[council.body.pk]) in content

    def test_the_viewer_may_look_but_not_change(self, client: Client, council: Council) -> None:
        client.force_login(council.world.bob)
        detail = client.get(reverse("governance:body-detail", args=[council.body.pk]))
        assert detail.status_code == 200
        assert reverse("governance:body-edit", args=[council.body.pk]) not in detail.content.decode()
        assert client.get(reverse("governance:body-edit", args=[council.body.pk])).status_code == 403
        assert client.get(reverse("governance:body-create")).status_code == 403
        assert client.post(reverse("governance:membership-add", args=[council.body.pk]), {}).status_code == 403

    def test_creating_a_body_through_the_page(self, client: Client, council: Council) -> None:
        client.force_login(council.world.frank)
        data = {
            "name": "Architectuurboard",
            "kind": BodyKind.ARCHITECTURE_BOARD,
            "org_unit": council.world.ministry.pk,
            "chair": council.tim.pk,
            "mandate_holder": council.marc.pk,
            "quorum": 3,
            "consensus_rule": "consensus_minus_one",
            "cadence": "monthly",
        }
        response = client.post(reverse("governance:body-create"), data)
        body = Body.objects.get(name="Architectuurboard")
        assert response.status_code == 302 and response["Location"] == reverse("governance:body-detail", args=[body.pk])
        detail = client.get(response["Location"]).content.decode()
        assert "no vote can reach consensus" in detail

    def test_a_stale_edit_shows_the_newer_values(self, client: Client, council: Council) -> None:
        bodies.update_body(council.marc, council.body, {"cadence": "weekly"}, version=1)
        client.force_login(council.world.frank)
        data = {
            "name": "CIO-raad",
            "kind": BodyKind.CIO_COUNCIL,
            "org_unit": council.world.ministry.pk,
            "chair": council.marc.pk,
            "secretary": council.world.frank.pk,
            "mandate_holder": council.marc.pk,
            "quorum": 2,
            "consensus_rule": "no_objection",
            "cadence": "quarterly",
            "version": 1,
        }
        response = client.post(reverse("governance:body-edit", args=[council.body.pk]), data)
        assert response.status_code == 200
        content = response.content.decode()
        assert "someone else changed this meanwhile" in content and "Weekly" in content
        assert Body.objects.get(pk=council.body.pk).cadence == "weekly"

    def test_adding_and_ending_a_member_through_the_pages(self, client: Client, council: Council) -> None:
        client.force_login(council.marc)
        response = client.post(
            reverse("governance:membership-add", args=[council.body.pk]),
            {"person": council.carla.pk, "capacity": "advisory", "since": "2026-01-01"},
        )
        assert response.status_code == 302
        membership = Membership.objects.get(body=council.body, person=council.carla)
        url = reverse("governance:membership-end", args=[council.body.pk, membership.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, {"until": "2025-01-01"}).status_code == 200  # before it began: shown on the form
        assert client.post(url, {"until": "2026-12-31"}).status_code == 302
        assert Membership.objects.get(pk=membership.pk).until == dt.date(2026, 12, 31)
