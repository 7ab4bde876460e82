"""The background worker's loop: solve the oldest queued run, and run the periodic jobs when due.

``roer worker`` calls ``loop``; ``roer serve`` starts one worker beside gunicorn. Tests call
``iteration`` directly, never a process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import close_old_connections

from roer.audit.context import Source, acting
from roer.core import periodic
from roer.planning.models.scenarios import SolveRun
from roer.planning.services.runs import claim_next, execute, fail_abandoned

log = logging.getLogger("roer.worker")


@dataclass
class WorkerState:
    last_run: dict[str, float] = field(default_factory=dict)  # job name → monotonic time it last ran


def run_due_jobs(state: WorkerState, now: float | None = None) -> list[str]:
    """Run each periodic job whose interval has passed since it last ran (or never ran); their names."""
    moment = time.monotonic() if now is None else now
    ran = []
    for job in periodic.jobs():
        last = state.last_run.get(job.name)
        if last is not None and moment - last < job.every_seconds:
            continue
        state.last_run[job.name] = moment
        try:
            with acting(actor=None, source=Source.SYSTEM, label=f"worker:{job.name}"):
                job.run()
        except Exception:  # a failing job must not stop the solves or the other jobs
            log.exception("periodic job %s failed", job.name)
        ran.append(job.name)
    return ran


def iteration(state: WorkerState, now: float | None = None) -> SolveRun | None:
    """One turn of the loop: the periodic jobs that are due, then at most one queued solve."""
    run_due_jobs(state, now)
    fail_abandoned()
    run = claim_next()
    if run is not None:
        with acting(actor=None, source=Source.SYSTEM, label=f"worker:solve-run:{run.pk}"):
            execute(run)
    return run


def loop(stop: Callable[[], bool], idle_seconds: float = 2.0) -> None:
    state = WorkerState()
    while not stop():
        close_old_connections()  # a long-lived process: drop connections the database closed or that aged out
        if iteration(state) is None:
            time.sleep(idle_seconds)
