"""What every edit page shows after a refused stale save: the values that differ, and a deliberate retry.

Each versioned record (initiative, goal, KPI…) refuses a save based on an older version;
the page then shows what was saved meanwhile next to what the person typed, and arms the
form with the newer version so that saving again is a choice made after seeing both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Conflict:
    label: str
    yours: str
    stored: str


def _display(instance: models.Model, name: str, value: Any) -> str:
    choices = getattr(instance._meta.get_field(name), "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
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
