"""No one edits or deletes a decision: model, query set and database refuse. It can only be superseded."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction

from roer.governance.models import Basis, Decision, DecisionImmutable, Outcome, Scope, SubjectKind
from roer.governance.services import flow
from roer.governance.tests.conftest import Council


def _decided(council: Council) -> Decision:
    proposal = flow.create_proposal(
        council.paul,
        {
            "title": "Budget voor de datalaag",
            "summary": "Verhoging met 200.000 euro.",
            "subject_kind": SubjectKind.BUDGET,
            "budget_change": "200000.00",
            "decision_type": council.kind("budget"),
            "org_unit": council.world.department,
            "scope": Scope.LOCAL,
            "scope_reason": "Eigen budget.",
        },
    )
    flow.submit(council.paul, proposal)
    flow.give_advice(council.carla, proposal, "controller", "positive", "Dekking is er.")
    return flow.decide(council.world.alice, proposal, Outcome.APPROVED, "Binnen de begroting.")


@pytest.mark.django_db
class TestImmutable:
    def test_saving_a_changed_decision_is_refused(self, council: Council) -> None:
        decision = _decided(council)
        decision.outcome = Outcome.REJECTED
        with pytest.raises(DecisionImmutable):
            decision.save()
        assert Decision.objects.get(pk=decision.pk).outcome == Outcome.APPROVED

    def test_deleting_is_refused(self, council: Council) -> None:
        decision = _decided(council)
        with pytest.raises(DecisionImmutable):
            decision.delete()
        with pytest.raises(DecisionImmutable):
            Decision.objects.filter(pk=decision.pk).delete()
        assert Decision.objects.filter(pk=decision.pk).exists()

    def test_bulk_update_is_refused(self, council: Council) -> None:
        decision = _decided(council)
        with pytest.raises(DecisionImmutable):
            Decision.objects.filter(pk=decision.pk).update(rationale="anders")

    def test_the_database_refuses_an_update_that_bypasses_django(self, council: Council) -> None:
        decision = _decided(council)
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE governance_decision SET rationale = %s WHERE id = %s", ["anders", decision.pk])
        assert Decision.objects.get(pk=decision.pk).rationale == "Binnen de begroting."

    def test_a_correction_supersedes_and_leaves_the_original_as_it_was(self, council: Council) -> None:
        original = _decided(council)
        with pytest.raises(PermissionDenied):
            flow.supersede(council.world.bob, original, Outcome.REJECTED, "Toch niet.")
        with pytest.raises(ValidationError):
            flow.supersede(council.world.alice, original, Outcome.REJECTED, "")
        correction = flow.supersede(council.world.alice, original, Outcome.REJECTED, "Dekking viel weg.")
        assert correction.supersedes == original
        assert correction.basis == Basis.CORRECTION
        assert not flow.in_force(original)
        assert flow.in_force(correction)
        original.refresh_from_db()
        assert (original.outcome, original.rationale) == (Outcome.APPROVED, "Binnen de begroting.")
        with pytest.raises(ValidationError, match="already superseded"):
            flow.supersede(council.world.alice, original, Outcome.APPROVED, "Nog eens.")
