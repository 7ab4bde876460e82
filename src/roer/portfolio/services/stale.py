"""Stale-edit guard for rows without a version number: a fingerprint of the stored values.

A form carries the fingerprint of the values it was opened with; the service refuses the
save when the stored row has changed meanwhile, so nobody overwrites a change unseen.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.db import models


class ChangedMeanwhile(Exception):
    """Someone saved this row after the form was opened; ``current`` is the stored row."""

    def __init__(self, current: Any) -> None:
        super().__init__(f"{current} changed meanwhile")
        self.current = current


def fingerprint(instance: models.Model, fields: Iterable[str]) -> str:
    values = {name: str(getattr(instance, name, "")) for name in fields}
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:32]


def refuse_if_changed(instance: models.Model, fields: Iterable[str], expected: str | None) -> None:
    if expected is not None and fingerprint(instance, fields) != expected:
        raise ChangedMeanwhile(instance)
