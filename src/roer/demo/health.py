"""The demo's gate reviews, baselines, status reports, ratings and CIO opinions.

Each initiative gets what fits its phase, recorded through the services (so the rules
and the audit trail apply), and only where it has none yet: running the demo again adds
nothing. A few gaps are left on purpose, so the early warnings have something to show:
some initiatives in execution lack an approval gate or a CIO opinion, one closed
initiative lacks its adoption evaluation, and some were re-baselined once or twice.
"""

from __future__ import annotations

import datetime
import zlib
from decimal import Decimal
from typing import Any

from django.db.models import Max, Min, Sum

from roer.demo.data.units import MINISTRY
from roer.organisation.models import Person
from roer.portfolio.models import CostKind, Gate, GateOutcome, Initiative, Lever, Phase
from roer.portfolio.services.baselines import current_cost, figures, record_baseline
from roer.portfolio.services.gates import LeverInput, record_gate_review
from roer.portfolio.services.reports import (
    rate_as_cio,
    rate_independently,
    record_cio_opinion,
    record_status_report,
)

# Gates each phase has passed, in order.
GATES_PASSED: dict[str, tuple[str, ...]] = {
    Phase.INTAKE: (Gate.INTAKE,),
    Phase.ON_HOLD: (Gate.INTAKE,),
    Phase.APPROVED: (Gate.INTAKE, Gate.APPROVAL),
    Phase.EXECUTION: (Gate.INTAKE, Gate.APPROVAL),
    Phase.LIVE: (Gate.INTAKE, Gate.APPROVAL, Gate.GO_LIVE),
    Phase.CLOSED: (Gate.INTAKE, Gate.APPROVAL, Gate.GO_LIVE, Gate.CLOSURE),
}
RUNNING = (Phase.APPROVED, Phase.EXECUTION, Phase.LIVE)
LEVERS = list(Lever)


def _seed(initiative: Initiative) -> int:
    return zlib.crc32(initiative.code.encode())


def _levers(seed: int) -> dict[str, LeverInput]:
    """Scores 1–3, the weakest lever (at most one) waived with a reason."""
    result = {}
    for index, lever in enumerate(LEVERS):
        score = 1 + (seed >> index) % 3
        waiver = "Besluit stuurgroep: wordt in de volgende fase versterkt." if score < 2 else ""
        result[lever.value] = LeverInput(score, f"Gezien in het projectplan ({lever.label}).", waiver)
    return result


def _gates(initiative: Initiative, actor: Any, start: datetime.date, seed: int) -> None:
    gates = GATES_PASSED.get(initiative.phase, ())
    if initiative.phase == Phase.EXECUTION and seed % 5 == 0:
        gates = (Gate.INTAKE,)  # started without approval: the warning shows it
    for step, gate in enumerate(gates):
        evaluated = gate == Gate.CLOSURE and seed % 2 == 0
        values = {
            "gate": gate,
            "outcome": GateOutcome.CONDITIONAL if seed % 4 == step else GateOutcome.PASSED,
            "held_on": start + datetime.timedelta(days=120 * step),
            "reviewer": actor,
            "conditions": "Benefits jaarlijks rapporteren." if seed % 4 == step else "",
            "adoption_evaluation": "Driekwart van de medewerkers gebruikt het systeem dagelijks." if evaluated else "",
        }
        if gate == Gate.CLOSURE and not evaluated:
            values["outcome"] = GateOutcome.POSTPONED  # adoption not yet evaluated: stays in view
        record_gate_review(actor, initiative, values, _levers(seed + step))


def _baselines(initiative: Initiative, actor: Any, seed: int, today: datetime.date) -> None:
    plan = initiative.cost_lines.filter(kind=CostKind.PLAN)
    years = plan.aggregate(first=Min("year"), last=Max("year"))
    if years["first"] is None:
        return
    costs = {row["category"]: row["total"] for row in plan.values("category").annotate(total=Sum("amount"))}
    start = initiative.start_date or datetime.date(years["first"], 1, 1)
    end = datetime.date(years["last"], 12, 31)
    record_baseline(actor, initiative, {"recorded_on": start, "start_date": start, "end_date": end}, costs)
    for number in range(1, 1 + seed % 3):
        on = min(start + datetime.timedelta(days=365 * number), today)
        costs = {category: (amount * Decimal("1.2")).quantize(Decimal(1)) for category, amount in costs.items()}
        end = end + datetime.timedelta(days=182)
        values = {
            "recorded_on": on,
            "start_date": start,
            "end_date": end,
            "reason": "Aanbesteding duurde langer en de scope is uitgebreid met koppelingen.",
            "cost_change_explanation": "Extra koppelingen met basisregistraties en langere inhuur.",
            "end_date_change_explanation": "Gunning een half jaar later dan gepland.",
            "decision_reference": f"Besluit portfolioraad {on.year}-{number:02d}",
        }
        record_baseline(actor, initiative, values, costs)


def _quarter_ends(today: datetime.date, count: int) -> list[datetime.date]:
    ends, year, quarter = [], today.year, (today.month - 1) // 3  # the last complete quarter
    for _ in range(count):
        if quarter == 0:
            year, quarter = year - 1, 4
        ends.append(datetime.date(year, quarter * 3, 31 if quarter in (1, 4) else 30))
        quarter -= 1
    return ends


def _reports(initiative: Initiative, people: dict[str, Person], seed: int, today: datetime.date) -> None:
    actor, office = people["marieke"], people.get("saskia")
    colours = ("green", "amber", "red")
    rebaselined = initiative.baselines.count() > 1
    found = figures(initiative)
    explain = found is not None and max(abs(found.variance.cost), found.variance.schedule) > Decimal("0.05")
    latest = None
    for index, period_end in enumerate(reversed(_quarter_ends(today, 2 if seed % 7 else 1))):
        own = colours[0 if not rebaselined else 1]
        latest = record_status_report(
            actor,
            initiative,
            {
                "period_end": period_end,
                "cost": own,
                "schedule": colours[(seed + index) % 2],
                "scope": "green",
                "risk": colours[seed % 3],
                "overall": own,
                "narrative": "De realisatie loopt; de eerste release is in gebruik bij een pilotgroep.",
                "variance_narrative": "Meerkosten door extra koppelingen en een latere gunning." if explain else "",
            },
        )
    if latest is None:
        return
    if office is not None:
        independent = colours[min(colours.index(latest.overall) + seed % 2, 2)]
        rate_independently(
            office,
            latest,
            {"independent_overall": independent, "independent_comment": "Toets op planning en risico's."},
            None,
        )
    rate_as_cio(actor, latest, {"cio_rating": 2 + seed % 4, "cio_comment": "Afhankelijk van één leverancier."}, None)


def add_health(initiative: Initiative, people: dict[str, Person], today: datetime.date) -> None:
    """Gates, baselines, status reports and a CIO opinion for ``initiative``, unless it has them already."""
    if initiative.org_unit.root().code != MINISTRY or initiative.gate_reviews.exists() or initiative.baselines.exists():
        return  # the outsider municipality keeps an empty file; existing data is never touched
    actor, seed = people["marieke"], _seed(initiative)
    if initiative.phase in (Phase.IDEA, Phase.STOPPED):
        return
    start = initiative.start_date or datetime.date(today.year - 2, 1 + seed % 12, 1)
    _gates(initiative, actor, start, seed)
    if initiative.phase in (*RUNNING, Phase.CLOSED):
        _baselines(initiative, actor, seed, today)
    if initiative.phase in RUNNING:
        _reports(initiative, people, seed, today)
    cost, _source = current_cost(initiative, initiative.baselines.order_by("-number").first())
    if cost >= Decimal("5000000") and seed % 4:
        values = {
            "given_on": start,
            "opinion": "conditional" if seed % 3 else "positive",
            "text": "Positief, mits de architectuur wordt getoetst.",
        }
        record_cio_opinion(actor, initiative, values)
