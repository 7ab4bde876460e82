"""roer export --format csv|xlsx|ods|json --output FILE: the portfolio in the Rijks open-data format."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from roer.core.management.base import RoerCommand
from roer.portfolio.models import Initiative
from roer.publication.interchange.figures import rijks_rows
from roer.publication.interchange.writers import FORMATS, WRITERS


class Command(RoerCommand):
    help = "Export every initiative with the 58 columns of the Rijks ICT-dashboard open data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--output", required=True, help="File to write; '-' for standard output (csv, json).")
        parser.add_argument(
            "--reference-date",
            type=datetime.date.fromisoformat,
            default=None,
            help="Peildatum (YYYY-MM-DD) for 'this year' and 'last year'; default today.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        reference = options["reference_date"] or datetime.date.today()
        rows = rijks_rows(Initiative.objects.all(), reference)
        data = WRITERS[options["format"]](rows)
        if options["output"] == "-":
            if options["format"] in ("xlsx", "ods"):
                raise CommandError("Spreadsheets cannot go to standard output; give a file name.")
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        try:
            Path(options["output"]).write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {options['output']}: {exc.strerror}") from exc
        self.stdout.write(f"Exported {len(rows)} initiatives to {options['output']}.")
