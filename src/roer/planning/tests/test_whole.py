"""Branch and bound in a second process: plans travel both ways, and a helper that fails proves nothing."""

from __future__ import annotations

import multiprocessing

import numpy as np

from roer.planning.optimiser import parse_scenario
from roer.planning.optimiser.greedy import greedy
from roer.planning.optimiser.model import build_matrix
from roer.planning.optimiser.placement import Links, Placement
from roer.planning.optimiser.whole import SharedBest, WholeModel, _Mailbox, columns

from .test_search import portfolio


def test_a_mailbox_hands_the_newest_plan_to_the_other_side() -> None:
    box = _Mailbox(multiprocessing.get_context("spawn"), 5)
    box.put(np.array([0.0, 1.0, 0.0, 0.9999, 0.0]))
    box.put(np.array([1.0, 0.0, 0.0, 0.0, 1.0]))
    assert box.version.value == 2
    assert box.take().tolist() == [1.0, 0.0, 0.0, 0.0, 1.0]


def test_the_shared_best_keeps_only_a_better_plan() -> None:
    sc = parse_scenario(portfolio(30, seed=3))
    links = Links(sc)
    good = greedy(sc, links)
    assert good is not None and good.start
    shared = SharedBest(good)
    assert not shared.offer(Placement(sc, links))  # the empty plan is worse
    assert shared.get() == (good, 0)


def test_branch_and_bound_beside_the_search_finds_and_proves_a_small_optimum() -> None:
    sc = parse_scenario(portfolio(12, seed=4))
    links = Links(sc)
    start = Placement(sc, links)  # nothing funded: branch and bound must find the plan itself
    shared = SharedBest(start)
    m = build_matrix(sc)

    def convert(x: np.ndarray) -> Placement | None:
        plan = Placement(sc, links)
        for i in range(len(sc.candidates)):
            for j in m.cols(i):
                if x[j] > 0.5:
                    plan.place(i, int(m.first[i]) + j - int(m.col_start[i]))
        return plan

    whole = WholeModel(m, shared, convert, gap=0.0, seconds=30.0)
    for _ in range(300):
        if whole.proved():
            break
        whole._process.join(0.1)
    bound = whole.finish()
    best, version = shared.get()
    assert whole.proved() and version >= 1
    assert bound is not None and abs(bound - best.objective()) <= 1e-6 * max(1.0, bound)
    assert columns(m, best).sum() == len(best.start)


def test_a_helper_that_never_reports_proves_nothing() -> None:
    sc = parse_scenario(portfolio(12, seed=4))
    links = Links(sc)
    whole = WholeModel(build_matrix(sc), SharedBest(Placement(sc, links)), lambda x: None, gap=0.0, seconds=30.0)
    whole._process.kill()
    assert whole.finish() is None
    assert not whole.proved()
