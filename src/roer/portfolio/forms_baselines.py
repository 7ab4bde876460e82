"""The baseline form: dates, reason and explanations, and the cost per category."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.portfolio.forms_health import TEXTBOX, amount_input, date_input, textarea
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

    def __init__(self, *args: Any, initial_baseline: bool, latest: Any = None, **kwargs: Any) -> None:
        initial: dict[str, Any] = {"recorded_on": timezone.localdate()}
        if latest is not None:
            initial.update(start_date=latest.start_date, end_date=latest.end_date)
            initial.update({f"amount_{c.category}": c.amount for c in latest.costs.all()})
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if initial_baseline:
            for name in ("reason", "cost_change_explanation", "end_date_change_explanation"):
                del self.fields[name]
        else:
            for name in ("reason", "decision_reference"):
                self.fields[name].required = True
        self.cost_fields = []
        for value, label in CostCategory.choices:
            name = f"amount_{value}"
            self.fields[name] = forms.DecimalField(
                label=label, required=False, min_value=Decimal(0), localize=True, widget=amount_input()
            )
            self.cost_fields.append(self[name])

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("amount_")}

    def costs(self) -> dict[str, Decimal]:
        return {
            value: self.cleaned_data[f"amount_{value}"]
            for value in CostCategory.values
            if self.cleaned_data.get(f"amount_{value}")
        }
