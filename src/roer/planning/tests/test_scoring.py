"""The pure scoring core: fixed-scale normalisation, weights, and breakdowns that add up."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roer.planning.scoring import CRITERIA, Criterion, Facts, Weights, rank, score
from roer.planning.scoring.criteria import cost, legal, risk, strategic, urgency

TODAY = datetime.date(2026, 6, 30)
EQUAL = Weights(weights={criterion: 1 for criterion in CRITERIA})


def test_strategic_points_by_confidence_and_kpi_saturate_at_six() -> None:
    assert strategic(Facts()).normalised == 0 and strategic(Facts()).missing
    assert strategic(Facts(contributions=(("low", False),))).normalised == Decimal("0.1667")
    assert strategic(Facts(contributions=(("high", True),))).raw == 4
    assert strategic(Facts(contributions=(("high", True), ("high", True)))).normalised == 1


def test_legal_obligation() -> None:
    assert legal(Facts(mandatory=True)).normalised == 1
    assert legal(Facts(legal_basis=True)).normalised == Decimal("0.5")
    assert legal(Facts()).normalised == 0


def test_risk_prefers_the_cio_rating_then_the_colour_and_is_half_when_unknown() -> None:
    assert risk(Facts(cio_rating=5, overall_rag="red")).normalised == 1
    assert risk(Facts(cio_rating=1)).normalised == 0
    assert risk(Facts(overall_rag="amber")).normalised == Decimal("0.5")
    assert risk(Facts(overall_rag="amber")).source == "overall"
    unknown = risk(Facts())
    assert unknown.normalised == Decimal("0.5") and unknown.missing and unknown.raw is None


def test_urgency_by_days_to_the_end_date() -> None:
    assert urgency(Facts(end_date=TODAY - datetime.timedelta(days=10)), TODAY).normalised == 1
    assert urgency(Facts(end_date=TODAY + datetime.timedelta(days=1095)), TODAY).normalised == 0
    assert urgency(Facts(end_date=TODAY + datetime.timedelta(days=3000)), TODAY).normalised == 0
    assert urgency(Facts(end_date=TODAY + datetime.timedelta(days=365)), TODAY).normalised == Decimal("0.6667")
    assert urgency(Facts(), TODAY).normalised == 0 and urgency(Facts(), TODAY).missing
    assert urgency(Facts(end_date=TODAY, finished=True), TODAY).normalised == 0


def test_cost_is_half_at_the_reference() -> None:
    reference = Decimal("1000000")
    assert cost(Facts(cost=Decimal(0)), reference).normalised == 1
    assert cost(Facts(cost=reference), reference).normalised == Decimal("0.5")
    assert cost(Facts(cost=Decimal("3000000")), reference).normalised == Decimal("0.25")
    assert cost(Facts(), reference).missing and cost(Facts(), reference).normalised == Decimal("0.5")


def test_the_breakdown_adds_up_and_shows_every_criterion() -> None:
    facts = Facts(contributions=(("medium", True),), mandatory=True, cio_rating=3, cost=Decimal("1000000"))
    breakdown = score(facts, EQUAL, TODAY)
    assert [part.criterion for part in breakdown.parts] == list(CRITERIA)
    # strategic 0.5, legal 1, risk 0.5, urgency 0 (missing), cost 0.5: each weighs a fifth.
    assert [part.points for part in breakdown.parts] == [
        Decimal(p) for p in ("10.00", "20.00", "10.00", "0.00", "10.00")
    ]
    assert breakdown.value == Decimal("50.00")
    assert all(part.share == Decimal("0.2") for part in breakdown.parts)


def test_a_criterion_that_is_off_or_weighs_zero_contributes_nothing() -> None:
    facts = Facts(mandatory=True, cio_rating=5)
    only_legal = Weights(weights={Criterion.LEGAL: 3, Criterion.RISK: 0})
    assert score(facts, only_legal, TODAY).value == 100
    off = Weights(weights={Criterion.LEGAL: 3, Criterion.RISK: 1}, enabled=frozenset({Criterion.RISK}))
    breakdown = score(facts, off, TODAY)
    assert breakdown.value == 100
    assert breakdown.part(Criterion.LEGAL).points == 0 and not breakdown.part(Criterion.LEGAL).enabled
    assert breakdown.part(Criterion.LEGAL).normalised == 1  # still shown, for transparency


def test_all_weights_zero_scores_nothing() -> None:
    breakdown = score(Facts(mandatory=True), Weights(weights={}), TODAY)
    assert breakdown.value == 0 and all(part.points == 0 and part.share == 0 for part in breakdown.parts)


def test_all_equal_facts_give_equal_scores_ranked_by_code() -> None:
    facts = Facts(contributions=(("low", False),), cio_rating=2)
    scores = {pk: score(facts, EQUAL, TODAY) for pk in (3, 1, 2)}
    assert len({breakdown.value for breakdown in scores.values()}) == 1
    assert rank(scores, {1: "B", 2: "A", 3: "C"}) == [2, 1, 3]
    assert rank(scores) == [1, 2, 3]


def test_negative_weights_and_a_non_positive_reference_are_refused() -> None:
    with pytest.raises(ValueError):
        Weights(weights={Criterion.RISK: -1})
    with pytest.raises(ValueError):
        Weights(weights={}, cost_reference=Decimal(0))


@given(
    weights=st.lists(st.integers(min_value=0, max_value=100), min_size=5, max_size=5),
    points=st.lists(st.sampled_from(["low", "medium", "high"]), max_size=4),
    rating=st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
    days=st.one_of(st.none(), st.integers(min_value=-500, max_value=5000)),
    amount=st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2)),
    mandatory=st.booleans(),
)
def test_scores_stay_within_0_and_100_and_add_up(
    weights: list[int], points: list[str], rating: int | None, days: int | None, amount: Decimal | None, mandatory: bool
) -> None:
    facts = Facts(
        contributions=tuple((p, False) for p in points),
        mandatory=mandatory,
        cio_rating=rating,
        end_date=None if days is None else TODAY + datetime.timedelta(days=days),
        cost=amount,
    )
    breakdown = score(facts, Weights(weights=dict(zip(CRITERIA, weights, strict=True))), TODAY)
    assert 0 <= breakdown.value <= 100
    assert breakdown.value == sum(part.points for part in breakdown.parts)
    assert all(0 <= part.normalised <= 1 for part in breakdown.parts)
    assert breakdown == score(facts, Weights(weights=dict(zip(CRITERIA, weights, strict=True))), TODAY)


def test_rounded_parts_never_exceed_100() -> None:
    # Three equal weights, everything in full: 33.33… each; the parts add up to exactly 100.
    facts = Facts(mandatory=True, cio_rating=5, end_date=TODAY)
    weights = Weights(weights={Criterion.LEGAL: 1, Criterion.RISK: 1, Criterion.URGENCY: 1})
    breakdown = score(facts, weights, TODAY)
    assert breakdown.value == 100
    assert sorted(part.points for part in breakdown.parts if part.weight) == [
        Decimal("33.33"),
        Decimal("33.33"),
        Decimal("33.34"),
    ]
