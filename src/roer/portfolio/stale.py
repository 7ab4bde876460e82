"""What differs between a stored initiative and the values a person tried to save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from roer.portfolio.models import Initiative
from roer.portfolio.services import EDITABLE_FIELDS


@dataclass(frozen=True)
class Conflict:
    label: str
    yours: str
    stored: str


def _display(instance: Initiative, name: str, value: Any) -> str:
    choices = getattr(instance._meta.get_field(name), "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return "" if value is None else str(value)


def differences(stored: Initiative, submitted: dict[str, Any]) -> list[Conflict]:
    result = []
    for name in EDITABLE_FIELDS:
        if name not in submitted:
            continue
        current = getattr(stored, name)
        if current != submitted[name]:
            label = str(getattr(stored._meta.get_field(name), "verbose_name", name)).capitalize()
            result.append(Conflict(label, _display(stored, name, submitted[name]), _display(stored, name, current)))
    return result
