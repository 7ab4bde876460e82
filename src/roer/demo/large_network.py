"""The large demo's goal–effort network: goals, KPIs and measurements (``large_goals``),
contributions for about nine in ten generated initiatives, and cost lines for every
generated initiative past intake. Bulk-loaded, with one summary audit event per kind.

Like the initiatives, every row follows from a number: a run adds contributions to
generated initiatives that have none, and cost lines to those that have none, so an
interrupted or older large demo is completed by running the command again.
"""

from __future__ import annotations

import datetime
import math
import random
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone
from tqdm import tqdm

from roer.demo.bulk import batches, record_bulk_load
from roer.demo.costs import PROFILES, cost_lines
from roer.demo.data.specs import BudgetSpec
from roer.demo.data.units import MINISTRY
from roer.demo.large import LARGE_COUNT, PREFIX
from roer.demo.large_goals import TAG, add_goals, add_kpis
from roer.organisation.models import OrgUnit, Person
from roer.organisation.roles import Role
from roer.portfolio.models import CostLine, Initiative, Phase
from roer.strategy.models import KPI, Confidence, Contribution, Goal, GoalKpi, GoalLevel, Measurement

PAST_INTAKE = (Phase.APPROVED, Phase.EXECUTION, Phase.LIVE, Phase.CLOSED, Phase.ON_HOLD, Phase.STOPPED)
RATIONALES = (
    "Vermindert handwerk in het proces waar dit doel over gaat.",
    "Levert de gegevens waarmee de voortgang op dit doel zichtbaar wordt.",
    "Vervangt een systeem dat dit doel nu in de weg zit.",
    "Maakt de dienst eenvoudiger voor de gebruikers die dit doel op het oog heeft.",
)


def add_large_network(
    count: int = LARGE_COUNT, progress: bool = True, today: datetime.date | None = None
) -> Counter[str]:
    """Add the goals, KPIs, measurements, contributions and cost lines of the large demo; return what was added."""
    today = today or timezone.localdate()
    ministry = OrgUnit.objects.get(code=MINISTRY)
    units = list(ministry.subtree().exclude(pk=ministry.pk).order_by("path"))
    owners = list(Person.objects.filter(role_assignments__role__in=[Role.CIO, Role.SPONSOR]).distinct().order_by("pk"))
    added: Counter[str] = Counter()
    with transaction.atomic():
        objectives, added["goals"] = add_goals(ministry, units, owners, count)
        kpis, links, measurements = add_kpis(objectives, today)
        added["KPIs"] = len(kpis)
        added["goal links"] = _load(GoalKpi, links, "goal links", progress)
        added["measurements"] = _load(Measurement, measurements, "measurements", progress)
        added["contributions"] = _load(Contribution, _contributions(), "contributions", progress)
        added["cost lines"] = _load(CostLine, _cost_lines(today.year), "cost lines", progress)
        kinds: tuple[tuple[type[models.Model], str, str], ...] = (
            (Goal, "goals", f"titles with{TAG}…)"),
            (KPI, "KPIs", f"names with{TAG}…)"),
            (GoalKpi, "goal links", f"KPIs with{TAG}…)"),
            (Measurement, "measurements", f"KPIs with{TAG}…)"),
            (Contribution, "contributions", f"initiatives {PREFIX}…"),
            (CostLine, "cost lines", f"initiatives {PREFIX}…"),
        )
        for model, kind, object_id in kinds:
            if added[kind]:
                record_bulk_load(model, added[kind], ministry.path, object_id)
    return +added


def _load(model: type[models.Model], rows: Sequence[models.Model], label: str, progress: bool) -> int:
    with tqdm(total=len(rows), unit=f" {label}", disable=not progress or not rows) as bar:
        for batch in batches(rows):
            model._default_manager.bulk_create(batch)
            bar.update(len(batch))
    return len(rows)


def _generated(query: models.QuerySet[Initiative]) -> list[tuple[int, str, str, str, bool]]:
    return list(
        query.filter(code__startswith=PREFIX)
        .order_by("code")
        .values_list("pk", "code", "org_unit__path", "phase", "mandatory")
    )


def _contributions() -> list[Contribution]:
    """Contributions for the generated initiatives that have none, to objectives of their unit or above."""
    objectives = list(
        Goal.objects.filter(title__contains=TAG, level=GoalLevel.OBJECTIVE)
        .order_by("pk")
        .values_list("pk", "org_unit__path")
    )
    by_path: dict[str, list[int]] = {}
    for pk, path in objectives:
        by_path.setdefault(path, []).append(pk)
    kpis_of: dict[int, list[tuple[int, Decimal]]] = {}
    for goal_id, kpi_id, baseline, target in GoalKpi.objects.filter(kpi__name__contains=TAG).values_list(
        "goal_id", "kpi_id", "kpi__baseline_value", "kpi__target_value"
    ):
        kpis_of.setdefault(goal_id, []).append((kpi_id, target - baseline))
    rows: list[Contribution] = []
    for pk, code, path, phase, mandatory in _generated(Initiative.objects.filter(contributions__isnull=True)):
        rng = random.Random(f"contributions:{code}")  # noqa: S311  (demo data, not security)
        # Ideas and stopped work often have no goal yet; mandatory work often serves none.
        if (phase in (Phase.IDEA, Phase.STOPPED) and rng.random() < 0.5) or (mandatory and rng.random() < 0.6):
            continue
        ancestors = ["/".join(path.split("/")[:i]) + "/" for i in range(2, path.count("/") + 1)]
        candidates = [goal for prefix in ancestors for goal in by_path.get(prefix, [])] or [
            goal for goal, _ in objectives
        ]
        chosen = rng.sample(candidates, min(len(candidates), rng.choices((1, 2, 3), weights=(6, 3, 1))[0]))
        for goal_id in chosen:
            options = kpis_of.get(goal_id, [])
            rows.append(
                _contribution(rng, pk, goal_id, rng.choice(options) if options and rng.random() < 0.5 else None)
            )
    return rows


def _contribution(rng: random.Random, initiative: int, goal: int, kpi: tuple[int, Decimal] | None) -> Contribution:
    """A contribution; with a KPI, it expects 5–40 % of the KPI's distance from baseline to target."""
    contribution = Contribution(
        initiative_id=initiative,
        goal_id=goal,
        confidence=rng.choice(list(Confidence)),
        weight=Decimal(rng.choice((1, 1, 1, 2, 3))),
        rationale=rng.choice(RATIONALES),
    )
    if kpi is not None:
        contribution.kpi_id = kpi[0]
        contribution.expected_change = (kpi[1] * Decimal(str(rng.uniform(0.05, 0.4)))).quantize(Decimal("0.1"))
        contribution.expected_by = datetime.date(rng.randint(2025, 2028), 12, 31)
        contribution.effect_from = datetime.date(rng.randint(2024, 2025), 1, 1)
    return contribution


def budget_for(code: str, phase: str, this_year: int) -> BudgetSpec:
    """A generated initiative's budget: lognormal around €1.1 million, between €0.2 and €25 million."""
    rng = random.Random(f"budget:{code}")  # noqa: S311
    total = min(25_000_000, max(200_000, rng.lognormvariate(math.log(1_100_000), 0.9)))
    now = min(max(this_year, 2025), 2028)
    if phase in (Phase.CLOSED, Phase.STOPPED):
        last = rng.randint(2024, now - 1)
        first = max(2024, last - rng.randint(0, 2))
    elif phase == Phase.APPROVED:
        first = rng.randint(now, min(2028, now + 1))
        last = min(2028, first + rng.randint(0, 3))
    else:
        first = rng.randint(2024, now)
        last = min(2028, max(now, first + rng.randint(1, 3)))
    return BudgetSpec(Decimal(round(total, -4)), first, last, rng.choice(sorted(PROFILES)))


def _cost_lines(this_year: int) -> list[CostLine]:
    """Cost lines for the generated initiatives past intake that have none."""
    query = Initiative.objects.filter(cost_lines__isnull=True, phase__in=PAST_INTAKE)
    return [
        CostLine(initiative_id=pk, year=line.year, category=line.category, kind=line.kind, nature=line.nature,
                 recurrence=line.recurrence, amount=line.amount)
        for pk, code, _, phase, _ in _generated(query)
        for line in cost_lines(code, budget_for(code, phase, this_year), phase, this_year)
    ]  # fmt: skip
