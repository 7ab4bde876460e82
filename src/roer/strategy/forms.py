"""Forms for goals, KPIs, measurements, contributions and the measurement import.

They offer only what the person may pick (units where they manage goals, goals and
KPIs they can see) and hand their ``cleaned_data`` to ``roer.strategy.services``, which
check everything again. Goals and KPIs carry a hidden version against lost updates.
Numbers accept a Dutch decimal comma.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import scope_filter
from roer.organisation.models import OrgUnit, Person
from roer.organisation.roles import Capability
from roer.strategy.models import KPI, Contribution, Goal, GoalLevel, Measurement

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
MAX_IMPORT_BYTES = 10 * 1024 * 1024


def _widget(field: forms.Field) -> forms.Widget:
    if isinstance(field, forms.ModelMultipleChoiceField):
        return forms.SelectMultiple(attrs={**_SELECT, "size": 6})
    if isinstance(field, forms.ChoiceField):
        return forms.Select(attrs=_SELECT)
    if isinstance(field, forms.DateField):
        return forms.DateInput(attrs={**_TEXTBOX, "type": "date"}, format="%Y-%m-%d")
    if isinstance(field, forms.DecimalField):
        return forms.TextInput(attrs={**_TEXTBOX, "inputmode": "decimal"})
    if isinstance(field.widget, forms.Textarea):
        return forms.Textarea(attrs=_TEXTAREA)
    return forms.TextInput(attrs=_TEXTBOX)


def _formfield(model_field: Any, **kwargs: Any) -> forms.Field | None:
    """The model's field in the NL Design System look; decimals in the person's own notation."""
    field: forms.Field | None = model_field.formfield(**kwargs)
    if field is None:
        return None
    field.widget = _widget(field)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        field.choices = field.choices  # the setter hands the options to the new widget
    if isinstance(field, forms.DecimalField):
        field.localize = field.widget.is_localized = True
    return field


class _ScopedForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def _choices(self, name: str) -> forms.ModelChoiceField:  # type: ignore[type-arg]
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        return field

    def _versioned(self) -> None:
        """A stored goal or KPI is changed against the version the person saw."""
        if "version" in self.fields and self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version

    def _units(self, capability: Capability) -> None:
        """Units where the person has ``capability``, and the current one of a stored row."""
        units = OrgUnit.objects.filter(scope_filter(self.user, capability, "path"))
        if self.instance.pk:
            units = units | OrgUnit.objects.filter(pk=self.instance.org_unit_id)
        self._choices("org_unit").queryset = units.distinct().order_by("path")


class GoalForm(_ScopedForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Goal
        fields = ["org_unit", "level", "parent", "title", "description", "owner", "horizon_start", "horizon_end"]
        formfield_callback = _formfield

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self._versioned()
        self._units(Capability.MANAGE_STRATEGY)
        # An objective serves no goal; organisation-wide goals above the person's scope are offered.
        parents = Goal.objects.for_user(user).exclude(level=GoalLevel.OBJECTIVE).exclude(pk=self.instance.pk)
        self._choices("parent").queryset = parents.select_related("org_unit").order_by("org_unit__path", "title")
        self._choices("parent").empty_label = _("(none: an ambition)")
        owners = Person.objects.for_user(user).filter(is_active=True).order_by("last_name", "first_name")
        self._choices("owner").queryset = owners
        self._choices("owner").empty_label = _("(not yet known)")


class KpiForm(_ScopedForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    goals = forms.ModelMultipleChoiceField(label=_("Measures the goals"), queryset=Goal.objects.none(), required=False)

    class Meta:
        model = KPI
        fields = [
            "org_unit",
            "name",
            "description",
            "unit_of_measure",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "source",
            "frequency",
        ]
        formfield_callback = _formfield

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self._versioned()
        self._units(Capability.MANAGE_STRATEGY)
        goals = self.fields["goals"]
        assert isinstance(goals, forms.ModelMultipleChoiceField)
        goals.queryset = Goal.objects.for_user(user).order_by("org_unit__path", "title")
        goals.widget = _widget(goals)
        if self.instance.pk:
            goals.initial = list(self.instance.goals.filter(pk__in=goals.queryset.values("pk")))


class MeasurementForm(forms.ModelForm):  # type: ignore[type-arg]
    """One measurement of a KPI the page already knows."""

    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source", "note"]
        formfield_callback = _formfield


class ContributionForm(_ScopedForm):
    class Meta:
        model = Contribution
        fields = ["goal", "kpi", "expected_change", "expected_by", "effect_from", "confidence", "weight", "rationale"]
        formfield_callback = _formfield

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        self._choices("goal").queryset = Goal.objects.for_user(user).order_by("org_unit__path", "title")
        self._choices("kpi").queryset = KPI.objects.for_user(user).order_by("name")
        self._choices("kpi").empty_label = _("(no KPI)")


class MeasurementImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV or xlsx with the columns kpi (id or exact name), date, value, and optionally source and note."
        ),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    replace = forms.BooleanField(
        label=_("Replace stored measurements"),
        required=False,
        help_text=_("Overwrite a stored measurement of the same KPI and date instead of refusing the file."),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB; split it."), params={"size": MAX_IMPORT_BYTES // 2**20}
            )
        return upload
