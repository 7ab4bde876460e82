"""``roer demo``: load the demo organisation (and, with ``--size large``, 10,000 more initiatives)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from roer.core.management.base import RoerCommand
from roer.demo.builder import BuildReport, build_small, is_loaded
from roer.demo.large import LARGE_COUNT, add_large_portfolio
from roer.demo.large_network import add_large_network
from roer.demo.logins import login_table
from roer.demo.report import KINDS


class Command(RoerCommand):
    help = (
        "Load the demo organisation: an invented ministry with four directorates-general, a shared service "
        "organisation, people in every role, about 40 initiatives with their costs, goal trees, about 20 KPIs "
        "with two to three years of measurements, a CIO council and a portfolio board with proposals in every state, "
        "decisions, two binding frameworks and meetings, plus a municipality outside it. "
        "Adds what is missing and never changes existing rows, so running it again is safe."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--size",
            choices=["small", "large"],
            default="small",
            help=(
                f"small: the demo organisation; large: also {LARGE_COUNT:,} generated initiatives with goals, KPIs, "
                "measurements, contributions and cost lines, for benchmarks."
            ),
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Load nothing when the demo organisation exists already (used by `make run`); still print the logins.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even under production settings. The demo accounts share a published password.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if str(settings.SETTINGS_MODULE).endswith("production") and not options["allow_production"]:
            raise CommandError(
                "Refusing to load the demo under production settings: its accounts share a published password. "
                "Pass --allow-production if you really mean it."
            )
        if options["once"] and is_loaded():
            self.stdout.write("The demo organisation is loaded already; nothing changed.")
        else:
            self._report("Demo organisation", build_small())
        if options["size"] == "large":
            progress = options["verbosity"] > 0
            added = add_large_portfolio(LARGE_COUNT, progress=progress)
            self.stdout.write(f"Large demo: {added:,} generated initiatives added ({LARGE_COUNT:,} in total).")
            network = add_large_network(LARGE_COUNT, progress=progress)
            parts = [f"{network[kind]:,} {kind}" for kind in KINDS + ("goal links",) if network[kind]]
            self.stdout.write("Large demo network: " + (", ".join(parts) + " added." if parts else "complete already."))
        if options["verbosity"] > 0:
            self.stdout.write("")
            self.stdout.write(login_table(timezone.localdate()))

    def _report(self, title: str, report: BuildReport) -> None:
        parts = [f"{report.created[kind]:,} {kind} added" for kind in KINDS if report.created[kind]]
        if not parts:
            self.stdout.write(f"{title}: complete already; nothing added.")
        else:
            self.stdout.write(self.style.SUCCESS(f"{title}: " + ", ".join(parts) + "."))
