"""What the early warnings say: a translated sentence per rule, built from its parameters."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

STORED_RULES = {
    "cio_opinion": gettext_lazy("No CIO opinion"),
    "cost_variance": gettext_lazy("Cost variance"),
    "schedule_variance": gettext_lazy("Schedule variance"),
    "cost_unexplained": gettext_lazy("Cost variance not explained"),
    "schedule_unexplained": gettext_lazy("Schedule variance not explained"),
    "status_report": gettext_lazy("Status report overdue"),
    "team_size": gettext_lazy("Team too large"),
    "increment": gettext_lazy("Increments too long"),
    "approval_gate": gettext_lazy("No approval gate"),
    "adoption": gettext_lazy("Adoption not yet evaluated"),
}

SEVERITY_LABELS = {
    "red": gettext_lazy("Red"),
    "amber": gettext_lazy("Amber"),
    "info": gettext_lazy("Information"),
}

# The status badge's look per severity and RAG colour: a word and a shape, never colour alone.
BADGE = {"red": "off_track", "amber": "at_risk", "green": "on_track", "info": "no_data"}


def euro(value: Any) -> str:
    """Whole euros with grouping by the page's language: ``€ 1,234,567`` or ``€ 1.234.567``."""
    amount = Decimal(str(value or 0)).quantize(Decimal(1))
    return "€\u00a0" + formats.number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True)


def percent(fraction: Any, signed: bool = False) -> str:
    """``0.125`` → ``12.5%`` (``12,5%`` in Dutch); with ``signed`` a plus sign for an overrun."""
    if fraction in (None, ""):
        return "—"
    value = (Decimal(str(fraction)) * 100).quantize(Decimal("0.1"))
    places = 0 if value == value.to_integral_value() else 1
    text = formats.number_format(abs(value), decimal_pos=places, use_l10n=True) + "%"
    if signed and value:
        return ("+" if value > 0 else "−") + text
    return text


def _percent(value: Any) -> str:
    return percent(value)


def _day(value: Any) -> str:
    return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT") if value else "—"


def describe(rule: str, params: dict[str, Any]) -> str:
    p = params
    if rule == "cio_opinion":
        return _("The ICT cost of %(cost)s reaches %(threshold)s, but no CIO opinion is recorded.") % {
            "cost": euro(p.get("cost")),
            "threshold": euro(p.get("threshold")),
        }
    if rule == "cost_variance":
        return _("The cost estimate deviates %(variance)s from the initial baseline.") % {
            "variance": _percent(p.get("variance"))
        }
    if rule == "schedule_variance":
        return _("The end date lies %(variance)s of the initial duration after the initial baseline.") % {
            "variance": _percent(p.get("variance"))
        }
    if rule == "cost_unexplained":
        return _(
            "The cost deviates %(variance)s from the initial baseline; the latest status report does not explain it."
        ) % {"variance": _percent(p.get("variance"))}
    if rule == "schedule_unexplained":
        return _(
            "The delay of %(variance)s against the initial baseline is not explained in the latest status report."
        ) % {"variance": _percent(p.get("variance"))}
    if rule == "status_report":
        if p.get("last"):
            return _("No status report for more than %(days)s days (the latest covers %(last)s).") % {
                "days": p.get("days"),
                "last": _day(p.get("last")),
            }
        return _("No status report yet, and the initiative runs for more than %(days)s days.") % {"days": p.get("days")}
    if rule == "team_size":
        return _("A team of %(size)s people; the organisation's limit is %(max)s.") % {
            "size": p.get("size"),
            "max": p.get("max"),
        }
    if rule == "increment":
        return _("Increments of %(months)s months; the organisation's limit is %(max)s.") % {
            "months": p.get("months"),
            "max": p.get("max"),
        }
    if rule == "approval_gate":
        return _("In execution without a passed approval gate.")
    if rule == "adoption":
        return _("Past go-live, but no closure review has evaluated the adoption yet.")
    return rule
