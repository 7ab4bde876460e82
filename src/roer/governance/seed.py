"""The decision types and RACI matrix every installation starts with; the functional
administrator adapts them on the decision-rights page.

Kept as data here (English names; pages show the translated label while the name is
unchanged) and written by a data migration.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

# code: (English name, translated label, advice days, vote days, escalation days, {letter: roles})
DEFAULT_TYPES: dict[str, tuple[str, Any, int, int, int, dict[str, tuple[str, ...]]]] = {
    "gate": (
        "Initiative gate",
        _("Initiative gate"),
        10,
        7,
        5,
        {
            "R": ("portfolio_manager", "project_manager", "sponsor"),
            "A": ("cio", "mandate_holder"),
            "C": ("technology_officer", "data_officer"),
            "I": ("controller", "board_member", "chain_owner"),
        },
    ),
    "framework": (
        "Binding framework",
        _("Binding framework"),
        15,
        10,
        5,
        {
            "R": ("technology_officer", "portfolio_manager"),
            "A": ("cio", "mandate_holder"),
            "C": ("privacy_officer", "data_officer"),
            "I": ("project_manager", "board_member", "chain_owner"),
        },
    ),
    "policy": (
        "Policy question",
        _("Policy question"),
        15,
        10,
        5,
        {
            "R": ("portfolio_manager", "technology_officer"),
            "A": ("cio", "mandate_holder"),
            "C": ("privacy_officer", "data_officer"),
            "I": ("board_member", "controller"),
        },
    ),
    "budget": (
        "Budget change",
        _("Budget change"),
        10,
        7,
        5,
        {
            "R": ("portfolio_manager", "sponsor"),
            "A": ("cio", "mandate_holder"),
            "C": ("controller",),
            "I": ("board_member",),
        },
    ),
    "rebaseline": (
        "Re-baseline",
        _("Re-baseline"),
        10,
        7,
        5,
        {
            "R": ("portfolio_manager", "project_manager"),
            "A": ("cio", "mandate_holder"),
            "C": ("controller",),
            "I": ("board_member", "sponsor"),
        },
    ),
    "exemption": (
        "Exemption from a framework",
        _("Exemption from a framework"),
        10,
        7,
        5,
        {
            "R": ("project_manager", "portfolio_manager", "sponsor"),
            "A": ("cio", "mandate_holder"),
            "C": ("technology_officer",),
            "I": ("board_member",),
        },
    ),
    "plan": (
        "Portfolio plan",
        _("Portfolio plan"),
        5,
        7,
        5,
        {
            "R": ("portfolio_manager",),
            "A": ("cio", "mandate_holder"),
            "C": ("controller",),
            "I": ("board_member", "project_manager"),
        },
    ),
}


def label(code: str, name: str) -> str:
    """The translated name of a built-in type whose name was left as it came; else the stored name."""
    default = DEFAULT_TYPES.get(code)
    if default is not None and default[0] == name:
        return str(default[1])
    return name


def seed_decision_types(apps: Any, schema_editor: Any) -> None:
    decision_type = apps.get_model("governance", "DecisionType")
    decision_right = apps.get_model("governance", "DecisionRight")
    for code, (name, _label, advice, vote, escalation, letters) in DEFAULT_TYPES.items():
        kind, created = decision_type.objects.get_or_create(
            code=code,
            defaults={"name": name, "advice_days": advice, "vote_days": vote, "escalation_days": escalation},
        )
        if not created:
            continue
        for letter, roles in letters.items():
            for role in roles:
                decision_right.objects.create(decision_type=kind, role=role, responsibility=letter)
