"""Forms of a scenario's links: a dependency and a group, with the scenario's candidates to choose from."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.planning.models.links import GroupKind
from roer.planning.models.scenarios import Scenario
from roer.planning.services.build import eligible_initiatives
from roer.planning.views.scenario_forms import style_form
from roer.portfolio.models import Initiative


class _CodeAndName:
    """Initiatives are offered by code and name, as the scenario page lists them."""

    def label_from_instance(self, obj: Initiative) -> str:
        return f"{obj.code} {obj.name}"


class InitiativeChoice(_CodeAndName, forms.ModelChoiceField):  # type: ignore[type-arg]
    pass


class InitiativesChoice(_CodeAndName, forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    pass


def _candidates(scenario: Scenario) -> Any:
    return eligible_initiatives(scenario).order_by("code")


class DependencyForm(forms.Form):
    prefix = "dependency"

    before = InitiativeChoice(
        label=_("Finished first"),
        queryset=Initiative.objects.none(),
        help_text=_("The initiative that must be finished before the other starts."),
    )
    after = InitiativeChoice(
        label=_("Starts after it"),
        queryset=Initiative.objects.none(),
        help_text=_("Funded only if the first is funded and finished before it starts."),
    )

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("before", "after"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = _candidates(scenario)
            field.empty_label = _("Choose an initiative")
        style_form(self)


class GroupForm(forms.Form):
    prefix = "group"

    kind = forms.ChoiceField(
        label=_("Kind of group"),
        choices=GroupKind.choices,
        help_text=_("At most one: alternatives, of which at most one is funded. All or none: parts of one whole."),
    )
    members = InitiativesChoice(
        label=_("Initiatives"),
        queryset=Initiative.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose two or more (Ctrl or Cmd and click to choose several)."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For example: choice of case system."),
    )

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = _candidates(scenario)
        style_form(self)
