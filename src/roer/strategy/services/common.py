"""Small helpers shared by the strategy services."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models


def require(user: Any, perm: str, obj: Any, message: Any) -> None:
    """Refuse with ``PermissionDenied(message)`` unless ``user`` has ``perm`` on ``obj``."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def pick(values: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """The entries of ``values`` a service may set: forms and serializers may carry more."""
    return {name: value for name, value in values.items() if name in fields}


def apply(instance: models.Model, values: dict[str, Any], fields: Iterable[str]) -> None:
    for name, value in pick(values, fields).items():
        setattr(instance, name, value)


def visible(queryset: Any, user: Any, obj: models.Model | None) -> bool:
    """True when ``obj`` is among the rows of ``queryset.for_user(user)``; no object is always fine."""
    return obj is None or bool(queryset.for_user(user).filter(pk=obj.pk).exists())
