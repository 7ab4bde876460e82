"""``roer openapi``: write the OpenAPI document to ``docs/api/openapi.json``, or check that it is current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from roer.api.openapi import REGENERATE, committed_path, generate, render


class Command(BaseCommand):
    help = "Write the OpenAPI document of the API (docs/api/openapi.json), or check that it is up to date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, default=None, help="File to write; default docs/api/openapi.json.")
        parser.add_argument("--check", action="store_true", help="Only check; exit 1 when the file is out of date.")

    def handle(self, *args: Any, output: Path | None, check: bool, **options: Any) -> None:
        path = output or committed_path()
        text = render(generate())
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(
                    _("%(path)s is out of date; run %(command)s.") % {"path": path, "command": REGENERATE}
                )
            self.stdout.write(_("%(path)s is up to date.") % {"path": path})
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.stdout.write(_("Wrote %(path)s.") % {"path": path})
