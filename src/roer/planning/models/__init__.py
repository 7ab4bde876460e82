from roer.planning.models.scoring import DEFAULT_WEIGHTS, ScoringConfiguration

__all__ = ["DEFAULT_WEIGHTS", "ScoringConfiguration"]
