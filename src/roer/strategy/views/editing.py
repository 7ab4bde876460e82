"""What the form pages share: service errors onto the form, and what differs after a stale save."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form: by field where the form has that field, otherwise above it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, ValidationError(errors))


@dataclass(frozen=True)
class Conflict:
    label: str
    yours: str
    stored: str


def _display(instance: models.Model, name: str, value: Any) -> str:
    choices = getattr(instance._meta.get_field(name), "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    return "" if value is None else str(value)


def differences(stored: models.Model, submitted: dict[str, Any], fields: Iterable[str]) -> list[Conflict]:
    """The fields whose stored value differs from what the person tried to save."""
    result = []
    for name in fields:
        if name not in submitted:
            continue
        current = getattr(stored, name)
        if current != submitted[name]:
            label = str(getattr(stored._meta.get_field(name), "verbose_name", name)).capitalize()
            result.append(Conflict(label, _display(stored, name, submitted[name]), _display(stored, name, current)))
    return result


def retry_with(form: forms.BaseForm, data: Any, version: int) -> None:
    """After a refused stale save, the next save is a deliberate choice made after seeing the newer values."""
    copy = data.copy()
    copy["version"] = str(version)
    form.data = copy


F = TypeVar("F", bound=forms.BaseForm)
