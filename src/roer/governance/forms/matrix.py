"""The edit form of one decision type: its deadlines, its escalation route and a letter per role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.governance.models import DecisionType, Responsibility
from roer.organisation.roles import Role
from roer.portfolio.forms_health import TEXTBOX, select

LETTER_CHOICES = [("", _("— (none)")), *[(r.value, f"{r.value} – {r.label}") for r in Responsibility]]


def _days(label: Any, help_text: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=180,
        help_text=help_text,
        widget=forms.NumberInput(attrs={**TEXTBOX, "class": TEXTBOX["class"] + " roer-number"}),
    )


class DecisionTypeForm(forms.Form):
    advice_days = _days(_("Days for advice"), _("The advisers' deadline, counted from submission."))
    vote_days = _days(_("Days for the vote"), _("The council members' deadline to agree, object or abstain."))
    escalation_days = _days(
        _("Days for the escalated decision"),
        _("After a failed consensus, the time the mandate holder has to decide; then reminders follow."),
    )
    escalation_role = forms.ChoiceField(
        label=_("Escalates to"),
        choices=[(Role.MANDATE_HOLDER.value, Role.MANDATE_HOLDER.label), (Role.CIO.value, Role.CIO.label)],
        widget=select(),
        help_text=_(
            "Mandate holder: the body's mandate holder. CIO: the CIO of the body's own org unit, "
            "who decides in the mandate holder's place."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for role in Role:
            self.fields[f"role_{role.value}"] = forms.ChoiceField(
                label=role.label, choices=LETTER_CHOICES, required=False, widget=select()
            )

    def role_fields(self) -> list[forms.BoundField]:
        return [self[f"role_{role.value}"] for role in Role]

    def setting_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("advice_days", "vote_days", "escalation_days", "escalation_role")]

    def settings(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in ("advice_days", "vote_days", "escalation_days", "escalation_role")
        }

    def letters(self) -> dict[str, str]:
        return {role.value: self.cleaned_data.get(f"role_{role.value}") or "" for role in Role}


def initial_for(decision_type: DecisionType) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "advice_days": decision_type.advice_days,
        "vote_days": decision_type.vote_days,
        "escalation_days": decision_type.escalation_days,
        "escalation_role": decision_type.escalation_role,
        "version": decision_type.version,
    }
    for right in decision_type.rights.all():
        initial[f"role_{right.role}"] = right.responsibility
    return initial
