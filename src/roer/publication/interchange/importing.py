"""One import from start to end: read, map, check, load (or only report)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roer.publication.interchange.loading import Outcome, load
from roer.publication.interchange.mappings import MAPPINGS
from roer.publication.interchange.readers import read


@dataclass
class Report(Outcome):
    notes: list[str] = field(default_factory=list)


def run_import(path: Path, mapping: str, user: Any, reference: datetime.date, *, dry_run: bool) -> Report:
    chosen = MAPPINGS[mapping]
    sheet = read(path, chosen.first_label, chosen.first_field)
    records, problems = chosen.records(sheet)
    details = {"file": path.name, "mapping": mapping, "reference_date": reference.isoformat()}
    outcome = load(records, problems, user, reference, dry_run=dry_run, details=details)
    notes = [f"{path.name}: {len(sheet.rows)} data rows after the header on row {sheet.header_row}."]
    if sheet.header_row > 1:
        notes.append(f"Rows 1-{sheet.header_row - 1} before the header were read as a preamble and skipped.")
    return Report(
        problems=outcome.problems,
        created=outcome.created,
        new_units=outcome.new_units,
        written=outcome.written,
        notes=notes,
    )
