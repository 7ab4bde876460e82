"""Early warnings: build the snapshot of an initiative from the database, evaluate the
organisation's rules, and store the difference (kept warnings keep their first day).

The snapshot's ICT cost and current cost estimate are the same figure: forecast cost
lines, else planned cost lines, else the latest baseline (``baselines.current_cost``).
Variance compares it with the initial baseline; the explanation of variances is the
latest status report's. An initiative past go-live without an adoption evaluation at a
closure review carries the extra warning ``adoption`` (information), so it stays in view.

``signals.py`` calls ``refresh_warnings`` after every change that can alter the outcome;
``roer refresh-warnings`` recomputes all of them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from roer.portfolio.health.early_warning import Severity, Snapshot, Warning, evaluate
from roer.portfolio.models import (
    PASSING,
    RUNNING_PHASES,
    EarlyWarning,
    Gate,
    Initiative,
    Phase,
)
from roer.portfolio.services.baselines import current_cost, figures
from roer.portfolio.services.gates import adoption_evaluated
from roer.portfolio.services.policy import policy_for, thresholds

SEVERITIES = (Severity.RED.value, Severity.AMBER.value, Severity.INFO.value)


def snapshot(initiative: Initiative) -> Snapshot:
    found = figures(initiative)
    cost = found.current_cost if found else current_cost(initiative, None)[0]
    last = initiative.status_reports.order_by("-period_end").first()
    return Snapshot(
        running=initiative.phase in RUNNING_PHASES,
        in_execution=initiative.phase in (Phase.EXECUTION, Phase.LIVE),
        ict_cost=cost,
        has_cio_opinion=initiative.cio_opinions.exists(),
        cost_variance=found.variance.cost if found else None,
        schedule_variance=found.variance.schedule if found else None,
        has_variance_narrative=bool(last and last.variance_narrative.strip()),
        last_status_report=last.period_end if last else None,
        started=initiative.start_date or (found.initial.start_date if found else None),
        has_approval_gate=initiative.gate_reviews.filter(gate=Gate.APPROVAL, outcome__in=PASSING).exists(),
        team_size=initiative.team_size,
        increment_months=initiative.increment_months,
    )


def _plain(value: Any) -> Any:
    """JSON-safe parameters: money and fractions as text (exact), dates in ISO form."""
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.0001")) if value.as_tuple().exponent < -4 else value)  # type: ignore[operator]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def found_warnings(initiative: Initiative, today: datetime.date) -> list[Warning]:
    policy = policy_for(initiative)
    found = evaluate(snapshot(initiative), thresholds(policy), today)
    if initiative.phase in (Phase.LIVE, Phase.CLOSED) and not adoption_evaluated(initiative):
        found.append(Warning("adoption", Severity.INFO, {}))
    return found


def refresh_warnings(initiative: Initiative, today: datetime.date | None = None) -> list[EarlyWarning]:
    """Store the warnings that apply now: insert new ones, delete gone ones, update changed ones."""
    today = today or timezone.localdate()
    wanted = {w.rule: w for w in found_warnings(initiative, today)}
    with transaction.atomic():
        stored = {w.rule: w for w in EarlyWarning.objects.select_for_update().filter(initiative=initiative)}
        gone = [w.pk for rule, w in stored.items() if rule not in wanted]
        if gone:
            EarlyWarning.objects.filter(pk__in=gone).delete()  # derived rows, not audited
        for rule, warning in wanted.items():
            params = {key: _plain(value) for key, value in warning.params.items()}
            row = stored.get(rule)
            if row is None:
                EarlyWarning.objects.create(
                    initiative=initiative, rule=rule, severity=warning.severity.value, params=params, first_seen=today
                )
            elif row.severity != warning.severity.value or row.params != params:
                row.severity, row.params = warning.severity.value, params
                row.save(update_fields=["severity", "params"])
    return list(EarlyWarning.objects.filter(initiative=initiative).order_by("rule"))


def refresh_ids(ids: set[int]) -> None:
    """Refresh the initiatives with these ids that still exist."""
    for initiative in Initiative.objects.filter(pk__in=ids).select_related("org_unit"):
        refresh_warnings(initiative)


def ordered(rows: list[EarlyWarning]) -> list[EarlyWarning]:
    return sorted(rows, key=lambda w: (SEVERITIES.index(w.severity) if w.severity in SEVERITIES else 9, w.rule))
