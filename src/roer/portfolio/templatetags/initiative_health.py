"""Sections of the initiative file: gates, baselines, status reports and early warnings.

Inclusion tags, so that the initiative page (owned elsewhere) needs one include each.
"""

from __future__ import annotations

from typing import Any

from django import template

from roer.organisation.roles import Capability
from roer.portfolio.models import EarlyWarning, Initiative
from roer.portfolio.services import baselines, gates, reports, warnings
from roer.portfolio.services.checks import may, may_report
from roer.portfolio.warning_text import BADGE, SEVERITY_LABELS, STORED_RULES, describe, euro, percent

register = template.Library()


@register.filter
def health_euro(value: Any) -> str:
    return euro(value)


@register.filter
def health_percent(value: Any, signed: str = "") -> str:
    return percent(value, signed=bool(signed))


@register.filter
def warning_message(warning: EarlyWarning) -> str:
    return describe(warning.rule, warning.params)


@register.filter
def rule_label(rule: str) -> str:
    return str(STORED_RULES.get(rule, rule))


@register.filter
def severity_label(severity: str) -> str:
    return str(SEVERITY_LABELS.get(severity, severity))


@register.filter
def badge(colour: str) -> str:
    """The status-badge modifier for a RAG colour or a warning severity."""
    return BADGE.get(colour or "", "no_data")


def _figures(initiative: Initiative) -> baselines.Figures | None:
    """The baseline figures, computed once per page for the sections that share them."""
    if not hasattr(initiative, "_roer_figures"):
        initiative._roer_figures = baselines.figures(initiative)  # type: ignore[attr-defined]
    found: baselines.Figures | None = initiative._roer_figures  # type: ignore[attr-defined]
    return found


@register.inclusion_tag("portfolio/warnings/_section.html", takes_context=True)
def initiative_warnings(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    return {"initiative": initiative, "warnings": warnings.ordered(list(initiative.warnings.all()))}


@register.inclusion_tag("portfolio/gates/_section.html", takes_context=True)
def initiative_gates(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    user = context["request"].user
    return {
        "initiative": initiative,
        "reviews": gates.reviews(initiative)[:3],
        "awaiting_adoption": gates.awaiting_adoption(Initiative.objects.filter(pk=initiative.pk)).exists(),
        "can_record": may(user, Capability.REVIEW_GATES, initiative),
    }


@register.inclusion_tag("portfolio/baselines/_section.html", takes_context=True)
def initiative_baselines(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    user = context["request"].user
    return {
        "initiative": initiative,
        "figures": _figures(initiative),
        "can_record": may(user, Capability.REVIEW_GATES, initiative),
        "full": False,
    }


@register.inclusion_tag("portfolio/reports/_section.html", takes_context=True)
def initiative_reports(context: dict[str, Any], initiative: Initiative) -> dict[str, Any]:
    user = context["request"].user
    found = reports.reports(initiative)
    return {
        "initiative": initiative,
        "ratings": reports.ratings(_figures(initiative), found),
        "latest": found[0] if found else None,
        "gap": reports.rosier_by(found[0]) if found else 0,
        "can_report": may_report(user, initiative),
    }
