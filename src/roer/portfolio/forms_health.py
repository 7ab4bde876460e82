"""Shared widgets of the gate, baseline and report forms."""

from __future__ import annotations

from django import forms

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={**TEXTBOX, "type": "date"}, format="%Y-%m-%d")


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={**TEXTAREA, "rows": rows})


def select() -> forms.Select:
    return forms.Select(attrs=SELECT)


def amount_input() -> forms.TextInput:
    return forms.TextInput(attrs={**TEXTBOX, "inputmode": "decimal", "class": TEXTBOX["class"] + " roer-number"})
