import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.portfolio.models import Gate, GateOutcome, GateReview, Initiative, Lever, Phase, PortfolioPolicy
from roer.portfolio.services.gates import (
    LeverInput,
    LeversBelowThreshold,
    awaiting_adoption,
    next_phase,
    record_gate_review,
    reviews,
)

DAY = datetime.date(2026, 3, 1)


def levers(score=3, **overrides):
    result = {lever.value: LeverInput(score=score, evidence="Gezien in het plan.") for lever in Lever}
    result.update(overrides)
    return result


def values(gate=Gate.APPROVAL, outcome=GateOutcome.PASSED, **extra):
    return {"gate": gate, "outcome": outcome, "held_on": DAY, **extra}


def test_phase_mapping_moves_forward_only():
    assert next_phase(Gate.INTAKE, GateOutcome.PASSED, Phase.IDEA) == Phase.INTAKE
    assert next_phase(Gate.APPROVAL, GateOutcome.CONDITIONAL, Phase.INTAKE) == Phase.APPROVED
    assert next_phase(Gate.GO_LIVE, GateOutcome.PASSED, Phase.EXECUTION) == Phase.LIVE
    assert next_phase(Gate.CLOSURE, GateOutcome.PASSED, Phase.LIVE) == Phase.CLOSED
    assert next_phase(Gate.APPROVAL, GateOutcome.REJECTED, Phase.INTAKE) is None
    assert next_phase(Gate.INTAKE, GateOutcome.PASSED, Phase.EXECUTION) is None  # never back
    assert next_phase(Gate.APPROVAL, GateOutcome.PASSED, Phase.ON_HOLD) is None


def test_approval_refused_naming_the_levers_below_threshold(world):
    world.initiative.phase = Phase.INTAKE
    world.initiative.save()
    weak = levers(**{"simplify_first": LeverInput(1), "adoption": LeverInput(0)})
    with pytest.raises(LeversBelowThreshold) as refused:
        record_gate_review(world.alice, world.initiative, values(), weak)
    assert refused.value.levers == ["simplify_first", "adoption"]
    assert "Processes simplified before they are digitised" in refused.value.messages[0]
    assert not GateReview.objects.exists()


def test_approval_passes_with_waivers_and_moves_the_phase(world):
    world.initiative.phase = Phase.INTAKE
    world.initiative.save()
    weak = levers(**{"adoption": LeverInput(1, waiver_reason="Training komt in fase 2; besluit stuurgroep.")})
    review = record_gate_review(world.alice, world.initiative, values(), weak)
    world.initiative.refresh_from_db()
    assert world.initiative.phase == Phase.APPROVED and world.initiative.version == 2
    waived = review.levers.get(lever="adoption")
    assert waived.waived_by == world.alice and waived.waiver_reason.startswith("Training")
    # Weakest lever first on the page.
    assert [s.lever for s in reviews(world.initiative)[0].levers.all()][0] == "adoption"


def test_rejected_approval_needs_no_waiver_and_moves_nothing(world):
    record_gate_review(world.alice, world.initiative, values(outcome=GateOutcome.REJECTED), levers(score=0))
    world.initiative.refresh_from_db()
    assert world.initiative.phase == Phase.IDEA


def test_threshold_comes_from_the_organisation_policy(world):
    PortfolioPolicy.objects.create(organisation=world.ministry, lever_threshold=3)
    world.initiative.phase = Phase.INTAKE
    world.initiative.save()
    with pytest.raises(LeversBelowThreshold) as refused:
        record_gate_review(world.alice, world.initiative, values(), levers(**{"leadership": LeverInput(2)}))
    assert refused.value.levers == ["leadership"]


def test_every_lever_must_be_scored(world):
    partial = levers()
    partial.pop("navigation")
    with pytest.raises(ValidationError, match="KPIs, milestones"):
        record_gate_review(world.alice, world.initiative, values(gate=Gate.INTAKE), partial)


def test_intake_gate_keeps_the_intake_rule(world):
    world.initiative.problem_statement = ""
    world.initiative.save()
    with pytest.raises(ValidationError, match="problem statement"):
        record_gate_review(world.alice, world.initiative, values(gate=Gate.INTAKE), levers())
    assert not GateReview.objects.exists()


def test_after_go_live_in_view_until_adoption_evaluated(world):
    world.initiative.phase = Phase.EXECUTION
    world.initiative.mandatory, world.initiative.legal_basis = True, "Wet digitale overheid"
    world.initiative.save()
    record_gate_review(world.alice, world.initiative, values(gate=Gate.GO_LIVE), levers())
    world.initiative.refresh_from_db()
    assert world.initiative.phase == Phase.LIVE
    assert list(awaiting_adoption(Initiative.objects.all())) == [world.initiative]
    with pytest.raises(ValidationError):
        record_gate_review(world.alice, world.initiative, values(gate=Gate.CLOSURE), levers())
    record_gate_review(
        world.alice, world.initiative, values(gate=Gate.CLOSURE, adoption_evaluation="80 % gebruikt het."), levers()
    )
    world.initiative.refresh_from_db()
    assert world.initiative.phase == Phase.CLOSED
    assert not awaiting_adoption(Initiative.objects.all()).exists()


@pytest.mark.parametrize("who", ["bob", "charlie", "audrey"])
def test_only_the_portfolio_office_records(world, who):
    with pytest.raises(PermissionDenied):
        record_gate_review(getattr(world, who), world.initiative, values(gate=Gate.INTAKE), levers())


def test_functional_admin_records(world):
    world.initiative.mandatory, world.initiative.legal_basis = True, "Wet digitale overheid"
    world.initiative.save()
    record_gate_review(world.frank, world.initiative, values(gate=Gate.INTAKE), levers())
    assert GateReview.objects.get().reviewer == world.frank
