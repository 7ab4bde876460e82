"""Helpers for the large demo's bulk loads: batches, and the one summary audit event per load.

``bulk_create`` skips the save signals, so bulk-loaded rows get no audit event of their
own: ten thousand single saves with a before/after snapshot each would make loading
take many minutes. Silence is not acceptable either, so each load writes one summary
event that says what was loaded, how much, and through which channel.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from roer.audit.context import current
from roer.audit.models import Action, AuditEvent

T = TypeVar("T")
BATCH = 2000


def batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def record_bulk_load(
    model: type[models.Model], count: int, scope_path: str, object_id: str, details: dict[str, Any] | None = None
) -> None:
    """One audit event standing for ``count`` rows of ``model`` that were bulk-loaded."""
    context = current()
    with translation.override("en"):
        plural = str(model._meta.verbose_name_plural)
    summary: dict[str, Any] = {
        "count": count,
        **(details or {}),
        "note": f"Bulk load of generated demo {plural}; individual rows have no audit event of their own.",
    }
    AuditEvent.objects.create(
        actor=None,
        actor_label=context.actor_label,
        source=context.source,
        request_id=context.request_id,
        action=Action.CREATE,
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id[:64],
        object_repr=f"{count} generated demo {plural}"[:200],
        scope_path=scope_path,
        before=None,
        after=summary,
        changed_fields=sorted(summary),
    )
