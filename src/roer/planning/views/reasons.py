"""The optimiser's explanations in the reader's language, with calendar quarters.

The plan JSON carries each reason and binding limit as structured fields (kind, year, team,
quarter, start, shortBy…) beside an English text; the pages build their own text from the
fields, so a Dutch reader reads Dutch and sees "2027 Q3" rather than "quarter 2".
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roer.planning.models.scenarios import Scenario


def euros(amount: Any) -> str:
    return "€" + number_format(Decimal(str(amount)), 2, use_l10n=True, force_grouping=True).removesuffix(
        ",00"
    ).removesuffix(".00")


def amount(value: Any) -> str:
    return number_format(Decimal(str(value)).normalize(), use_l10n=True, force_grouping=True)


def reason_text(scenario: Scenario, reason: dict[str, Any], names: Mapping[str, str] | None = None) -> str:
    """``names``: initiative code → name, so that a linked initiative reads as "CODE Name"."""
    kind = reason.get("kind")
    q = scenario.quarter_label

    def named(code: str) -> str:
        name = (names or {}).get(code, "")
        return f"{code} {name}" if name else code

    if kind == "budget":
        return _("starting in %(start)s, the budget of year %(year)s (%(years)s) is %(short)s short") % {
            "start": q(reason["start"]),
            "year": reason["year"] + 1,
            "years": scenario.year_label(reason["year"]),
            "short": euros(reason["shortBy"]),
        }
    if kind == "team":
        return _("starting in %(start)s, team %(team)s is %(short)s FTE short in %(quarter)s") % {
            "start": q(reason["start"]),
            "team": reason["team"],
            "short": amount(reason["shortBy"]),
            "quarter": q(reason["quarter"]),
        }
    if kind == "dependency":
        return _("depends on %(before)s, which is not funded or does not finish early enough") % {
            "before": named(reason["before"])
        }
    if kind == "exclusive":
        return _("the exclusive alternative %(alternative)s is funded") % {"alternative": named(reason["alternative"])}
    if kind == "together":
        others = reason.get("with", [])
        return ngettext(
            "funded only together with %(others)s, which is not funded",
            "funded only together with %(others)s, which are not funded",
            len(others),
        ) % {"others": ", ".join(named(code) for code in others)}
    if kind == "window":
        return _("cannot start and finish within its window")
    if kind == "value":
        return _("adds no value")
    if kind == "choice":
        return _("fits, but was not chosen")
    return str(reason.get("text", ""))


def binding_text(scenario: Scenario, limit: dict[str, Any]) -> str:
    if limit.get("kind") == "budget":
        return _("budget of year %(year)s (%(years)s)") % {
            "year": limit["year"] + 1,
            "years": scenario.year_label(limit["year"]),
        }
    if limit.get("kind") == "team":
        return _("team %(team)s in %(quarter)s") % {
            "team": limit["team"],
            "quarter": scenario.quarter_label(limit["quarter"]),
        }
    return str(limit.get("text", ""))
