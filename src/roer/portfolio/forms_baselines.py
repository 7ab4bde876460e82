"""The baseline form: dates, reason and explanations, and the cost per category."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.governance.models import Decision, SubjectKind
from roer.governance.services import citations
from roer.portfolio.forms_gates import DecisionChoiceField
from roer.portfolio.forms_health import TEXTBOX, amount_input, date_input, select, textarea
from roer.portfolio.models import CostCategory


class BaselineForm(forms.Form):
    recorded_on = forms.DateField(label=_("Date of the baseline"), widget=date_input())
    start_date = forms.DateField(label=_("Start date"), widget=date_input())
    end_date = forms.DateField(label=_("End date"), widget=date_input())
    reason = forms.CharField(label=_("Reason for the re-baseline"), required=False, widget=textarea())
    cost_change_explanation = forms.CharField(
        label=_("Explanation of the cost change"), required=False, widget=textarea()
    )
    end_date_change_explanation = forms.CharField(
        label=_("Explanation of the end-date change"), required=False, widget=textarea()
    )
    decision_reference = forms.CharField(
        label=_("Approving decision"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=TEXTBOX),
        help_text=_("For example the number or date of the steering committee's decision."),
    )

    decision = DecisionChoiceField(
        label=_("Recorded decision"),
        required=False,
        queryset=Decision.objects.none(),
        widget=select(),
        empty_label=_("No recorded decision"),
        help_text=_("The decision in force that approved this re-baseline; its reference fills the field above."),
    )

    def __init__(
        self, *args: Any, initial_baseline: bool, latest: Any = None, initiative: Any = None, **kwargs: Any
    ) -> None:
        initial: dict[str, Any] = {"recorded_on": timezone.localdate()}
        if latest is not None:
            initial.update(start_date=latest.start_date, end_date=latest.end_date)
            initial.update({f"amount_{c.category}": c.amount for c in latest.costs.all()})
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if initial_baseline or initiative is None:
            del self.fields["decision"]
        else:
            decision = self.fields["decision"]
            assert isinstance(decision, forms.ModelChoiceField)
            decision.queryset = citations.citable(initiative, SubjectKind.REBASELINE)
        if initial_baseline:
            for name in ("reason", "cost_change_explanation", "end_date_change_explanation"):
                del self.fields[name]
        else:
            self.fields["reason"].required = True
            # The service requires the reference unless a recorded decision is chosen.
            self.fields["decision_reference"].help_text = _(
                "For example the number or date of the steering committee's decision; "
                "leave empty when you choose a recorded decision below."
            )
        self.cost_fields = []
        for value, label in CostCategory.choices:
            name = f"amount_{value}"
            self.fields[name] = forms.DecimalField(
                label=label, required=False, min_value=Decimal(0), localize=True, widget=amount_input()
            )
            self.cost_fields.append(self[name])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "reason" in self.fields and not data.get("decision_reference", "").strip() and not data.get("decision"):
            self.add_error("decision_reference", _("Give the reference, or choose the recorded decision."))
        return data

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("amount_")}

    def costs(self) -> dict[str, Decimal]:
        return {
            value: self.cleaned_data[f"amount_{value}"]
            for value in CostCategory.values
            if self.cleaned_data.get(f"amount_{value}")
        }
