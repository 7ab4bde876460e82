"""Forms of the framework and compliance pages: plain HTML forms that work without JavaScript."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.governance.models import ComplianceState
from roer.governance.services.frameworks import parse_requirements
from roer.organisation.models import OrgUnit
from roer.portfolio.forms_health import TEXTBOX, date_input, select, textarea


class FrameworkForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(attrs=TEXTBOX),
        help_text=_("Short and stable, in lower case with hyphens, for example cloud-policy."),
    )
    title = forms.CharField(label=_("Title"), max_length=300, widget=forms.TextInput(attrs=TEXTBOX))
    org_unit = forms.ModelChoiceField(
        label=_("Scope"),
        queryset=OrgUnit.objects.none(),
        widget=select(),
        help_text=_("The framework binds every initiative in this unit and the units below it."),
    )
    description = forms.CharField(label=_("Description"), required=False, widget=textarea(4))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["org_unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = units


class DraftForm(forms.Form):
    summary = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=textarea(3),
        help_text=_("In a few sentences, for the decision."),
    )
    effective_on = forms.DateField(label=_("Effective date"), widget=date_input())
    requirements = forms.CharField(
        label=_("Requirements"),
        widget=textarea(10),
        help_text=_("One requirement statement per line; they are numbered R1, R2 … in this order."),
    )

    def clean_requirements(self) -> list[str]:
        statements = parse_requirements(self.cleaned_data["requirements"])
        if not statements:
            raise forms.ValidationError(_("State at least one requirement."))
        return statements


class ProposeForm(forms.Form):
    scope_reason = forms.CharField(
        label=_("Reason for the scope"),
        widget=textarea(3),
        help_text=_("Why the council (or the unit's own CIO) decides: the classification decides who decides."),
    )
    involves_personal_data = forms.BooleanField(
        label=_("Involves personal data"),
        required=False,
        help_text=_("Then the privacy officer must advise."),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )


class StatementForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Statement"),
        choices=[
            (ComplianceState.COMPLIES.value, _("The initiative complies")),
            (ComplianceState.EXEMPTION_REQUESTED.value, _("The initiative asks for an exemption")),
        ],
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=textarea(4),
        error_messages={"required": _("Explain how the initiative complies, or why it asks for an exemption.")},
        help_text=_("How the initiative complies; or why it cannot comply yet, and what it does instead."),
    )
    exemption_until = forms.DateField(
        label=_("Exemption until"),
        required=False,
        widget=date_input(),
        help_text=_("Only with an exemption request: until when the exemption is needed."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # Several statement forms share a page: the browser must not mark the untouched ones as invalid.
    use_required_attribute = False

    def values(self) -> dict[str, Any]:
        until: dt.date | None = self.cleaned_data.get("exemption_until")
        return {
            "state": self.cleaned_data["state"],
            "explanation": self.cleaned_data.get("explanation") or "",
            "exemption_until": until,
        }
