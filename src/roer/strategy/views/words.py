"""What the pages say about numbers, money and a KPI's status: in words, never by colour alone."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roer.strategy.analyses import KpiView
from roer.strategy.status import Reason, Status

STATUS_LABELS = {
    Status.ON_TRACK: gettext_lazy("On track"),
    Status.AT_RISK: gettext_lazy("At risk"),
    Status.OFF_TRACK: gettext_lazy("Off track"),
    Status.NO_DATA: gettext_lazy("No data"),
}
STATUS_ORDER = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA)


def number(value: Any, places: int = 2) -> str:
    """A measured value in the reader's notation, with at most ``places`` decimals and no trailing zeros."""
    if value is None:
        return "—"
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places)).normalize()
    decimals = max(-rounded.as_tuple().exponent, 0)  # type: ignore[operator]
    return formats.number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def quantity(value: Any, unit: str) -> str:
    """``62.5 %`` or ``12 days``: a value with its unit of measure."""
    if value is None:
        return "—"
    text = number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def signed(value: Any, unit: str) -> str:
    """A change, always with its sign: ``+5 %``, ``−3 days``."""
    if value is None:
        return "—"
    text = quantity(abs(Decimal(value)), unit)
    return f"+{text}" if value >= 0 else f"−{text}"


def percent(fraction: Any) -> str:
    """``0.6667`` → ``67%``."""
    if fraction is None:
        return "—"
    return number(Decimal(fraction) * 100, 0) + "%"


def euro(value: Any) -> str:
    """Whole euros with thousands grouping: ``€ 1,234,567`` (or ``€ 1.234.567`` in Dutch)."""
    amount = Decimal(value or 0).quantize(Decimal(1))
    return "€ " + formats.number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True)


def day(value: datetime.date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else "—"


def reason(view: KpiView) -> str:
    """Why the KPI has its status, in one sentence."""
    kpi, found = view.kpi, view.assessment
    unit = kpi.unit_of_measure
    values = {
        "target": quantity(kpi.target_value, unit),
        "target_date": day(kpi.target_date),
        "latest": quantity(found.latest.value, unit) if found.latest else "—",
        "latest_date": day(found.latest.day) if found.latest else "—",
        "projected": quantity(found.projected, unit),
    }
    texts = {
        Reason.NO_MEASUREMENTS: _("Nothing has been measured yet."),
        Reason.TARGET_MET: _(
            "The latest value, %(latest)s on %(latest_date)s, already meets the target of %(target)s."
        ),
        Reason.DEADLINE_MET: _(
            "The target date %(target_date)s has passed; the latest value, %(latest)s, meets the target of %(target)s."
        ),
        Reason.DEADLINE_MISSED: _(
            "The target date %(target_date)s has passed; the latest value, %(latest)s, misses the target of %(target)s."
        ),
        Reason.TREND_MEETS: _(
            "At the current trend the value reaches %(projected)s by %(target_date)s: the target of %(target)s is "
            "within reach."
        ),
        Reason.TREND_SHORT: _(
            "At the current trend the value reaches %(projected)s by %(target_date)s: close to, but short of, the "
            "target of %(target)s."
        ),
        Reason.TREND_FAR_SHORT: _(
            "At the current trend the value reaches only %(projected)s by %(target_date)s: far short of the target "
            "of %(target)s."
        ),
    }
    return texts[found.reason] % values


def status_counts(views: list[KpiView]) -> list[tuple[Status, int]]:
    """How many KPIs have each status, in a fixed order, leaving out the statuses nobody has."""
    counts = {status: 0 for status in STATUS_ORDER}
    for view in views:
        counts[view.assessment.status] += 1
    return [(status, count) for status, count in counts.items() if count]
