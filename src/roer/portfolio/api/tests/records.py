"""One record of every kind below an initiative, for the read-only API tests."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from roer.organisation.models import Person
from roer.portfolio.models import (
    Baseline,
    BaselineCost,
    BaselineKind,
    CioOpinion,
    CostCategory,
    CostKind,
    CostLine,
    DevelopmentParty,
    EarlyWarning,
    Gate,
    GateOutcome,
    GateReview,
    Initiative,
    Lever,
    LeverScore,
    Milestone,
    OpinionKind,
    ParliamentaryDocument,
    QualityReview,
    Rag,
    ReviewKind,
    SocietalBenefit,
    StatusReport,
)

DAY = datetime.date(2025, 3, 31)


def gate_review(initiative: Initiative, reviewer: Person, gate: str = Gate.INTAKE) -> GateReview:
    review = GateReview.objects.create(
        initiative=initiative, gate=gate, outcome=GateOutcome.PASSED, held_on=DAY, reviewer=reviewer
    )
    LeverScore.objects.create(review=review, lever=Lever.CHANGE_STORY, score=3, evidence="Verhaal")
    return review


def baseline(initiative: Initiative, person: Person, number: int = 0) -> Baseline:
    kind = BaselineKind.INITIAL if number == 0 else BaselineKind.REBASELINE
    record = Baseline.objects.create(
        initiative=initiative,
        number=number,
        kind=kind,
        recorded_on=DAY,
        start_date=DAY,
        end_date=datetime.date(2026, 12, 31),
        recorded_by=person,
    )
    BaselineCost.objects.create(baseline=record, category=CostCategory.SOFTWARE, amount=Decimal("1250.50"))
    return record


def cost_line(initiative: Initiative, year: int = 2025) -> CostLine:
    return CostLine.objects.create(
        initiative=initiative, year=year, category=CostCategory.HARDWARE, kind=CostKind.PLAN, amount=Decimal("99.95")
    )


def delivery(initiative: Initiative, name: str) -> Any:
    makers: dict[str, Callable[[], Any]] = {
        "milestones": lambda: Milestone.objects.create(initiative=initiative, description="Pilot", expected_on=DAY),
        "quality-reviews": lambda: QualityReview.objects.create(
            initiative=initiative, held_on=DAY, party="BIT", kind=ReviewKind.AUDIT
        ),
        "societal-benefits": lambda: SocietalBenefit.objects.create(
            initiative=initiative, explanation="Minder papier", yearly_amount=Decimal("10.00")
        ),
        "development-parties": lambda: DevelopmentParty.objects.create(
            initiative=initiative, party="Logius", role="Bouw"
        ),
        "parliamentary-documents": lambda: ParliamentaryDocument.objects.create(
            initiative=initiative, title="Kamerbrief", letter_date=DAY
        ),
    }
    return makers[name]()


def record(name: str, initiative: Initiative, person: Person) -> Any:
    """A new record of the resource ``name`` (its path) below ``initiative``."""
    if name == "gate-reviews":
        return gate_review(initiative, person)
    if name == "baselines":
        return baseline(initiative, person, number=initiative.baselines.count())
    if name == "cost-lines":
        return cost_line(initiative, year=2025 + initiative.cost_lines.count())
    if name in REPORTS:
        return reports(initiative, person, name)
    return delivery(initiative, name)


# A valid body for POST /gate-reviews, without its initiative: postponed, so no phase moves.
GATE_REVIEW: dict[str, Any] = {
    "gate": "intake",
    "outcome": "postponed",
    "heldOn": "2025-03-31",
    "levers": [{"lever": lever, "score": 2, "evidence": "Gezien"} for lever in Lever.values],
}

# A valid body for POST /status-reports, without its initiative.
REPORT = {
    "periodEnd": "2025-06-30",
    "cost": "green",
    "schedule": "green",
    "scope": "amber",
    "risk": "green",
    "overall": "green",
    "narrative": "Op koers",
}

REPORTS = ("status-reports", "cio-opinions", "early-warnings")


def reports(initiative: Initiative, person: Person, name: str) -> Any:
    if name == "status-reports":
        end = DAY + datetime.timedelta(days=initiative.status_reports.count())
        return StatusReport.objects.create(
            initiative=initiative,
            period_end=end,
            cost=Rag.GREEN,
            schedule=Rag.AMBER,
            scope=Rag.GREEN,
            risk=Rag.RED,
            overall=Rag.AMBER,
            narrative="Op koers",
            reported_by=person,
            independent_overall=Rag.RED,
            independent_by=person,
            cio_rating=2,
            cio_rated_by=person,
        )
    if name == "cio-opinions":
        return CioOpinion.objects.create(
            initiative=initiative, given_on=DAY, opinion=OpinionKind.POSITIVE, text="Akkoord", given_by=person
        )
    rule = "team_size" if not initiative.warnings.filter(rule="team_size").exists() else "increment"
    return EarlyWarning.objects.create(
        initiative=initiative, rule=rule, severity="amber", params={"size": 20, "limit": 15}, first_seen=DAY
    )


# A valid body for POST (and PUT) of every other writable record, without its initiative.
WRITES: dict[str, dict[str, Any]] = {
    "baselines": {
        "startDate": "2025-01-01",
        "endDate": "2026-12-31",
        "costs": [{"category": "software", "amount": "1000.00"}],
    },
    "cost-lines": {
        "year": 2026,
        "category": "hardware",
        "kind": "plan",
        "nature": "opex",
        "recurrence": "one_off",
        "amount": "10.00",
    },
    "milestones": {"description": "Pilot", "expectedDate": "2025-06-30"},
    "quality-reviews": {"heldOn": "2025-03-31", "party": "BIT", "kind": "audit", "outcome": ""},
    "societal-benefits": {"explanation": "Minder papier", "yearlyAmount": "10.00"},
    "development-parties": {"party": "Logius", "role": "Bouw"},
    "parliamentary-documents": {"title": "Kamerbrief", "letterDate": "2025-03-31"},
    "cio-opinions": {"givenOn": "2025-03-31", "opinion": "positive", "text": "Akkoord"},
}
