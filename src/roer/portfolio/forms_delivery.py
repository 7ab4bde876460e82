"""Forms for the lists of the initiative file: one model form per list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from roer.portfolio.services.delivery import LISTS

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_NUMBER = {"class": "utrecht-textbox utrecht-textbox--html-input roer-number", "inputmode": "decimal"}
_TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


def _widget(field: forms.Field) -> forms.Widget:
    if isinstance(field, forms.DateField):
        return forms.DateInput(attrs={**_TEXTBOX, "type": "date"}, format="%Y-%m-%d")
    if isinstance(field, forms.DecimalField):
        return forms.TextInput(attrs=_NUMBER)
    if isinstance(field, forms.NullBooleanField):
        return forms.NullBooleanSelect(attrs=_SELECT)
    if isinstance(field, forms.BooleanField):
        return forms.CheckboxInput(attrs=_CHECKBOX)
    if isinstance(field, forms.ChoiceField):
        return forms.Select(attrs=_SELECT, choices=field.choices)  # type: ignore[arg-type]
    if isinstance(field.widget, forms.Textarea):
        return forms.Textarea(attrs=_TEXTAREA)
    return forms.TextInput(attrs=_TEXTBOX)


def entry_form_class(slug: str) -> type[forms.ModelForm]:  # type: ignore[type-arg]
    """A model form with the list's fields, in the NL Design System look."""
    kind = LISTS[slug]

    def callback(model_field: Any, **kwargs: Any) -> forms.Field | None:
        if isinstance(model_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        field: forms.Field | None = model_field.formfield(**kwargs)
        if field is None:
            return None
        if isinstance(field, forms.DecimalField):
            field.localize = True
        field.widget = _widget(field)
        if isinstance(field, forms.DecimalField):
            field.widget.is_localized = True
        return field

    return forms.modelform_factory(kind.model, fields=kind.fields, formfield_callback=callback)  # type: ignore[arg-type]
