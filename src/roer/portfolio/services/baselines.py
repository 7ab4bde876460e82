"""Baselines: the initial plan is recorded once and kept; every later change is a re-baseline.

Baselines are immutable: there is no service to change or delete one, and the model
refuses a second save (see ``signals.py``). A correction is a new re-baseline with its
reason. Every figure compares with the *initial* baseline and shows the latest beside it.

The current cost estimate is the total of the cost lines of kind *forecast*; without
forecast lines, the total of kind *plan*; without either, the latest baseline's total.
The current end date is the latest baseline's end date.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roer.governance.services.citations import check as check_citation
from roer.organisation.roles import Capability
from roer.portfolio.health import variance as health
from roer.portfolio.models import Baseline, BaselineCost, BaselineKind, CostCategory, CostKind, Initiative
from roer.portfolio.services.checks import require

BASELINE_FIELDS = (
    "recorded_on",
    "start_date",
    "end_date",
    "reason",
    "cost_change_explanation",
    "end_date_change_explanation",
    "decision_reference",
)

COST_SOURCES = {
    "forecast": gettext_lazy("forecast cost lines"),
    "plan": gettext_lazy("planned cost lines"),
    "baseline": gettext_lazy("the latest baseline"),
}


def total(baseline: Baseline) -> Decimal:
    """The baseline's cost over all categories (uses prefetched costs when there are any)."""
    return sum((cost.amount for cost in baseline.costs.all()), Decimal(0))


def _required(values: dict[str, Any], names: list[str]) -> dict[str, str]:
    return {name: _("Required for a re-baseline.") for name in names if not str(values.get(name) or "").strip()}


def _check_rebaseline(latest: Baseline, values: dict[str, Any], costs: dict[str, Decimal]) -> None:
    errors = _required(values, ["reason"] if values.get("decision") else ["reason", "decision_reference"])
    if sum(costs.values(), Decimal(0)) != total(latest) and not values.get("cost_change_explanation", "").strip():
        errors["cost_change_explanation"] = _("The total cost changes: explain why.")
    if values.get("end_date") != latest.end_date and not values.get("end_date_change_explanation", "").strip():
        errors["end_date_change_explanation"] = _("The end date changes: explain why.")
    if values.get("recorded_on") and values["recorded_on"] < latest.recorded_on:
        errors["recorded_on"] = _("A re-baseline cannot be dated before the baseline it replaces (%(date)s).") % {
            "date": formats.date_format(latest.recorded_on, "DATE_FORMAT")
        }
    if errors:
        raise ValidationError(errors)


def record_baseline(user: Any, initiative: Initiative, values: dict[str, Any], costs: dict[str, Decimal]) -> Baseline:
    """The initial baseline when there is none yet, otherwise the next re-baseline.

    ``values["decision"]`` (optional) cites the governance decision in force that approved a
    re-baseline; its reference then fills ``decision_reference``.
    ``costs`` maps cost categories to amounts; categories left out (or zero) are not stored.
    """
    require(user, Capability.REVIEW_GATES, initiative)
    if any(amount < 0 for amount in costs.values()):
        raise ValidationError(_("Amounts cannot be negative."))
    decision = values.get("decision")
    if decision is not None:
        problem = check_citation(decision, initiative, "rebaseline")
        if problem:
            raise ValidationError({"decision": problem})
        values = {**values, "decision_reference": decision.reference}
    with transaction.atomic():
        # The lock makes numbering safe when two people record at the same moment.
        Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
        latest = initiative.baselines.prefetch_related("costs").order_by("-number").first()
        if latest is not None:
            _check_rebaseline(latest, values, costs)
        baseline = Baseline(
            initiative=initiative,
            number=0 if latest is None else latest.number + 1,
            kind=BaselineKind.INITIAL if latest is None else BaselineKind.REBASELINE,
            recorded_by=user,
            decision=decision,
            **{name: values.get(name) or "" for name in BASELINE_FIELDS if name not in ("start_date", "end_date")},
        )
        baseline.recorded_on = values.get("recorded_on") or timezone.localdate()
        baseline.start_date = values["start_date"]
        baseline.end_date = values["end_date"]
        baseline.full_clean()
        baseline.save()
        for category in CostCategory.values:
            amount = costs.get(category)
            if amount:
                BaselineCost.objects.create(baseline=baseline, category=category, amount=amount)
    return baseline


@dataclass(frozen=True)
class CategoryRow:
    label: str
    initial: Decimal
    latest: Decimal


@dataclass(frozen=True)
class Figures:
    initial: Baseline
    latest: Baseline
    baselines: list[Baseline]  # all, oldest first
    initial_cost: Decimal
    latest_cost: Decimal
    current_cost: Decimal
    cost_source: str
    variance: health.Variance
    categories: list[CategoryRow]

    @property
    def rebaselines(self) -> list[Baseline]:
        return self.baselines[1:]

    @property
    def cost_source_label(self) -> str:
        return str(COST_SOURCES[self.cost_source])

    @property
    def duration_change_years(self) -> Decimal:
        return health.years_between(self.initial.end_date, self.latest.end_date)


def current_cost(initiative: Initiative, latest: Baseline | None) -> tuple[Decimal, str]:
    """The current total cost estimate and where it comes from (see the module's description)."""
    sums = dict(
        initiative.cost_lines.filter(kind__in=[CostKind.FORECAST, CostKind.PLAN])
        .values_list("kind")
        .annotate(total=Sum("amount"))
        .values_list("kind", "total")
    )
    for kind in (CostKind.FORECAST, CostKind.PLAN):
        if sums.get(kind) is not None:
            return Decimal(sums[kind]), str(kind)
    return (total(latest) if latest else Decimal(0)), "baseline"


def figures(initiative: Initiative) -> Figures | None:
    """Initial against latest baseline and the variance of the current estimate; None without a baseline."""
    baselines = list(initiative.baselines.prefetch_related("costs").select_related("recorded_by").order_by("number"))
    if not baselines:
        return None
    initial, latest = baselines[0], baselines[-1]
    cost, source = current_cost(initiative, latest)
    initial_cost = total(initial)
    result = health.variance(health.Baseline(initial.start_date, initial.end_date, initial_cost), cost, latest.end_date)
    first = {c.category: c.amount for c in initial.costs.all()}
    last = {c.category: c.amount for c in latest.costs.all()}
    rows = [
        CategoryRow(str(label), first.get(value, Decimal(0)), last.get(value, Decimal(0)))
        for value, label in CostCategory.choices
        if value in first or value in last
    ]
    return Figures(initial, latest, baselines, initial_cost, total(latest), cost, source, result, rows)
