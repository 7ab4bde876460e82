"""``roer worker``: solve queued scenario runs in the background and run the periodic jobs.

``roer serve`` starts one beside gunicorn; run more on other machines with PostgreSQL
(each claims a different run). Stop with Ctrl+C or SIGTERM: the current solve finishes first.
"""

from __future__ import annotations

import signal
from argparse import ArgumentParser
from typing import Any

from roer.core.management.base import RoerCommand


class Command(RoerCommand):
    help = "Solve queued scenario runs and run the periodic jobs (deadline escalations and the like)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="One turn of the loop, then stop.")
        parser.add_argument(
            "--idle", type=float, default=2.0, help="Seconds to wait when nothing is queued (default 2)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from roer.planning.services import worker

        if options["once"]:
            run = worker.iteration(worker.WorkerState())
            self.stdout.write(f"Solved run {run.pk}: {run.state}." if run else "Nothing queued.")
            return
        stopping = {"now": False}

        def stop(signum: int, frame: Any) -> None:
            stopping["now"] = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("Roer worker: waiting for solve runs (stop with Ctrl+C).")
        self.stdout.flush()
        worker.loop(lambda: stopping["now"], idle_seconds=options["idle"])
        self.stdout.write("Roer worker stopped.")
