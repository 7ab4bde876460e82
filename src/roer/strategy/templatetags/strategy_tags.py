"""Filters and small components of the goal and KPI pages."""

from __future__ import annotations

from typing import Any

from django import template

from roer.portfolio.models import Initiative, Phase
from roer.strategy.analyses import realised_effects
from roer.strategy.models import Contribution
from roer.strategy.money import with_shares
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


@register.inclusion_tag("strategy/_initiative_contributions.html", takes_context=True)
def initiative_contributions(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    """The goals an initiative serves, with its money split by weight; for a closed one, its realised effects."""
    user = context["request"].user
    contributions = (
        with_shares(Contribution.objects.for_user(user).filter(initiative=initiative))
        .select_related("goal", "kpi")
        .order_by("-weight", "goal__title")
    )
    return {
        "initiative": initiative,
        "contributions": list(contributions),
        "can_change": user.has_perm("strategy.change_contribution", initiative),
        "effects": realised_effects(user, initiative) if initiative.phase == Phase.CLOSED else [],
    }
