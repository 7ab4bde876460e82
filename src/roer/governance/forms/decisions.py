"""The correction form: a new decision that supersedes an earlier one (a decision is never edited)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.governance.models import Basis, Body, Outcome
from roer.portfolio.forms_health import SELECT, date_input, textarea


class SupersedeForm(forms.Form):
    # Several forms share the proposal's (or decision's) page: the browser must not mark the untouched ones invalid.
    use_required_attribute = False

    outcome = forms.ChoiceField(label=_("Corrected outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(
        label=_("Rationale of the correction"), widget=textarea(5), help_text=_("What was wrong, and why this holds.")
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=textarea(3),
        help_text=_("Required when approving with conditions."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=date_input(),
        help_text=_("For an exemption: until when it holds."),
    )

    def __init__(self, *args: Any, exemption: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not exemption:
            del self.fields["valid_until"]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "rationale": data["rationale"],
            "conditions": data.get("conditions") or "",
            "valid_until": data.get("valid_until"),
        }


IN_FORCE = [("in_force", _("In force")), ("superseded", _("Superseded by a correction"))]


class DecisionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    basis = django_filters.ChoiceFilter(label=_("Basis"), choices=Basis.choices, empty_label=_("All"))
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Outcome.choices, empty_label=_("All"))
    body = django_filters.ModelChoiceFilter(label=_("Body"), queryset=Body.objects.none(), empty_label=_("All"))
    standing = django_filters.ChoiceFilter(
        label=_("In force or superseded"), choices=IN_FORCE, method="by_standing", empty_label=_("All")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = Body.objects.for_user(user).order_by("name")
        for name in ("basis", "outcome", "body", "standing"):
            self.form.fields[name].widget.attrs["class"] = SELECT["class"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            Q(reference__icontains=value)
            | Q(proposal__reference__icontains=value)
            | Q(proposal__title__icontains=value)
        )

    def by_standing(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        superseded = Q(superseded_by__isnull=False)
        return queryset.filter(superseded) if value == "superseded" else queryset.exclude(superseded)
