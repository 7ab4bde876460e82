from roer.portfolio.models.costs import CostCategory, CostKind, CostLine, CostNature, Recurrence
from roer.portfolio.models.initiative import (
    RUNNING_PHASES,
    Initiative,
    InitiativeQuerySet,
    Phase,
    code_validator,
)

__all__ = [
    "RUNNING_PHASES",
    "CostCategory",
    "CostKind",
    "CostLine",
    "CostNature",
    "Initiative",
    "InitiativeQuerySet",
    "Phase",
    "Recurrence",
    "code_validator",
]
