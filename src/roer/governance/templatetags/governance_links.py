"""Links to governance records that other apps' templates show (a gate review's decision, for example)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from roer.governance.services.citations import Effects, cited_by

register = template.Library()


@register.simple_tag
def decision_url(decision: Any) -> str:
    """The decision's page, or "" while the decisions pages are not installed."""
    if decision is None:
        return ""
    try:
        return reverse("governance:decision-detail", args=[decision.reference])
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def decision_effects(context: dict[str, Any], decision: Any) -> Effects:
    """What ``decision`` set or authorised, as far as the person viewing the page may see."""
    request = context.get("request")
    return cited_by(decision, getattr(request, "user", None))
