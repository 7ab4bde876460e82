"""Early-warning rules with thresholds an organisation can change.

Each rule looks at a plain snapshot of an initiative and returns the warnings that
apply; the service layer builds the snapshot from the database and stores the result
on every change. Messages are keys with parameters, so pages can translate them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class Thresholds:
    cio_opinion_from: Decimal = Decimal("5000000")  # an ICT component of €5M or more needs a CIO opinion
    narrative_from: Decimal = Decimal("0.05")  # variance that needs an explanation
    amber_from: Decimal = Decimal("0.10")
    red_from: Decimal = Decimal("0.30")
    max_team_size: int = 8
    max_increment_months: int = 3
    report_period_days: int = 92  # one quarter
    enabled: frozenset[str] = frozenset(
        {"cio_opinion", "variance", "status_report", "team_size", "increment", "approval_gate"}
    )


@dataclass(frozen=True)
class Snapshot:
    """What the rules need to know about one initiative."""

    running: bool  # approved, execution or live: on hold is never running
    in_execution: bool
    ict_cost: Decimal
    has_cio_opinion: bool
    cost_variance: Decimal | None  # against the initial baseline; None without a baseline
    schedule_variance: Decimal | None
    has_variance_narrative: bool
    last_status_report: datetime.date | None
    started: datetime.date | None
    has_approval_gate: bool
    team_size: int | None
    increment_months: int | None


@dataclass(frozen=True)
class Warning:
    rule: str
    severity: Severity
    params: dict[str, object] = field(default_factory=dict)


Rule = Callable[[Snapshot, Thresholds, datetime.date], list[Warning]]


def _cio_opinion(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    if s.ict_cost >= t.cio_opinion_from and not s.has_cio_opinion:
        return [Warning("cio_opinion", Severity.RED, {"cost": s.ict_cost, "threshold": t.cio_opinion_from})]
    return []


def _variance(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    """Above the narrative threshold an explanation is required; above amber and red the variance itself warns."""
    found = []
    for aspect, value in (("cost", s.cost_variance), ("schedule", s.schedule_variance)):
        if value is None:
            continue
        size = abs(value)
        colour = Severity.RED if size > t.red_from else Severity.AMBER if size > t.amber_from else None
        if colour is not None:
            found.append(Warning(f"{aspect}_variance", colour, {"variance": value}))
        if size > t.narrative_from and not s.has_variance_narrative:
            found.append(Warning(f"{aspect}_unexplained", colour or Severity.AMBER, {"variance": value}))
    return found


def _status_report(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    if not s.running:
        return []
    since = s.last_status_report or s.started
    if since is None or (today - since).days > t.report_period_days:
        return [Warning("status_report", Severity.AMBER, {"last": s.last_status_report, "days": t.report_period_days})]
    return []


def _team_size(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    if s.team_size is not None and s.team_size > t.max_team_size:
        return [Warning("team_size", Severity.AMBER, {"size": s.team_size, "max": t.max_team_size})]
    return []


def _increment(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    if s.increment_months is not None and s.increment_months > t.max_increment_months:
        return [Warning("increment", Severity.AMBER, {"months": s.increment_months, "max": t.max_increment_months})]
    return []


def _approval_gate(s: Snapshot, t: Thresholds, today: datetime.date) -> list[Warning]:
    if s.in_execution and not s.has_approval_gate:
        return [Warning("approval_gate", Severity.RED, {})]
    return []


RULES: dict[str, Rule] = {
    "cio_opinion": _cio_opinion,
    "variance": _variance,
    "status_report": _status_report,
    "team_size": _team_size,
    "increment": _increment,
    "approval_gate": _approval_gate,
}

_ORDER = {Severity.INFO: 0, Severity.AMBER: 1, Severity.RED: 2}


def _rank(severity: Severity) -> int:
    return _ORDER[severity]


def evaluate(snapshot: Snapshot, thresholds: Thresholds, today: datetime.date) -> list[Warning]:
    """Every warning that applies, most severe first."""
    found = [w for name, rule in RULES.items() if name in thresholds.enabled for w in rule(snapshot, thresholds, today)]
    return sorted(found, key=lambda w: (-_rank(w.severity), w.rule))
