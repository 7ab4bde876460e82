"""The cost sheet form: one row per cost line of one kind (plan, actual or forecast).

The rows only parse what is typed; the service checks ranges, negative amounts and
duplicates, so the API and imports get the same answers. Amounts accept Dutch or
English number formats, as the page's language has them.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.portfolio.models import CostCategory, CostLine, CostNature, Recurrence

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input roer-number"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}


class CostRowForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), widget=forms.NumberInput(attrs={**_TEXTBOX, "inputmode": "numeric"}))
    # An empty first choice: a blank row sent untouched by the browser stays blank (and is skipped).
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", "—"), *CostCategory.choices], widget=forms.Select(attrs=_SELECT)
    )
    nature = forms.ChoiceField(
        label=_("Capex or opex"),
        choices=CostNature.choices,
        initial=CostNature.OPEX,
        widget=forms.Select(attrs=_SELECT),
    )
    recurrence = forms.ChoiceField(
        label=_("One-off or recurring"),
        choices=Recurrence.choices,
        initial=Recurrence.ONE_OFF,
        widget=forms.Select(attrs=_SELECT),
    )
    amount = forms.DecimalField(
        label=_("Amount (euro)"),
        localize=True,
        widget=forms.TextInput(attrs={**_TEXTBOX, "inputmode": "decimal"}),
    )


class BaseCostSheetFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def filled_forms(self) -> list[forms.Form]:
        """The rows to keep, in form order: neither left blank nor marked for removal.

        A blank extra row has empty ``cleaned_data``; a stored row is always validated.
        """
        return [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]

    def rows(self) -> list[dict[str, Any]]:
        names = ("year", "category", "nature", "recurrence", "amount")
        return [{name: form.cleaned_data[name] for name in names} for form in self.filled_forms()]


CostSheetFormSet = forms.formset_factory(
    CostRowForm, formset=BaseCostSheetFormSet, extra=3, can_delete=True, max_num=500, validate_max=True
)


def initial_rows(lines: list[CostLine]) -> list[dict[str, Any]]:
    return [
        {
            "year": line.year,
            "category": line.category,
            "nature": line.nature,
            "recurrence": line.recurrence,
            "amount": line.amount,
        }
        for line in lines
    ]


class SheetMetaForm(forms.Form):
    """The sheet version the person saw, and the kind being edited."""

    version = forms.CharField(widget=forms.HiddenInput, max_length=64)
