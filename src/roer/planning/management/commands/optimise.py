"""``roer optimise``: a thin wrapper; the command itself is ``roer.planning.cli``."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from roer.planning import cli


class Command(BaseCommand):
    help = "Choose which candidates to fund, and when: --input scenario.json --output plan.json"

    def add_arguments(self, parser: ArgumentParser) -> None:
        cli.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        code = cli.run(
            options["input"], options["output"], options["time_limit"], options["gap"], quiet=options["quiet"]
        )
        if code:
            raise SystemExit(code)
