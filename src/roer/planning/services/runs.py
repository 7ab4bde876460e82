"""Solve runs: queued by a person, solved by the worker (``roer worker``) with progress written as it goes.

The run keeps the scenario exactly as it was solved (the optimiser's JSON), the plan, and
the efficient frontier: the LP bound and a quick plan at budget levels from 60 % to 140 %.

A person may stop a run (``request_stop``): a queued run ends at once without a plan; a
running run's search ends within about half a second with the best plan so far, and the
frontier levels not yet traced are skipped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from roer.planning.models.scenarios import RunState, Scenario, SolveRun, StopRequest
from roer.planning.optimiser import Optimiser, ScenarioError, parse_scenario
from roer.planning.optimiser.money import cents_to_json, to_cents
from roer.planning.services.build import build
from roer.planning.services.scenarios import require_change
from roer.planning.services.texts import DONE, STARTING, TRACING, WAITING, progress_record

FRONTIER_FACTORS = (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4)
PLAN_SHARE = 0.75  # of the time limit for the plan itself; the rest for the frontier
WRITE_EVERY = 0.5  # seconds between progress writes
# Stored on the run in English like the texts of ``texts``, translated when shown.
STOPPED_BEFORE_START = gettext_noop("Stopped before the worker began")
STOPPED_EARLY = gettext_noop("Stopped early")


def queue_run(user: Any, scenario: Scenario, time_limit: int = 30) -> SolveRun:
    """Snapshot the scenario as the portfolio stands now and queue it for the worker."""
    require_change(user, scenario)
    built = build(scenario)
    run = SolveRun(
        scenario=scenario,
        requested_by=user,
        time_limit=time_limit,
        scenario_json=built.data,
        candidates=built.details,
        skipped=built.skipped,
        progress_text=WAITING,
    )
    try:
        parse_scenario(built.data)
    except ScenarioError as exc:
        run.state = RunState.FAILED
        run.error = str(exc)
        run.finished_at = timezone.now()
    run.save()
    return run


def _write(run: SolveRun, **values: Any) -> None:
    # Progress only: a derived record, rewritten many times, not audited (see SolveRun).
    SolveRun.objects.filter(pk=run.pk).update(**values)
    for name, value in values.items():
        setattr(run, name, value)


@dataclass
class _Reporter:
    run: SolveRun
    time_limit: float
    last: float = 0.0

    def __call__(self, message: str, seconds: float, objective: float | None, bound: float | None) -> None:
        now = time.monotonic()
        if now - self.last < WRITE_EVERY and message != "done":
            return
        self.last = now
        percent = min(74, int(75 * seconds / max(self.time_limit, 0.001)))
        text = progress_record(message, objective, bound)
        _write(self.run, progress_percent=max(self.run.progress_percent, percent), progress_text=text[:300])


def frontier(
    data: dict[str, Any], time_per_level: float, progress: Any = None, stop: Callable[[], bool] | None = None
) -> list[dict[str, Any]]:
    """Value against budget: for each budget level, the LP bound (a warm re-solve) and a quick plan.

    When ``stop()`` says so, the levels not yet traced are skipped: the points so far are returned.
    """
    scenario = parse_scenario(data)
    bounds = Optimiser(scenario)
    base = [to_cents(b) for b in data["budgetPerYear"]]
    points = []
    for number, factor in enumerate(FRONTIER_FACTORS):
        if stop is not None and stop():
            break
        budgets = [int(round(cents * factor)) for cents in base]
        bound = bounds.resolve_bound([Decimal(c).scaleb(-2) for c in budgets])
        scaled = dict(data, budgetPerYear=[cents_to_json(c) for c in budgets])
        plan = Optimiser(parse_scenario(scaled)).solve(time_limit=time_per_level, stop=stop)
        points.append(
            {
                "factor": factor,
                "budget": cents_to_json(sum(budgets)),
                "bound": None if bound is None else round(bound, 6),
                "objective": plan.objective if plan.status != "infeasible" else None,
                "funded": len(plan.funded),
                "status": plan.status,
            }
        )
        if progress:
            progress(number + 1, len(FRONTIER_FACTORS))
    return points


@dataclass
class StopAsked:
    """The worker's ``stop`` for the optimiser: has someone asked to stop the run? Once yes, always yes."""

    run_id: int
    asked: bool = False

    def __call__(self) -> bool:
        if not self.asked:
            self.asked = StopRequest.objects.filter(run_id=self.run_id).exists()
        return self.asked


def execute(run: SolveRun) -> SolveRun:
    """Solve ``run`` (already marked running): the plan, then the frontier; failures end in state failed.

    A stop request ends the search with the best plan so far and skips the rest of the frontier;
    the run still ends done, with that plan.
    """
    stop = StopAsked(run.pk)
    try:
        scenario = parse_scenario(run.scenario_json)
        reporter = _Reporter(run, run.time_limit * PLAN_SHARE)
        plan = Optimiser(scenario).solve(time_limit=run.time_limit * PLAN_SHARE, progress=reporter, stop=stop)
        _write(run, plan_json=plan.to_json(), progress_percent=75, progress_text=TRACING)
        if plan.status != "infeasible" and run.scenario_json["candidates"] and not stop():
            per_level = max(0.2, run.time_limit * (1 - PLAN_SHARE) / len(FRONTIER_FACTORS))

            def step(done: int, total: int) -> None:
                _write(
                    run,
                    progress_percent=75 + int(25 * done / total),
                    progress_text=TRACING,
                )

            _write(run, frontier=frontier(run.scenario_json, per_level, step, stop))
        text = STOPPED_EARLY if stop.asked else DONE
        _write(run, state=RunState.DONE, progress_percent=100, progress_text=text, finished_at=timezone.now())
    except Exception as exc:  # noqa: BLE001  (any failure is reported on the run page, never lost)
        _write(run, state=RunState.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now())
    return run


def request_stop(user: Any, run: SolveRun) -> SolveRun:
    """Ask to stop ``run``: queued, it ends at once as stopped (no plan); running, the worker ends it
    with the best plan so far. Asking again, or once the run has finished, changes nothing."""
    require_change(user, run.scenario)
    with transaction.atomic():
        stored = SolveRun.objects.select_for_update().get(pk=run.pk)
        if stored.finished or StopRequest.objects.filter(run=stored).exists():
            return stored
        try:
            with transaction.atomic():
                StopRequest.objects.create(run=stored, requested_by=user)  # the audited record of who and when
        except IntegrityError:  # someone else asked at the same moment: theirs stands
            return stored
        # Not yet claimed: it ends here. The state in the filter makes a worker's claim and this exclusive;
        # a run claimed meanwhile sees the request at its first stop check.
        SolveRun.objects.filter(pk=stored.pk, state=RunState.QUEUED).update(
            state=RunState.STOPPED, progress_text=STOPPED_BEFORE_START, finished_at=timezone.now()
        )
    stored.refresh_from_db()
    return stored


def claim_next() -> SolveRun | None:
    """The oldest queued run, marked running; on PostgreSQL several workers skip each other's rows."""
    from django.db import connection

    with transaction.atomic():
        queued = SolveRun.objects.filter(state=RunState.QUEUED).order_by("created_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            queued = queued.select_for_update(skip_locked=True)
        run = queued.first()
        if run is None:
            return None
        # The state in the filter makes the claim safe on SQLite too: only one update can win.
        claimed = SolveRun.objects.filter(pk=run.pk, state=RunState.QUEUED).update(
            state=RunState.RUNNING, started_at=timezone.now(), progress_text=STARTING
        )
    if not claimed:
        return None
    run.refresh_from_db()
    return run


def fail_abandoned(grace_seconds: int = 600) -> int:
    """Runs left running past their time limit plus a grace period (a worker that stopped) are failed."""
    count = 0
    now = timezone.now()
    for run in SolveRun.objects.filter(state=RunState.RUNNING, started_at__isnull=False):
        assert run.started_at is not None
        if (now - run.started_at).total_seconds() > run.time_limit + grace_seconds:
            _write(run, state=RunState.FAILED, error=_("The worker stopped during this solve."), finished_at=now)
            count += 1
    return count
