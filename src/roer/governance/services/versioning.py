"""Versioned edits of bodies, decision types and meetings: a save based on an older version is refused."""

from __future__ import annotations

from typing import Any

from django.db import models


class StaleVersion(Exception):
    """Someone saved the record after the person opened the form; ``current`` is what is stored now."""

    def __init__(self, current: Any) -> None:
        super().__init__(f"{current} changed meanwhile (version {current.version})")
        self.current = current


def locked(instance: models.Model, version: int | None) -> Any:
    """The stored row, locked for the transaction; refused when ``version`` is given and older."""
    stored: Any = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if version is not None and stored.version != version:
        raise StaleVersion(stored)
    return stored
