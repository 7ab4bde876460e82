"""``roer governance-deadlines``: move every proposal whose deadline has passed.

Run it from cron (every few minutes), or keep it running with ``--every SECONDS`` as a
service where there is no cron. The background worker (``roer worker``) runs the same
job on its own, so an installation with a worker needs neither. Running it more often
than needed is harmless: a proposal moves once.
"""

from __future__ import annotations

import signal
import threading
from argparse import ArgumentParser
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.management.base import CommandError
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from roer.core.management.base import RoerCommand
from roer.governance.services import flow

LABELS = (
    ("advice_lapsed", "advice deadline passed"),
    ("consensus", "decided by consensus"),
    ("escalated", "escalated to the mandate holder"),
    ("reminded", "reminder sent for an overdue escalated decision"),
)


def describe(report: flow.DeadlineReport) -> list[str]:
    """One line per kind of move, naming the proposals: ``escalated to the mandate holder: B-2026-0003``."""
    return [f"{label}: {', '.join(getattr(report, name))}" for name, label in LABELS if getattr(report, name)]


def loop(run: Callable[[], None], every: int, stop: threading.Event) -> None:
    """Call ``run`` every ``every`` seconds until ``stop`` is set; a database hiccup skips one round."""
    while not stop.is_set():
        run()
        stop.wait(every)


class Command(RoerCommand):
    help = (
        "Process the governance deadlines: advice that lapsed, votes that closed (consensus, or escalation to the "
        "mandate holder) and reminders for overdue escalated decisions. Prints what moved. Safe to run as often as "
        "you like; run it from cron, or keep it running with --every."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running and process the deadlines every SECONDS seconds, until stopped (Ctrl-C or SIGTERM).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every: int | None = options["every"]
        if every is None:
            self._report(flow.process_deadlines(), timezone.now(), quiet=False)
            return
        if every < 1:
            raise CommandError("--every needs an interval of at least one second.")
        stop = threading.Event()
        restore = None
        if threading.current_thread() is threading.main_thread():
            restore = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        unit = "second" if every == 1 else "seconds"
        self.stdout.write(f"Processing the governance deadlines every {every} {unit}; stop with Ctrl-C.")
        try:
            loop(self._round, every, stop)
        except KeyboardInterrupt:
            pass
        finally:
            if restore is not None:
                signal.signal(signal.SIGTERM, restore)
        self.stdout.write("Stopped.")

    def _round(self) -> None:
        _drop_stale_connections()
        try:
            self._report(flow.process_deadlines(), timezone.now(), quiet=True)
        except DatabaseError as exc:
            self.stderr.write(f"{_stamp(timezone.now())} the database refused the work, retrying next round: {exc}")
        finally:
            _drop_stale_connections()

    def _report(self, report: flow.DeadlineReport, moment: datetime, *, quiet: bool) -> None:
        lines = describe(report)
        if not lines:
            if not quiet:
                self.stdout.write("No deadlines have passed; nothing moved.")
            return
        prefix = f"{_stamp(moment)} " if quiet else ""
        for line in lines:
            self.stdout.write(prefix + line[0].upper() + line[1:])


def _drop_stale_connections() -> None:
    """A long-running process must not keep a connection the database dropped; but a connection inside
    a transaction (a test's) is in use, and closing it would break that transaction."""
    if not connection.in_atomic_block:
        close_old_connections()


def _stamp(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S %Z")
