"""The deliberate gaps in the demo's goal–effort network, in one place.

The orphan analysis on the demo data must list exactly these (a test checks that the
data bears them out). Everything else is connected: each other initiative contributes
to a goal, each other goal has a contributing initiative in its subtree, each other
KPI has a contribution and a measurement younger than its frequency.
"""

from __future__ import annotations

from dataclasses import dataclass

from roer.demo.data.goals import GOAL_BY_KEY
from roer.demo.data.kpis import KPI_BY_KEY, STALE_KPI, UNMEASURED_KPI


@dataclass(frozen=True)
class Orphans:
    initiatives: tuple[str, ...]  # codes: initiatives without any contribution
    mandatory_initiatives: tuple[str, ...]  # the ones among them that the law requires (flagged, still orphans)
    goals: tuple[str, ...]  # titles: goals without a contributing initiative, directly or through child goals
    kpis_without_contribution: tuple[str, ...]  # names: KPIs that no contribution names
    stale_kpis: tuple[str, ...]  # names: last measurement longer ago than the KPI's frequency
    unmeasured_kpis: tuple[str, ...]  # names: no measurement at all yet (baseline only; see below)


ORPHANS = Orphans(
    # Two ideas that nobody has tied to a goal yet, and one mandatory initiative that serves no goal.
    initiatives=("BDZ-0005", "BDZ-0023", "BDZ-0041"),
    mandatory_initiatives=("BDZ-0041",),
    # Objectives set by the board that no initiative works on (their KPIs are measured all the same).
    goals=(GOAL_BY_KEY["O123"].title, GOAL_BY_KEY["O223"].title),
    kpis_without_contribution=(KPI_BY_KEY["regeldruk"].name, KPI_BY_KEY["digivaardig"].name),
    # Measurements stopped in September 2024.
    stale_kpis=(STALE_KPI,),
    # Defined with a baseline 80 days before the build day; the first half-yearly measurement is not
    # due yet, so it is not stale (the analysis counts from the baseline when nothing is measured).
    unmeasured_kpis=(UNMEASURED_KPI,),
)
