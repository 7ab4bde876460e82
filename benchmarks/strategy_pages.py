"""Timings and SQL query counts of the goal–effort analyses behind the goal, orphan and network pages.

    .venv/bin/python benchmarks/strategy_pages.py --initiatives 100
    .venv/bin/python benchmarks/strategy_pages.py --initiatives 10000
    .venv/bin/python benchmarks/strategy_pages.py --initiatives 10000 --database-url postgres://user:pw@host/db

Builds a database first: a temporary SQLite file (removed afterwards unless ``--keep``),
or the PostgreSQL database given with ``--database-url`` (it should be empty or hold
only the demo: loading adds what is missing and never removes anything). It is
migrated and loaded with the small demo; ``--initiatives N`` below 10,000 adds
generated initiatives until there are about N in total (with their goals, KPIs,
contributions and cost lines), and 10,000 or more loads ``roer demo --size large``.

Then it times ``roer.strategy.analyses.goal_overview``, ``orphans`` and ``network``, and the
goal list, goal, orphan and network pages as a whole (rendered through Django's test client),
for two people — the ministry's CIO (everything in the ministry) and a
directorate-general's CIO (a quarter of it) — and prints the median and the fastest
of ``--runs`` runs after one warm-up, in milliseconds, with the number of SQL
queries. Query sets that an analysis returns unevaluated are evaluated in full, as a
page listing them would.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The ministry's CIO sees the whole ministry; the CIO of DG Digitale Overheid a quarter of it.
PEOPLE = ("marieke", "joost")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--initiatives", type=int, default=100, help="about how many initiatives (default 100)")
    parser.add_argument("--database-url", help="a PostgreSQL URL; default: a temporary SQLite file")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per analysis (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file and print its path")
    return parser.parse_args(argv)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "roer.conf.test"  # fast password hashing for the demo accounts
    import django

    django.setup()


def build(initiatives: int) -> None:
    from django.core.management import call_command

    from roer.audit.context import Source, acting
    from roer.demo.builder import build_small
    from roer.demo.large import LARGE_COUNT, PREFIX, add_large_portfolio
    from roer.demo.large_network import add_large_network
    from roer.portfolio.models import Initiative

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with acting(source=Source.COMMAND, label="command:benchmark"):
        build_small()
        small = Initiative.objects.exclude(code__startswith=PREFIX).count()
        generated = LARGE_COUNT if initiatives >= LARGE_COUNT else max(0, initiatives - small)
        if generated:
            add_large_portfolio(generated, progress=True)
            add_large_network(generated, progress=True)
    print(f"Database built in {time.perf_counter() - started:.1f} s.", file=sys.stderr)


def force(value: Any) -> Any:
    """Evaluate every query set inside an analysis result, as a page would when it lists them."""
    from django.db.models import QuerySet

    if isinstance(value, QuerySet):
        return [force(row) for row in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [force(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (list, tuple)):
        return [force(item) for item in value]
    return value


def measure(username: str, call: Callable[[Any], Any], runs: int) -> tuple[float, float, int]:
    """(median ms, fastest ms, queries of the last run) over ``runs`` runs after one warm-up.

    Each run gets the person freshly from the database (outside the timing), so that
    nothing cached on the user object from an earlier run is reused, as in a new request.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from roer.organisation.models import Person

    force(call(Person.objects.get(username=username)))
    timings = []
    queries = 0
    for _ in range(runs):
        person = Person.objects.get(username=username)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            force(call(person))
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured.captured_queries)
    return statistics.median(timings), min(timings), queries


def cases() -> list[tuple[str, str, Callable[[Any], Any]]]:
    from django.db.models import Count

    from roer.strategy.analyses import goal_overview, network, orphans
    from roer.strategy.models import Goal, GoalLevel

    ambition = Goal.objects.filter(org_unit__code="bdz", level=GoalLevel.AMBITION).order_by("pk").first()
    busiest = (
        Goal.objects.filter(level=GoalLevel.OBJECTIVE).annotate(n=Count("contributions")).order_by("-n", "pk").first()
    )
    assert ambition is not None and busiest is not None, "the demo is not loaded"
    result: list[tuple[str, str, Callable[[Any], Any]]] = []
    for username in PEOPLE:
        result += [
            (username, "goal_overview (ministry ambition)", lambda person: goal_overview(person, ambition)),
            (username, "goal_overview (busiest objective)", lambda person: goal_overview(person, busiest)),
            (username, "orphans", orphans),
            (username, "network", network),
        ]
    return result + page_cases(ambition.pk)


def page_cases(ambition_id: int) -> list[tuple[str, str, Callable[[Any], Any]]]:
    """The same analyses as whole pages: request, queries, template and chart data, through Django's test client."""
    from django.test import Client
    from django.urls import reverse

    from roer.organisation.models import Person

    pages = {
        "page: goal list": reverse("strategy:goal-list"),
        "page: goal (ministry ambition)": reverse("strategy:goal-detail", args=[ambition_id]),
        "page: orphans": reverse("strategy:orphans"),
        "page: network": reverse("strategy:network"),
    }
    result: list[tuple[str, str, Callable[[Any], Any]]] = []
    for username in PEOPLE:
        client = Client(HTTP_HOST="localhost")
        client.force_login(Person.objects.get(username=username))
        for name, url in pages.items():
            result.append((username, name, lambda person, client=client, url=url: _ok(client.get(url))))
    return result


def _ok(response: Any) -> int:
    assert response.status_code == 200, response.status_code
    return len(response.content)


def sizes() -> str:
    from django.db import connection

    from roer.portfolio.models import CostLine, Initiative
    from roer.strategy.models import KPI, Contribution, Goal, Measurement

    counted = {
        "initiatives": Initiative.objects.count(),
        "goals": Goal.objects.count(),
        "KPIs": KPI.objects.count(),
        "measurements": Measurement.objects.count(),
        "contributions": Contribution.objects.count(),
        "cost lines": CostLine.objects.count(),
    }
    return f"{connection.vendor}: " + ", ".join(f"{n:,} {kind}" for kind, n in counted.items())


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    folder = None if args.database_url else tempfile.mkdtemp(prefix="roer-bench-")
    database_url = args.database_url or f"sqlite:///{Path(folder or '') / 'strategy.sqlite3'}"
    setup_django(database_url)
    build(args.initiatives)
    print(sizes())
    print(f"median and fastest of {args.runs} runs after one warm-up; queries per call\n")
    rows = [("person", "analysis", "median ms", "fastest ms", "queries")]
    for username, name, call in cases():
        median, fastest, queries = measure(username, call, args.runs)
        rows.append((username, name, f"{median:.1f}", f"{fastest:.1f}", str(queries)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print(
            "  ".join(
                cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * w for w in widths))
    if folder and args.keep:
        print(f"\nDatabase kept: {database_url}")
    elif folder:
        for path in Path(folder).iterdir():
            path.unlink()
        Path(folder).rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
