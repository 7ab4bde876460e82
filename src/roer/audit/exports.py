"""The audit trail as CSV, streamed row by row from a database cursor.

Only the columns below are fetched (``values_list`` with joins done by the database),
and rows are written as they arrive, so an export of millions of events needs
no more memory than one chunk.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from roer.audit.models import AuditEvent

CHUNK_SIZE = 2000

_COLUMNS = (
    "occurred_at",
    "actor_label",
    "source",
    "action",
    "content_type__app_label",
    "content_type__model",
    "object_id",
    "object_repr",
    "changed_fields",
    "before",
    "after",
)

# A spreadsheet treats cells starting with these as formulas; object names are user input.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    return [
        _("When (UTC)"),
        _("Who"),
        _("Channel"),
        _("Action"),
        _("Object type"),
        _("Object id"),
        _("Object"),
        _("Changed fields"),
        _("Before"),
        _("After"),
    ]


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def row(values: tuple[Any, ...]) -> list[str]:
    when, actor, source, action, app_label, model, object_id, text, changed, before, after = values
    return [
        when.isoformat(),
        _safe(actor),
        source,
        action,
        f"{app_label}.{model}",
        _safe(object_id),
        _safe(text),
        " ".join(changed or []),
        _json(before),
        _json(after),
    ]


class _Echo:
    """A file-like object whose ``write`` hands the line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(events: QuerySet[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header())
    rows: Iterable[tuple[Any, ...]] = events.values_list(*_COLUMNS).iterator(chunk_size=CHUNK_SIZE)
    for values in rows:
        yield writer.writerow(row(values))
