"""Forms of the scenario pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit
from roer.planning.models.scenarios import MAX_QUARTERS, Scenario
from roer.portfolio.forms_health import SELECT, TEXTAREA, TEXTBOX, amount_input

NUMBER = {**TEXTBOX, "inputmode": "decimal", "class": TEXTBOX["class"] + " roer-number"}


def style_form(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.update(SELECT)
        elif isinstance(widget, forms.Textarea):
            widget.attrs.update(TEXTAREA)
        elif isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.HiddenInput):
            continue
        else:
            widget.attrs.update(TEXTBOX)


class ScenarioForm(forms.ModelForm):  # type: ignore[type-arg]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Scenario
        fields = ["name", "org_unit", "start_year", "start_quarter", "quarters", "discount_rate"]

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["org_unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = units
        self.fields["start_quarter"].widget = forms.Select(choices=[(q, f"Q{q}") for q in range(1, 5)])
        self.fields["quarters"].max_value = MAX_QUARTERS  # type: ignore[attr-defined]
        style_form(self)


class NewScenarioForm(ScenarioForm):
    budget = forms.DecimalField(
        label=_("Budget per year (euro)"),
        min_value=Decimal("0"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The same amount for every year; change single years afterwards."),
        widget=amount_input(),
    )
    capacity = forms.DecimalField(
        label=_("Capacity per team per quarter (FTE)"),
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        help_text=_("Every unit directly below the chosen unit becomes a team with this capacity."),
        widget=amount_input(),
    )


class LimitsForm(forms.Form):
    """Budgets per year and capacities per team and quarter, built for one scenario."""

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scenario = scenario
        for year, amount in enumerate(scenario.budget_amounts()):
            self.fields[f"budget_{year}"] = forms.DecimalField(
                label=_("Year %(number)s (%(quarters)s)") % {"number": year + 1, "quarters": scenario.year_label(year)},
                initial=amount,
                min_value=Decimal("0"),
                max_digits=14,
                decimal_places=2,
                widget=amount_input(),
            )
        self.teams = list(scenario.teams.select_related("org_unit"))
        for team in self.teams:
            for quarter, amount in enumerate(team.capacity_amounts(scenario.quarters)):
                self.fields[f"capacity_{team.pk}_{quarter}"] = forms.DecimalField(
                    label=_("%(team)s, %(quarter)s")
                    % {"team": team.org_unit.name, "quarter": scenario.quarter_label(quarter)},
                    initial=amount,
                    min_value=Decimal("0"),
                    max_digits=8,
                    decimal_places=2,
                    widget=forms.TextInput(attrs={**NUMBER, "size": 5}),
                )

    def quarter_labels(self) -> list[str]:
        return [self.scenario.quarter_label(q) for q in range(self.scenario.quarters)]

    def budget_fields(self) -> list[forms.BoundField]:
        return [self[f"budget_{year}"] for year in range(self.scenario.years)]

    def team_rows(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(team, [self[f"capacity_{team.pk}_{q}"] for q in range(self.scenario.quarters)]) for team in self.teams]

    def budgets(self) -> list[Decimal]:
        return [self.cleaned_data[f"budget_{year}"] for year in range(self.scenario.years)]

    def capacities(self) -> dict[int, list[Decimal]]:
        return {
            team.pk: [self.cleaned_data[f"capacity_{team.pk}_{q}"] for q in range(self.scenario.quarters)]
            for team in self.teams
        }


class TeamForm(forms.Form):
    org_unit = forms.ModelChoiceField(label=_("Org unit"), queryset=OrgUnit.objects.none())
    capacity = forms.DecimalField(
        label=_("Capacity per quarter (FTE)"), min_value=Decimal("0"), max_digits=8, decimal_places=2
    )

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["org_unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = OrgUnit.objects.filter(path__startswith=scenario.org_unit.path).exclude(
            pk__in=scenario.teams.values("org_unit")
        )
        style_form(self)


class WhatIfForm(forms.Form):
    name = forms.CharField(label=_("Name of the variant"), max_length=200)
    budget_percent = forms.DecimalField(
        label=_("Budget (% of this scenario's)"),
        initial=Decimal("100"),
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        decimal_places=1,
        help_text=_("90 is a budget cut of 10 %."),
    )
    capacity_percent = forms.DecimalField(
        label=_("Team capacity (% of this scenario's)"),
        initial=Decimal("100"),
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        decimal_places=1,
    )
    remove_team: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Remove a team"), required=False, queryset=None, help_text=_("For example: one team fewer.")
    )
    force_in = forms.MultipleChoiceField(
        label=_("Force in"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("These initiatives must be funded."),
    )
    force_out = forms.MultipleChoiceField(
        label=_("Leave out"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("These initiatives are not candidates."),
    )

    def __init__(self, *args: Any, scenario: Scenario, codes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team = self.fields["remove_team"]
        assert isinstance(team, forms.ModelChoiceField)
        team.queryset = scenario.teams.select_related("org_unit")
        team.label_from_instance = lambda t: str(t.org_unit.name)  # type: ignore[method-assign,assignment]
        team.empty_label = _("None")
        self.fields["force_in"].choices = codes  # type: ignore[attr-defined]
        self.fields["force_out"].choices = codes  # type: ignore[attr-defined]
        style_form(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        both = set(data.get("force_in") or []) & set(data.get("force_out") or [])
        if both:
            self.add_error(
                "force_out", _("Forced in and left out at once: %(codes)s") % {"codes": ", ".join(sorted(both))}
            )
        return data


class SolveForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"),
        initial=30,
        min_value=5,
        max_value=600,
        help_text=_("The worker returns the best plan found by then, and traces the frontier in the last quarter."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style_form(self)


class ProposeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Proposal"), widget=forms.Textarea, help_text=_("What is proposed, and why."))
    scope = forms.ChoiceField(label=_("Scope"))
    body: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Council"), required=False, queryset=None, help_text=_("Only for a cross-cutting proposal.")
    )
    scope_reason = forms.CharField(label=_("Reason for the scope"), widget=forms.Textarea)

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        from roer.governance.models import Body, Scope
        from roer.organisation.access import ancestor_paths

        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = Scope.choices  # type: ignore[attr-defined]
        body = self.fields["body"]
        assert isinstance(body, forms.ModelChoiceField)
        body.queryset = Body.objects.filter(org_unit__path__in=[unit.path, *ancestor_paths(unit.path)])
        style_form(self)


class CompareForm(forms.Form):
    run = forms.MultipleChoiceField(label=_("Runs to compare"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, runs: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["run"].choices = [  # type: ignore[attr-defined]
            (str(run.pk), f"{run.scenario.name} #{run.pk} ({run.created_at:%Y-%m-%d %H:%M})") for run in runs
        ]

    def clean_run(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["run"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose at least two runs."))
        return chosen
