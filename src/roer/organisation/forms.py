"""Forms for the org-unit and people pages: assigning and ending roles, and the people filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.organisation.roles import Role
from roer.organisation.services import PERSON_OUTSIDE_SCOPE

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={**_TEXTBOX, "type": "date"}, format="%Y-%m-%d")


class AssignRoleForm(forms.Form):
    # A username, not a select: an installation can hold hundreds of thousands of people.
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        to_field_name="username",
        help_text=_("Username, as shown in the list of people."),
        error_messages={"invalid_choice": PERSON_OUTSIDE_SCOPE},
        widget=forms.TextInput(attrs={**_TEXTBOX, "autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *Role.choices], widget=forms.Select(attrs=_SELECT))
    valid_from = forms.DateField(label=_("Valid from"), widget=_date_input())
    valid_until = forms.DateField(
        label=_("Valid until"), required=False, help_text=_("Leave empty for no end date."), widget=_date_input()
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"valid_from": timezone.localdate()})
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Person.objects.for_user(user).filter(is_active=True)

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end date cannot be before the start date."))
        return cleaned


class EndAssignmentForm(forms.Form):
    valid_until = forms.DateField(
        label=_("Last day"), help_text=_("The role stops after this day."), widget=_date_input()
    )

    def __init__(self, *args: Any, assignment: RoleAssignment, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"valid_until": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.assignment = assignment

    def clean_valid_until(self) -> Any:
        value = self.cleaned_data["valid_until"]
        if value < self.assignment.valid_from:
            raise forms.ValidationError(_("The end date cannot be before the start date."))
        return value


# Names sort case-insensitively, so "de Vries" is not put after every capitalised name.
PERSON_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("last_name", "first_name", "username"),
    "username": ("username",),
    "job_title": ("job_title", "last_name"),
    "unit": ("home_unit__name", "last_name"),
}


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name or username"),
        required=False,
        widget=forms.TextInput(attrs={**_TEXTBOX, "type": "search"}),
    )
    unit = forms.ModelChoiceField(
        label=_("Org unit (and below)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All"),
        widget=forms.Select(attrs=_SELECT),
    )
    role = forms.ChoiceField(
        label=_("Current role"),
        required=False,
        choices=[("", _("All")), *Role.choices],
        widget=forms.Select(attrs=_SELECT),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = OrgUnit.objects.for_user(user)

    def apply(self, people: QuerySet[Person]) -> QuerySet[Person]:
        """``people`` narrowed by the valid filters; invalid ones are ignored (and shown as errors)."""
        if not self.is_bound:
            return people
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        for term in (data.get("q") or "").split():
            people = people.filter(
                Q(username__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
            )
        unit: OrgUnit | None = data.get("unit")
        role: str = data.get("role") or ""
        if not unit and not role:
            return people
        # Only roles the user may see count, so a filter cannot reveal roles held elsewhere.
        roles = RoleAssignment.objects.for_user(self.user).active_on(timezone.localdate())
        if role:
            roles = roles.filter(role=role)
        if unit:
            roles = roles.filter(org_unit__path__startswith=unit.path)
        holders = Q(pk__in=roles.values("person_id"))
        if unit and not role:
            holders |= Q(home_unit__path__startswith=unit.path)
        return people.filter(holders)


def sort_people(people: QuerySet[Person], sort: str) -> QuerySet[Person]:
    key = sort.lstrip("-")
    fields = PERSON_SORTS.get(key, PERSON_SORTS["name"])
    descending = sort.startswith("-") and key in PERSON_SORTS
    order = [Lower(name).desc() if descending else Lower(name).asc() for name in fields]
    return people.order_by(*order, "pk")  # pk last: stable pages
