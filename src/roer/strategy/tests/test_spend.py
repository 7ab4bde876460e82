from decimal import Decimal as D

import pytest

from roer.strategy.spend import split_by_weight


def test_split_follows_the_weights_and_adds_up_to_the_cent():
    shares = split_by_weight(D("100.00"), {"a": D("1"), "b": D("1"), "c": D("1")})
    assert sum(shares.values()) == D("100.00")
    assert sorted(shares.values()) == [D("33.33"), D("33.33"), D("33.34")]


def test_unequal_weights():
    assert split_by_weight(D("1000"), {"goal": D("3"), "other": D("1")}) == {"goal": D("750.00"), "other": D("250.00")}


def test_no_goals_no_split_and_weights_must_be_positive():
    assert split_by_weight(D("10"), {}) == {}
    with pytest.raises(ValueError):
        split_by_weight(D("10"), {"a": D("0")})
