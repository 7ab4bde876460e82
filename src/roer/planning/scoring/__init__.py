"""Scoring: configurable, weighted criteria and a transparent breakdown per initiative.

The pure part (``criteria``, ``score``) imports no Django; ``services`` feeds it the
portfolio's data (``scores_for``) and is the one Django module here. The score is the
``value`` of an initiative in a scenario built from the portfolio. See docs/planning/scoring.md.
"""

from roer.planning.scoring.criteria import CRITERIA, Criterion, Facts, Measured
from roer.planning.scoring.score import Part, ScoreBreakdown, Weights, rank, score

__all__ = ["CRITERIA", "Criterion", "Facts", "Measured", "Part", "ScoreBreakdown", "Weights", "rank", "score"]
