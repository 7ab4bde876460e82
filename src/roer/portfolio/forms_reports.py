"""Forms of status reports, ratings, CIO opinions, the portfolio policy and the warnings filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit
from roer.portfolio.forms_health import TEXTBOX, date_input, select, textarea
from roer.portfolio.models import CioOpinion, PortfolioPolicy, Rag, StatusReport
from roer.portfolio.models.policy import _all_rules

RULE_LABELS = {
    "cio_opinion": _("ICT component of the threshold or more without a CIO opinion"),
    "variance": _("Variance against the initial baseline"),
    "status_report": _("No status report for longer than one period"),
    "team_size": _("Team too large"),
    "increment": _("Increments too long"),
    "approval_gate": _("Execution without a passed approval gate"),
}


class StatusReportForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = StatusReport
        fields = ["period_end", "cost", "schedule", "scope", "risk", "overall", "narrative", "variance_narrative"]
        widgets = {
            "period_end": date_input(),
            "cost": select(),
            "schedule": select(),
            "scope": select(),
            "risk": select(),
            "overall": select(),
            "narrative": textarea(5),
            "variance_narrative": textarea(3),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"period_end": timezone.localdate()})
        super().__init__(*args, **kwargs)


class IndependentRatingForm(forms.Form):
    independent_overall = forms.ChoiceField(label=_("Independent rating"), choices=Rag.choices, widget=select())
    independent_comment = forms.CharField(label=_("Independent comment"), required=False, widget=textarea())
    fingerprint = forms.CharField(widget=forms.HiddenInput)


CIO_SCALE = [(str(n), label) for n, label in ((1, _("1 – high risk")), (2, "2"), (3, "3"), (4, "4"))] + [
    ("5", _("5 – low risk"))
]


class CioRatingForm(forms.Form):
    cio_rating = forms.TypedChoiceField(label=_("CIO risk rating"), choices=CIO_SCALE, coerce=int, widget=select())
    cio_comment = forms.CharField(label=_("CIO comment"), required=False, widget=textarea())
    fingerprint = forms.CharField(widget=forms.HiddenInput)


class CioOpinionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CioOpinion
        fields = ["given_on", "opinion", "text"]
        widgets = {"given_on": date_input(), "opinion": select(), "text": textarea(5)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"given_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class PolicyForm(forms.ModelForm):  # type: ignore[type-arg]
    enabled_rules = forms.MultipleChoiceField(
        label=_("Rules in use"),
        required=False,
        choices=[(rule, RULE_LABELS[rule]) for rule in _all_rules()],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = PortfolioPolicy
        fields = [
            "lever_threshold",
            "cio_opinion_from",
            "narrative_from",
            "amber_from",
            "red_from",
            "max_team_size",
            "max_increment_months",
            "report_period_days",
            "enabled_rules",
        ]
        widgets = {
            name: forms.TextInput(attrs={**TEXTBOX, "inputmode": "decimal"})
            for name in (
                "lever_threshold",
                "cio_opinion_from",
                "narrative_from",
                "amber_from",
                "red_from",
                "max_team_size",
                "max_increment_months",
                "report_period_days",
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("cio_opinion_from", "narrative_from", "amber_from", "red_from"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amber_from") is not None and data.get("red_from") is not None:
            if data["red_from"] < data["amber_from"]:
                self.add_error("red_from", _("Red must start at or above amber."))
        return data


class WarningFilterForm(forms.Form):
    rule = forms.ChoiceField(label=_("Rule"), required=False, widget=select())
    severity = forms.ChoiceField(label=_("Severity"), required=False, widget=select())
    unit = forms.ModelChoiceField(label=_("Org unit"), required=False, queryset=OrgUnit.objects.none(), widget=select())

    def __init__(
        self, *args: Any, rules: list[tuple[str, str]], severities: list[tuple[str, str]], units: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", _("All rules")), *rules]  # type: ignore[attr-defined]
        self.fields["severity"].choices = [("", _("All severities")), *severities]  # type: ignore[attr-defined]
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = units
        unit.empty_label = _("All org units")
