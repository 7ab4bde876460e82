"""Demo cost lines: a budget spread over years and categories, with actuals and forecasts.

Plain Python, no database. Plans are rounded to thousands of euros and add up to the
budget exactly; actuals (for years before the build year) and forecasts (for running
work) deviate from the plan by a seeded factor per initiative, so some run over and
some under, the same on every machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from roer.demo.data.specs import BudgetSpec
from roer.portfolio.models import CostCategory, CostKind, CostNature, Phase, Recurrence

C = CostCategory
#: Share of the budget per Rijks ICT-dashboard category.
PROFILES: dict[str, tuple[tuple[CostCategory, float], ...]] = {
    "bouw": ((C.EXTERNAL_STAFF, 0.35), (C.OUTSOURCED_WORK, 0.30), (C.INTERNAL_STAFF, 0.20), (C.SOFTWARE, 0.15)),
    "pakket": ((C.SOFTWARE, 0.40), (C.EXTERNAL_STAFF, 0.30), (C.INTERNAL_STAFF, 0.20), (C.OTHER, 0.10)),
    "infra": ((C.HARDWARE, 0.35), (C.OUTSOURCED_WORK, 0.25), (C.DATA_CONNECTIONS, 0.20), (C.INTERNAL_STAFF, 0.20)),
    "beleid": ((C.INTERNAL_STAFF, 0.45), (C.EXTERNAL_STAFF, 0.30), (C.INSOURCED_WORK, 0.15), (C.OTHER, 0.10)),
}
#: Investment or operating cost, one-off or recurring, per category.
NATURE: dict[CostCategory, tuple[CostNature, Recurrence]] = {
    C.HARDWARE: (CostNature.CAPEX, Recurrence.ONE_OFF),
    C.OUTSOURCED_WORK: (CostNature.CAPEX, Recurrence.ONE_OFF),
    C.SOFTWARE: (CostNature.OPEX, Recurrence.RECURRING),
    C.DATA_CONNECTIONS: (CostNature.OPEX, Recurrence.RECURRING),
}
#: Spending over the years of an initiative: a start-up year, full years, then a tail.
YEAR_SHAPE = (0.7, 1.0, 1.0, 0.8, 0.6)
FORECAST_PHASES = {Phase.APPROVED, Phase.EXECUTION, Phase.LIVE, Phase.ON_HOLD}
THOUSAND = Decimal(1000)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class CostLineSpec:
    year: int
    category: CostCategory
    kind: CostKind
    nature: CostNature
    recurrence: Recurrence
    amount: Decimal


def plan(budget: BudgetSpec) -> dict[tuple[int, CostCategory], Decimal]:
    """The planned amount per (year, category), in whole thousands, adding up to the budget."""
    years = range(budget.first_year, budget.last_year + 1)
    shape = YEAR_SHAPE[: len(years)] if len(years) > 1 else (1.0,)
    total_weight = sum(shape)
    amounts: dict[tuple[int, CostCategory], Decimal] = {}
    for year, year_weight in zip(years, shape, strict=True):
        for category, share in PROFILES[budget.profile]:
            exact = budget.total * Decimal(str(year_weight / total_weight * share))
            amounts[(year, category)] = (exact / THOUSAND).quantize(Decimal(1)) * THOUSAND
    largest = max(amounts, key=lambda key: amounts[key])
    amounts[largest] += budget.total - sum(amounts.values())
    return amounts


def cost_lines(seed: str, budget: BudgetSpec, phase: str, this_year: int) -> list[CostLineSpec]:
    """Plan lines for every year, actuals for the years before ``this_year``, forecasts for running work."""
    rng = random.Random(f"costs:{seed}")  # noqa: S311  (demo data, not security)
    tendency = rng.uniform(0.9, 1.2)  # this initiative's habit of over- or underspending
    forecast_ahead = budget.total > 5_000_000 or rng.random() < 0.4
    lines: list[CostLineSpec] = []
    for (year, category), planned in sorted(plan(budget).items()):
        nature, recurrence = NATURE.get(category, (CostNature.OPEX, Recurrence.ONE_OFF))
        amounts = {CostKind.PLAN: planned}
        factor = Decimal(str(tendency * rng.uniform(0.92, 1.08)))
        if year < this_year:
            amounts[CostKind.ACTUAL] = (planned * factor).quantize(CENT)
        elif phase in FORECAST_PHASES and (year == this_year or forecast_ahead):
            amounts[CostKind.FORECAST] = (planned * factor / THOUSAND).quantize(Decimal(1)) * THOUSAND
        lines += [CostLineSpec(year, category, kind, nature, recurrence, amount) for kind, amount in amounts.items()]
    return lines
