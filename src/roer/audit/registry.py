"""Which models are audited, and how their values are turned into JSON snapshots.

``register(Model)`` connects the signal handlers; everything that saves or deletes
through the ORM (pages, admin, API, imports, commands) is then recorded.
Bulk ``QuerySet.update()`` bypasses signals, so services never use it on audited models.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

MASK = "********"


@dataclass(frozen=True)
class AuditOptions:
    masked: frozenset[str]
    ignored: frozenset[str]


_registry: dict[type[models.Model], AuditOptions] = {}


def register(model: type[models.Model], masked: set[str] | None = None, ignored: set[str] | None = None) -> None:
    from roer.audit import signals

    _registry[model] = AuditOptions(frozenset(masked or ()), frozenset(ignored or ()))
    uid = f"roer-audit-{model._meta.label_lower}"
    pre_save.connect(signals.remember_before, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(signals.record_save, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(signals.record_delete, sender=model, dispatch_uid=uid + "-delete")


def is_audited(model: type[models.Model]) -> bool:
    return model in _registry


def audited_models() -> list[type[models.Model]]:
    return list(_registry)


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    return value


def secret_values(instance: models.Model) -> dict[str, Any]:
    """Raw values of the masked fields: compared to detect a change, never stored."""
    return {name: getattr(instance, name, None) for name in _registry[type(instance)].masked}


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The instance's stored values: concrete fields, foreign keys as their id."""
    options = _registry[type(instance)]
    values: dict[str, Any] = {}
    for f in instance._meta.concrete_fields:
        if f.name in options.ignored:
            continue
        value = getattr(instance, f.attname)
        if isinstance(f, models.DecimalField) and value is not None:
            # In memory a form gives 52.5, the database gives 52.5000: same value, same text.
            value = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-f.decimal_places))
        values[f.name] = MASK if f.name in options.masked and value else _json_value(value)
    return values
