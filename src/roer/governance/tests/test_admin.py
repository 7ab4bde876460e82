"""The admin shows decisions and proposals read-only, even to a superuser."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from roer.governance.models import Decision, Outcome, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council
from roer.organisation.tests.factories import PersonFactory


def _decision(council: Council) -> Decision:
    proposal = flow.create_proposal(
        council.paul,
        {
            "title": "Cloudbeleid",
            "summary": "Eerst cloud, tenzij.",
            "subject_kind": SubjectKind.POLICY,
            "policy_topic": "Cloud",
            "decision_type": council.kind("policy"),
            "org_unit": council.world.department,
            "scope": Scope.LOCAL,
            "scope_reason": "Eigen DG.",
        },
    )
    flow.submit(council.paul, proposal)
    for request in proposal.advice.all():
        adviser = council.petra if request.role == "privacy_officer" else council.dirk
        flow.give_advice(adviser, proposal, request.role, "positive", "Akkoord.")
    return flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Zo doen we het.")


@pytest.mark.django_db
def test_a_superuser_can_read_but_not_change_or_delete_a_decision_in_the_admin(
    client: Client, council: Council
) -> None:
    decision = _decision(council)
    root = PersonFactory(username="root", is_staff=True, is_superuser=True, home_unit=council.world.ministry)
    client.force_login(root)
    assert client.get(reverse("admin:governance_decision_changelist")).status_code == 200
    page = client.get(reverse("admin:governance_decision_change", args=[decision.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:governance_decision_add")).status_code == 403
    change = client.post(reverse("admin:governance_decision_change", args=[decision.pk]), {"rationale": "anders"})
    assert change.status_code == 403
    delete = client.post(reverse("admin:governance_decision_delete", args=[decision.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert Decision.objects.get(pk=decision.pk).rationale == "Zo doen we het."
    assert client.get(reverse("admin:governance_proposal_add")).status_code == 403


@pytest.mark.django_db
def test_an_outsider_is_refused_the_governance_admin(client: Client, council: Council) -> None:
    client.force_login(council.world.charlie)
    assert client.get(reverse("admin:governance_decision_changelist")).status_code == 403
