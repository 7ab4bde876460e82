"""Readable references for proposals (B-2026-0007) and decisions (D-2026-0003)."""

from __future__ import annotations

from datetime import datetime

from django.db import models


def next_reference(model: type[models.Model], prefix: str, moment: datetime) -> str:
    """The next free number of the year; the unique constraint catches a concurrent taker."""
    start = f"{prefix}-{moment.year}-"
    taken = model._default_manager.filter(reference__startswith=start).values_list("reference", flat=True)
    highest = max((int(reference.rsplit("-", 1)[1]) for reference in taken), default=0)
    return f"{start}{highest + 1:04d}"
