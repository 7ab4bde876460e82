"""roer import FILE [--mapping rijks|us-itdashboard] [--dry-run]: all or nothing."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError, CommandParser

from roer.core.management.base import RoerCommand
from roer.publication.interchange.importing import run_import
from roer.publication.interchange.mappings import MAPPINGS
from roer.publication.interchange.readers import Unreadable


class Command(RoerCommand):
    help = "Import initiatives from a csv, xlsx, ods or json file. Any bad row: nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--mapping", choices=sorted(MAPPINGS), default="rijks")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument("--user", required=True, help="Username of the person importing (rights are checked).")
        parser.add_argument(
            "--reference-date",
            type=datetime.date.fromisoformat,
            default=None,
            help="Peildatum (YYYY-MM-DD) the figures refer to; default today.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = get_user_model().objects.get(username=options["user"], is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No active user {options['user']!r}.") from None
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            outcome = run_import(
                path,
                options["mapping"],
                user,
                options["reference_date"] or datetime.date.today(),
                dry_run=options["dry_run"],
            )
        except Unreadable as exc:
            raise CommandError(str(exc)) from exc
        for line in outcome.notes:
            self.stdout.write(line)
        for problem in outcome.problems:
            self.stderr.write(str(problem))
        if outcome.problems:
            rows = sorted({p.row for p in outcome.problems})
            raise CommandError(
                f"Nothing was imported: {len(outcome.problems)} problem(s) in {len(rows)} row(s). "
                f"Fix or remove rows {_ranges(rows)} and try again."
            )
        made = ", ".join(f"{count} {what}" for what, count in sorted(outcome.created.items()) if count)
        verb = "Would import" if options["dry_run"] else "Imported"
        self.stdout.write(
            f"{verb}: {made or 'nothing'}"
            + (f"; new organisations: {', '.join(outcome.new_units)}" if outcome.new_units else "")
            + "."
        )


def _ranges(rows: list[int]) -> str:
    """1, 2, 3, 7 → '1-3, 7': long reports stay readable."""
    spans: list[list[int]] = []
    for row in rows:
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
