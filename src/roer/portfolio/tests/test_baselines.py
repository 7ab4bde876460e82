import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.portfolio.models import Baseline, BaselineKind, CostLine
from roer.portfolio.services.baselines import figures, record_baseline
from roer.portfolio.services.signals import BaselineImmutable

D = datetime.date
END = D(2027, 12, 31)


def initial(world, cost="1000000", end=END):
    return record_baseline(
        world.alice,
        world.initiative,
        {"recorded_on": D(2025, 1, 1), "start_date": D(2025, 1, 1), "end_date": end},
        {"external_staff": Decimal(cost)},
    )


def rebaseline(world, cost, end, on, **extra):
    values = {
        "recorded_on": on,
        "start_date": D(2025, 1, 1),
        "end_date": end,
        "reason": "Scope uitgebreid",
        "decision_reference": "Besluit stuurgroep 12",
        "cost_change_explanation": "Meer koppelingen",
        "end_date_change_explanation": "Later opgeleverd",
        **extra,
    }
    return record_baseline(world.alice, world.initiative, values, {"external_staff": Decimal(cost)})


def test_first_is_initial_then_rebaselines(world):
    first = initial(world)
    assert (first.number, first.kind) == (0, BaselineKind.INITIAL)
    second = rebaseline(world, "1100000", D(2028, 6, 30), D(2026, 1, 1))
    assert (second.number, second.kind) == (1, BaselineKind.REBASELINE)


def test_rebaseline_needs_reason_decision_and_explanations_of_what_changed(world):
    initial(world)
    with pytest.raises(ValidationError) as refused:
        rebaseline(
            world,
            "1200000",
            D(2028, 1, 1),
            D(2026, 1, 1),
            reason="",
            decision_reference="",
            cost_change_explanation="",
            end_date_change_explanation="",
        )
    assert set(refused.value.message_dict) == {
        "reason",
        "decision_reference",
        "cost_change_explanation",
        "end_date_change_explanation",
    }
    # Unchanged values need no explanation.
    rebaseline(
        world, "1000000", D(2027, 12, 31), D(2026, 1, 1), cost_change_explanation="", end_date_change_explanation=""
    )


def test_baselines_are_immutable(world):
    first = initial(world)
    first.reason = "achteraf anders"
    with pytest.raises(BaselineImmutable):
        first.save()
    cost = first.costs.get()
    cost.amount = Decimal(1)
    with pytest.raises(BaselineImmutable):
        cost.save()


def test_variance_against_the_initial_baseline_after_two_rebaselines(world):
    initial(world, cost="1000000", end=D(2026, 12, 31))
    rebaseline(world, "1200000", D(2027, 6, 30), D(2026, 1, 1))
    rebaseline(world, "1500000", D(2027, 12, 31), D(2026, 6, 1))
    found = figures(world.initiative)
    assert found.initial.number == 0 and found.latest.number == 2
    assert found.initial_cost == Decimal("1000000") and found.latest_cost == Decimal("1500000")
    # No cost lines: the current estimate is the latest baseline, 50 % over the *initial* one, not 0 %.
    assert found.cost_source == "baseline"
    assert found.variance.cost == Decimal("0.5")
    assert found.variance.delay_days == 365
    assert [b.reason for b in found.rebaselines] == ["Scope uitgebreid", "Scope uitgebreid"]
    # Forecast cost lines take over as the current estimate.
    CostLine.objects.create(
        initiative=world.initiative, year=2026, category="external_staff", kind="forecast", amount=Decimal("1800000")
    )
    assert figures(world.initiative).variance.cost == Decimal("0.8")


def test_viewer_cannot_record(world):
    with pytest.raises(PermissionDenied):
        record_baseline(
            world.bob,
            world.initiative,
            {"start_date": D(2025, 1, 1), "end_date": D(2026, 1, 1)},
            {"hardware": Decimal(10)},
        )
    assert not Baseline.objects.exists()
