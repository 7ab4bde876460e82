"""``roer config-docs``: write the configuration reference from the declarations in ``roer.conf``."""

from __future__ import annotations

import importlib
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from roer.conf.environment import render_reference
from roer.core.management.base import RoerCommand

DEFAULT_TARGET = Path(settings.PROJECT_DIR) / "docs" / "configuration.md"


def reference() -> str:
    """The reference for every environment.

    ``base`` (and the includes it imports) declares every variable; the other
    settings modules only adjust values. Importing ``production`` would demand
    production secrets, so it is deliberately not imported here.
    """
    importlib.import_module("roer.conf.base")
    return render_reference()


class Command(RoerCommand):
    help = "Write docs/configuration.md from the environment variables declared in roer.conf."
    requires_migrated_database = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--output", type=Path, default=DEFAULT_TARGET, help="File to write (default: %(default)s).")
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; exit with status 1 when the file is out of date."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["output"]
        text = reference()
        if options["check"]:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                raise CommandError(f"{target} is out of date: run `roer config-docs` (or `make docs`).")
            self.stdout.write(f"{target} is up to date.")
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {target}: {exc.strerror}.") from exc
        self.stdout.write(f"Wrote {target}.")
