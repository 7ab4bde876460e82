"""Sections of the initiative file and the org-unit page: costs and delivery lists.

Inclusion tags, so that the pages that show them (owned elsewhere) need one line each.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils import formats, timezone

from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative
from roer.portfolio.services import cost_rollup, costs, delivery

register = template.Library()


@register.filter
def euro(value: Any) -> str:
    """``€ 1,234,567`` or ``€ 1.234.567`` by the page's language; cents only when there are any."""
    amount = Decimal(value or 0)
    places = 0 if amount == amount.to_integral_value() else 2
    return "€\u00a0" + formats.number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.inclusion_tag("portfolio/costs/_summary.html", takes_context=True)
def initiative_costs(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    user = context["request"].user
    return {
        "initiative": initiative,
        "totals": costs.totals(initiative.cost_lines.all()),
        "can_see_details": costs.can_see_details(user, initiative),
    }


@register.inclusion_tag("portfolio/delivery/_lists.html", takes_context=True)
def initiative_delivery(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    user = context["request"].user
    today = timezone.localdate()
    milestones = list(initiative.milestones.all())
    for milestone in milestones:
        milestone.late = delivery.is_late(milestone, today)  # type: ignore[attr-defined]
    return {
        "initiative": initiative,
        "can_change": user.has_perm("portfolio.change_initiative", initiative),
        "milestones": milestones,
        "figures": delivery.milestone_figures(initiative, today),
        "reviews": initiative.quality_reviews.all(),
        "benefits": initiative.societal_benefits.all(),
        "parties": initiative.development_parties.all(),
        "documents": initiative.documents.all(),
    }


@register.inclusion_tag("portfolio/costs/_unit_rollup.html", takes_context=True)
def unit_costs(context: dict[str, Any], unit: OrgUnit) -> dict[str, Any]:
    return {"unit": unit, "totals": cost_rollup.unit_totals(context["request"].user, unit), "heading_level": 2}
