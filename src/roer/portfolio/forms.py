"""Forms to register and change an initiative. The hidden version guards against lost updates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit, Person
from roer.portfolio.models import Initiative, code_validator
from roer.portfolio.services import units_for_new_initiatives

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}


INTAKE_HELP = _(
    "To leave the idea phase an initiative needs a problem statement and a contribution to a goal; "
    "if it is mandatory by law, its legal basis instead of the contribution."
)


class InitiativeForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Initiative
        fields = [
            "name",
            "org_unit",
            "phase",
            "sponsor",
            "manager",
            "problem_statement",
            "description",
            "mandatory",
            "legal_basis",
            "activity_type",
            "approach",
            "topic",
            "service_domain",
            "start_date",
            "team_size",
            "increment_months",
            "public",
        ]
        widgets = {
            "name": forms.TextInput(attrs=_TEXTBOX),
            "org_unit": forms.Select(attrs=_SELECT),
            "phase": forms.Select(attrs=_SELECT),
            "sponsor": forms.Select(attrs=_SELECT),
            "manager": forms.Select(attrs=_SELECT),
            "problem_statement": forms.Textarea(attrs=_TEXTAREA),
            "description": forms.Textarea(attrs=_TEXTAREA),
            "mandatory": forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
            "legal_basis": forms.Textarea(attrs={**_TEXTAREA, "rows": 3}),
            "activity_type": forms.Select(attrs=_SELECT),
            "approach": forms.Select(attrs=_SELECT),
            "topic": forms.TextInput(attrs=_TEXTBOX),
            "service_domain": forms.TextInput(attrs=_TEXTBOX),
            "start_date": forms.DateInput(attrs={**_TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
            "team_size": forms.NumberInput(attrs={**_TEXTBOX, "inputmode": "numeric"}),
            "increment_months": forms.NumberInput(attrs={**_TEXTBOX, "inputmode": "numeric"}),
            "public": forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].help_text = INTAKE_HELP
        units = OrgUnit.objects.filter(pk__in=[u.pk for u in units_for_new_initiatives(user)])
        if self.instance.pk:
            units = units | OrgUnit.objects.filter(pk=self.instance.org_unit_id)
        self._choice_field("org_unit").queryset = units.distinct().order_by("path")
        people = Person.objects.for_user(user).filter(is_active=True).order_by("last_name", "first_name")
        for name in ("sponsor", "manager"):
            field = self._choice_field(name)
            field.queryset = people
            field.empty_label = _("(not yet known)")

    def _choice_field(self, name: str) -> forms.ModelChoiceField:  # type: ignore[type-arg]
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        return field


class NewInitiativeForm(InitiativeForm):
    code = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=40,
        validators=[code_validator],
        help_text=_("Leave empty to have the next free code assigned. It cannot be changed later."),
        widget=forms.TextInput(attrs={**_TEXTBOX, "autocapitalize": "characters"}),
    )

    field_order = ["code", "name", "org_unit", "phase"]

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip().upper()
        if code and Initiative.objects.filter(code=code).exists():
            raise forms.ValidationError(_("The code %(code)s is already in use."), params={"code": code})
        return code


class EditInitiativeForm(InitiativeForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
