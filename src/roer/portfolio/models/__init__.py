from roer.portfolio.models.baseline import Baseline, BaselineCost, BaselineKind
from roer.portfolio.models.costs import CostCategory, CostKind, CostLine, CostNature, Recurrence, cost_total
from roer.portfolio.models.delivery import (
    DevelopmentParty,
    Milestone,
    ParliamentaryDocument,
    QualityReview,
    ReviewKind,
    SocietalBenefit,
)
from roer.portfolio.models.initiative import (
    RUNNING_PHASES,
    ActivityType,
    Approach,
    Initiative,
    InitiativeQuerySet,
    Phase,
    code_validator,
)
from roer.portfolio.models.lifecycle import PASSING, Gate, GateOutcome, GateReview, Lever, LeverScore
from roer.portfolio.models.policy import PortfolioPolicy
from roer.portfolio.models.publication import PublicationState, PublicationVersion
from roer.portfolio.models.reporting import CioOpinion, EarlyWarning, OpinionKind, Rag, StatusReport

__all__ = [
    "PASSING",
    "RUNNING_PHASES",
    "ActivityType",
    "Approach",
    "Baseline",
    "BaselineCost",
    "BaselineKind",
    "CioOpinion",
    "CostCategory",
    "CostKind",
    "CostLine",
    "CostNature",
    "DevelopmentParty",
    "EarlyWarning",
    "Gate",
    "GateOutcome",
    "GateReview",
    "Initiative",
    "InitiativeQuerySet",
    "Lever",
    "LeverScore",
    "Milestone",
    "OpinionKind",
    "ParliamentaryDocument",
    "Phase",
    "PortfolioPolicy",
    "PublicationState",
    "PublicationVersion",
    "QualityReview",
    "Rag",
    "Recurrence",
    "ReviewKind",
    "SocietalBenefit",
    "StatusReport",
    "code_validator",
    "cost_total",
]
