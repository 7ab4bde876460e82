"""Periodic jobs that the background worker (``roer worker``) runs on a fixed interval.

Apps register their jobs in ``AppConfig.ready``; the worker calls each job when its
interval has passed. A job is a plain function without arguments; it must be safe to run
twice (the worker may restart) and quick (long work belongs in a queued task).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: int
    run: Callable[[], object]


_JOBS: dict[str, Job] = {}


def register(name: str, every_seconds: int, run: Callable[[], object]) -> None:
    if every_seconds < 1:
        raise ValueError("a periodic job needs an interval of at least one second")
    _JOBS[name] = Job(name, every_seconds, run)


def jobs() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda job: job.name)
