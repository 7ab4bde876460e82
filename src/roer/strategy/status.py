"""KPI status from the trend of its measurements against the target and its date.

Pure Python (no Django), so it can be tested on its own:

- no measurements → ``no_data``;
- target date passed → ``on_track`` if the latest value meets the target, else ``off_track``;
- target already met → ``on_track``;
- otherwise the least-squares trend of the measurements since the baseline is projected
  to the target date: meeting the target is ``on_track``; covering at least
  ``AT_RISK_SHARE`` of the change still needed is ``at_risk``; less is ``off_track``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

AT_RISK_SHARE = Decimal("0.75")


class Status(str, Enum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


class Reason(str, Enum):
    NO_MEASUREMENTS = "no_measurements"
    TARGET_MET = "target_met"
    DEADLINE_MET = "deadline_met"
    DEADLINE_MISSED = "deadline_missed"
    TREND_MEETS = "trend_meets"
    TREND_SHORT = "trend_short"
    TREND_FAR_SHORT = "trend_far_short"


@dataclass(frozen=True)
class Point:
    day: datetime.date
    value: Decimal


@dataclass(frozen=True)
class Assessment:
    status: Status
    reason: Reason
    latest: Point | None = None
    projected: Decimal | None = None  # the trend's value on the target date, when it was used


def assess(
    higher_is_better: bool,
    baseline: Point,
    target: Point,
    measurements: Sequence[Point],
    today: datetime.date,
) -> Assessment:
    if not measurements:
        return Assessment(Status.NO_DATA, Reason.NO_MEASUREMENTS)
    points = sorted(measurements, key=lambda p: p.day)
    latest = points[-1]
    sign = Decimal(1) if higher_is_better else Decimal(-1)

    def meets(value: Decimal) -> bool:
        return (value - target.value) * sign >= 0

    if today > target.day:
        status, reason = (
            (Status.ON_TRACK, Reason.DEADLINE_MET)
            if meets(latest.value)
            else (Status.OFF_TRACK, Reason.DEADLINE_MISSED)
        )
        return Assessment(status, reason, latest)
    if meets(latest.value):
        return Assessment(Status.ON_TRACK, Reason.TARGET_MET, latest)

    history = [p for p in points if p.day >= baseline.day] or points
    if len(history) == 1 and history[0].day != baseline.day:
        history = [baseline, history[0]]
    projected = _project(history, target.day)
    if meets(projected):
        return Assessment(Status.ON_TRACK, Reason.TREND_MEETS, latest, projected)
    needed = (target.value - baseline.value) * sign
    covered = (projected - baseline.value) * sign
    if needed > 0 and covered >= needed * AT_RISK_SHARE:
        return Assessment(Status.AT_RISK, Reason.TREND_SHORT, latest, projected)
    return Assessment(Status.OFF_TRACK, Reason.TREND_FAR_SHORT, latest, projected)


def _project(points: Sequence[Point], day: datetime.date) -> Decimal:
    """Value of the least-squares line through ``points`` on ``day`` (flat for one point)."""
    if len(points) == 1:
        return points[0].value
    xs = [Decimal(p.day.toordinal()) for p in points]
    ys = [p.value for p in points]
    n = Decimal(len(points))
    mean_x, mean_y = sum(xs, Decimal(0)) / n, sum(ys, Decimal(0)) / n
    spread = sum(((x - mean_x) ** 2 for x in xs), Decimal(0))
    if spread == 0:
        return mean_y
    slope = sum(((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)), Decimal(0)) / spread
    return mean_y + slope * (Decimal(day.toordinal()) - mean_x)
