"""Filters and small components of the goal and KPI pages."""

from __future__ import annotations

from typing import Any

from django import template

from roer.strategy.status import Status
from roer.strategy.views import words

register = template.Library()


@register.filter
def euro(value: Any) -> str:
    return words.euro(value)


@register.filter
def percent(value: Any) -> str:
    return words.percent(value)


@register.filter
def quantity(value: Any, unit: str = "") -> str:
    return words.quantity(value, unit)


@register.filter
def signed(value: Any, unit: str = "") -> str:
    return words.signed(value, unit)


@register.filter
def long_date(value: Any) -> str:
    return words.day(value)


@register.inclusion_tag("strategy/_status.html")
def kpi_status(status: Status, count: int | None = None) -> dict[str, Any]:
    """A KPI status as a word with a colour and a shape: never colour alone."""
    return {"status": status.value, "label": words.STATUS_LABELS[status], "count": count}
