"""The decision-rights matrix: editing a type's deadlines, escalation and letters; the rules; the pages."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.governance.models import DecisionRight, DecisionType
from roer.governance.services import matrix
from roer.governance.tests.conftest import Council
from roer.organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SETTINGS = {"advice_days": 12, "vote_days": 8, "escalation_days": 4, "escalation_role": "mandate_holder"}


def _letters(kind: DecisionType) -> dict[str, str]:
    return {right.role: right.responsibility for right in kind.rights.all()}


@pytest.fixture
def one_organisation(council: Council) -> None:
    """The usual installation: one organisation. The world's other organisation becomes one of its units."""
    other = council.world.other_org
    other.parent = council.world.ministry
    other.save()


def test_with_two_organisations_only_the_installation_administrator_edits_the_matrix(council: Council) -> None:
    assert not matrix.may_edit_matrix(council.marc)  # CIO of one of the two organisations
    assert not matrix.may_edit_matrix(council.world.frank)
    root = PersonFactory(username="root", is_staff=True, is_superuser=True, home_unit=council.world.ministry)
    assert matrix.may_edit_matrix(root)
    with pytest.raises(PermissionDenied):
        matrix.edit_decision_type(council.marc, council.kind("gate"), SETTINGS, {}, version=1)


@pytest.mark.usefixtures("one_organisation")
class TestMatrixService:
    def test_who_may_edit(self, council: Council) -> None:
        assert matrix.may_edit_matrix(council.marc)  # CIO of the root unit
        assert matrix.may_edit_matrix(council.world.frank)  # functional administrator of the root unit
        assert not matrix.may_edit_matrix(council.world.alice)  # CIO of a department
        assert not matrix.may_edit_matrix(council.world.bob)
        assert not matrix.may_edit_matrix(council.world.charlie)

    def test_editing_settings_and_letters_is_audited(self, council: Council) -> None:
        kind = council.kind("budget")
        letters = _letters(kind) | {"data_officer": "C", "board_member": ""}
        saved = matrix.edit_decision_type(council.marc, kind, SETTINGS, letters, version=1)
        assert (saved.advice_days, saved.vote_days, saved.escalation_days, saved.version) == (12, 8, 4, 2)
        assert _letters(saved)["data_officer"] == "C" and "board_member" not in _letters(saved)
        assert AuditEvent.objects.filter(object_id=str(kind.pk), action="update").exists()
        assert AuditEvent.objects.filter(action="delete", object_repr__contains="Board member").exists()
        assert AuditEvent.objects.filter(action="create", object_repr__contains="Data officer").exists()

    def test_a_role_changes_its_letter_in_place(self, council: Council) -> None:
        kind = council.kind("budget")
        matrix.edit_decision_type(council.marc, kind, {}, {"controller": "I"}, version=1)
        assert DecisionRight.objects.get(decision_type=kind, role="controller").responsibility == "I"
        assert DecisionRight.objects.filter(decision_type=kind, role="controller").count() == 1

    def test_at_least_one_accountable_role(self, council: Council) -> None:
        kind = council.kind("gate")
        with pytest.raises(ValidationError) as refused:
            matrix.edit_decision_type(council.marc, kind, {}, {"cio": "R", "mandate_holder": ""}, version=1)
        assert "accountable" in str(refused.value)
        assert _letters(DecisionType.objects.get(pk=kind.pk))["cio"] == "A"

    def test_the_escalation_role_must_be_accountable(self, council: Council) -> None:
        kind = council.kind("gate")
        with pytest.raises(ValidationError) as refused:
            matrix.edit_decision_type(council.marc, kind, {}, {"mandate_holder": "I"}, version=1)
        assert "escalation_role" in refused.value.message_dict
        saved = matrix.edit_decision_type(
            council.marc, kind, {"escalation_role": "cio"}, {"mandate_holder": "I"}, version=1
        )
        assert saved.escalation_role == "cio"

    def test_an_unknown_letter_is_refused(self, council: Council) -> None:
        with pytest.raises(ValidationError):
            matrix.edit_decision_type(council.marc, council.kind("gate"), {}, {"sponsor": "X"}, version=1)

    def test_a_department_cio_may_not_edit(self, council: Council) -> None:
        with pytest.raises(PermissionDenied):
            matrix.edit_decision_type(council.world.alice, council.kind("gate"), SETTINGS, {}, version=1)

    def test_a_stale_version_is_refused(self, council: Council) -> None:
        kind = council.kind("gate")
        matrix.edit_decision_type(council.marc, kind, SETTINGS, {}, version=1)
        with pytest.raises(matrix.StaleVersion):
            matrix.edit_decision_type(council.world.frank, kind, {"advice_days": 3}, {}, version=1)

    def test_saving_without_a_change_keeps_the_version(self, council: Council) -> None:
        kind = council.kind("gate")
        assert matrix.edit_decision_type(council.marc, kind, {}, _letters(kind), version=1).version == 1


@pytest.mark.usefixtures("one_organisation")
class TestMatrixPages:
    def test_the_matrix_is_an_accessible_table(self, client: Client, council: Council) -> None:
        client.force_login(council.world.bob)
        response = client.get(reverse("governance:decision-rights"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "<caption" in content and 'scope="row"' in content and 'scope="col"' in content
        assert "Accountable: decides" in content and "Initiative gate" in content
        assert reverse("governance:decision-type-edit", args=["gate"]) not in content

    def test_the_legend_speaks_the_language_of_each_request(self, client: Client, council: Council) -> None:
        client.force_login(council.world.bob)
        for language, expected in (("nl", "Eindverantwoordelijk (A)"), ("en", "Accountable: decides")):
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            assert expected in client.get(reverse("governance:decision-rights")).content.decode()

    def test_the_editor_sees_the_edit_links(self, client: Client, council: Council) -> None:
        client.force_login(council.marc)
        content = client.get(reverse("governance:decision-rights")).content.decode()
        assert reverse("governance:decision-type-edit", args=["gate"]) in content

    def test_the_viewer_and_the_outsider_may_not_edit(self, client: Client, council: Council) -> None:
        url = reverse("governance:decision-type-edit", args=["gate"])
        for person in (council.world.bob, council.world.alice, council.world.charlie):
            client.force_login(person)
            assert client.get(url).status_code == 403
            assert client.post(url, {}).status_code == 403

    def test_editing_through_the_page(self, client: Client, council: Council) -> None:
        client.force_login(council.world.frank)
        url = reverse("governance:decision-type-edit", args=["budget"])
        form = client.get(url)
        assert form.status_code == 200
        data = {name: str(value) for name, value in SETTINGS.items()} | {"version": "1"}
        data |= {f"role_{role}": letter for role, letter in _letters(council.kind("budget")).items()}
        data["role_cio"] = ""
        data["role_mandate_holder"] = ""
        refused = client.post(url, data)
        assert refused.status_code == 200 and "At least one role must be accountable" in refused.content.decode()
        data["role_mandate_holder"] = "A"
        response = client.post(url, data)
        assert response.status_code == 302
        assert "cio" not in _letters(council.kind("budget"))

    def test_a_stale_edit_shows_the_difference(self, client: Client, council: Council) -> None:
        matrix.edit_decision_type(council.marc, council.kind("budget"), {"advice_days": 20}, {}, version=1)
        client.force_login(council.world.frank)
        data = {name: str(value) for name, value in SETTINGS.items()} | {"version": "1"}
        data |= {f"role_{role}": letter for role, letter in _letters(council.kind("budget")).items()}
        response = client.post(reverse("governance:decision-type-edit", args=["budget"]), data)
        assert response.status_code == 200
        assert "someone else changed this meanwhile" in response.content.decode()
        assert council.kind("budget").advice_days == 20


def test_matrix_changes_are_shown_to_every_auditor_and_to_no_one_else(council: Council) -> None:
    root = PersonFactory(username="root2", is_staff=True, is_superuser=True, home_unit=council.world.ministry)
    matrix.edit_decision_type(root, council.kind("budget"), {"advice_days": 21}, {}, version=1)
    kind = council.kind("budget")
    assert AuditEvent.objects.for_user(council.world.audrey).for_object(kind).exists()
    assert not AuditEvent.objects.for_user(council.world.bob).for_object(kind).exists()
    assert not AuditEvent.objects.for_user(council.world.charlie).for_object(kind).exists()
