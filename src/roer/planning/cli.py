"""``roer optimise``: scenario JSON in, plan JSON out, progress on stderr.

Pure argparse, so it runs and is tested without Django; the management command
``roer optimise`` only hands its options to ``run``. Exit codes: 0 a plan was
found, 1 the scenario is infeasible (the plan file still says why), 2 the input
or the options are invalid, 3 an internal error (reported in one line).

Ctrl-C (SIGINT) during the search stops it: the best plan so far is still written,
and the exit code is that of the plan (0). A second Ctrl-C gives up at once (130,
nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from .optimiser import Optimiser, ScenarioError, parse_scenario

EXIT_OK, EXIT_INFEASIBLE, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3
PROG = "roer optimise"


class InputError(Exception):
    """The command cannot start: a file, its JSON, or an option is wrong."""


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"{text} must be more than 0 and at most 86400 seconds")
    return value


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a fraction") from None
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 0 and below 1 (0.001 is 0.1 %)")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input",
        required=True,
        metavar="SCENARIO",
        help="scenario JSON (docs/planning/scenario.schema.json); '-' reads standard input",
    )
    parser.add_argument(
        "--output", required=True, metavar="PLAN", help="where to write the plan JSON; '-' writes to standard output"
    )
    parser.add_argument(
        "--time-limit",
        type=_positive,
        default=60.0,
        metavar="SECONDS",
        help="stop and return the best plan found after this many seconds (default 60)",
    )
    parser.add_argument(
        "--gap",
        type=_fraction,
        default=1e-4,
        metavar="FRACTION",
        help="stop early once the plan is within this fraction of the bound (default 0.0001)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress display")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description="Choose which candidates to fund, and when.")
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage and the problem
        return EXIT_INVALID if exc.code else EXIT_OK
    return run(args.input, args.output, args.time_limit, args.gap, quiet=args.quiet)


def run(
    source: str,
    target: str,
    time_limit: float,
    gap: float,
    *,
    quiet: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Solve ``source`` into ``target``; ``stop()`` (besides Ctrl-C) ends the search early with the best plan."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        data = _read(source)
        scenario = parse_scenario(data)
    except (InputError, ScenarioError) as exc:
        err.write(f"{PROG}: {exc}\n")
        return EXIT_INVALID
    try:
        progress = None if quiet else _Progress(err, len(scenario.candidates), time_limit)
        with _interruptible(stop) as stopped:
            plan = Optimiser(scenario).solve(time_limit=time_limit, gap=gap, progress=progress, stop=stopped)
        if stopped.asked:
            err.write(f"{PROG}: stopped early on request; writing the best plan found so far\n")
        _write(target, plan.to_json(), out)
    except InputError as exc:
        err.write(f"{PROG}: {exc}\n")
        return EXIT_INVALID
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted; no plan written\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - the contract is one clear line, never a stack trace
        err.write(f"{PROG}: internal error ({type(exc).__name__}: {exc}); please report it with the scenario\n")
        return EXIT_INTERNAL
    if plan.status == "infeasible":
        err.write(f"{PROG}: infeasible: {plan.reason}\n")
        return EXIT_INFEASIBLE
    assert plan.gap is not None
    err.write(
        f"{PROG}: {plan.status}: {len(plan.funded)} of {len(scenario.candidates)} funded, objective "
        f"{plan.objective:,.2f}, within {100 * plan.gap:.3f} % of the bound, {plan.solve_seconds:.1f} s\n"
    )
    return EXIT_OK


class _Stopped:
    """The optimiser's ``stop``: Ctrl-C was pressed, or the caller's own ``stop()`` says so."""

    def __init__(self, stop: Callable[[], bool] | None) -> None:
        self.stop = stop
        self.asked = False

    def __call__(self) -> bool:
        if not self.asked and self.stop is not None:
            self.asked = bool(self.stop())
        return self.asked


@contextmanager
def _interruptible(stop: Callable[[], bool] | None) -> Iterator[_Stopped]:
    """During the search, the first Ctrl-C asks it to stop instead of killing the process; a second one does."""
    stopped = _Stopped(stop)
    if threading.current_thread() is not threading.main_thread():
        yield stopped  # signal handlers can only be set from the main thread
        return

    def on_interrupt(number: int, frame: Any) -> None:
        if stopped.asked:
            raise KeyboardInterrupt
        stopped.asked = True

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGINT, previous)


def _read(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source} is not UTF-8 text") from None
    try:
        # Decimal keeps euro amounts exact from the first byte.
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source} is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def _write(target: str, plan: dict[str, Any], out: TextIO) -> None:
    text = json.dumps(plan, indent=2, ensure_ascii=False) + "\n"
    if target == "-":
        out.write(text)
        return
    path = Path(target)
    try:
        # Write next to the target and rename: a reader never sees half a plan.
        fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None


class _Progress:
    """One line per step on stderr: elapsed time, what happens, the best plan against the bound."""

    def __init__(self, err: TextIO, candidates: int, limit: float) -> None:
        self.err = err
        self.bound: float | None = None
        self.err.write(f"{PROG}: {candidates} candidates, time limit {limit:g} s\n")

    def __call__(self, message: str, seconds: float, objective: float | None, bound: float | None) -> None:
        self.bound = bound if bound is not None else self.bound
        line = f"[{seconds:6.1f} s] {message}"
        if objective is not None:
            line += f": objective {objective:,.2f}"
            if self.bound:
                line += f" ({100 * objective / self.bound:.3f} % of the bound {self.bound:,.2f})"
        self.err.write(line + "\n")
        self.err.flush()


if __name__ == "__main__":
    sys.exit(main())
