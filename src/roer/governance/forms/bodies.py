"""The forms of the body pages: setting a body up, adding a member, ending a membership."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.governance.models import BodyKind, Cadence, ConsensusRule, MemberCapacity
from roer.organisation.access import scope_paths
from roer.organisation.models import OrgUnit, Person
from roer.organisation.roles import Capability
from roer.portfolio.forms_health import TEXTBOX, date_input, select, textarea


def _people(user: Any) -> Any:
    return Person.objects.for_user(user).filter(is_active=True).order_by("last_name", "first_name")


class BodyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs=TEXTBOX))
    kind = forms.ChoiceField(label=_("Kind"), choices=BodyKind.choices, widget=select())
    org_unit = forms.ModelChoiceField(
        label=_("Scope"),
        queryset=OrgUnit.objects.none(),
        widget=select(),
        help_text=_("The org unit whose cross-cutting matters this body decides, with every unit below it."),
    )
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=Person.objects.none(), widget=select())
    secretary = forms.ModelChoiceField(
        label=_("Secretary"), queryset=Person.objects.none(), widget=select(), required=False
    )
    mandate_holder = forms.ModelChoiceField(
        label=_("Mandate holder"),
        queryset=Person.objects.none(),
        widget=select(),
        help_text=_("Decides when the members reach no consensus by the deadline (for the CIO council: the top CIO)."),
    )
    quorum = forms.IntegerField(
        label=_("Quorum"),
        min_value=1,
        max_value=100,
        widget=forms.NumberInput(attrs={**TEXTBOX, "class": TEXTBOX["class"] + " roer-number"}),
        help_text=_("How many voting members must state a position (agree, object or abstain) for a valid vote."),
    )
    consensus_rule = forms.ChoiceField(label=_("Consensus rule"), choices=ConsensusRule.choices, widget=select())
    cadence = forms.ChoiceField(label=_("Meeting cadence"), choices=Cadence.choices, widget=select())
    description = forms.CharField(label=_("Description"), required=False, widget=textarea(4))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        paths = scope_paths(user, Capability.MANAGE_GOVERNANCE)
        units = OrgUnit.objects.for_user(user).order_by("path")
        if not getattr(user, "is_superuser", False):
            units = units.filter(pk__in=[u.pk for u in units if any(u.path.startswith(p) for p in paths)])
        unit: Any = self.fields["org_unit"]
        unit.queryset = units
        for name in ("chair", "secretary", "mandate_holder"):
            field: Any = self.fields[name]
            field.queryset = _people(user)

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class MembershipForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Member"), queryset=Person.objects.none(), widget=select())
    capacity = forms.ChoiceField(
        label=_("Capacity"),
        choices=MemberCapacity.choices,
        widget=select(),
        help_text=_("A voting member agrees, objects or abstains; an advisory member takes part without a vote."),
    )
    since = forms.DateField(label=_("Member since"), widget=date_input())

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"since": timezone.localdate(), "capacity": MemberCapacity.VOTING})
        super().__init__(*args, **kwargs)
        person: Any = self.fields["person"]
        person.queryset = _people(user)


class EndMembershipForm(forms.Form):
    until = forms.DateField(
        label=_("Last day of membership"),
        widget=date_input(),
        help_text=_("The votes already cast stay on record."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"until": timezone.localdate()})
        super().__init__(*args, **kwargs)
