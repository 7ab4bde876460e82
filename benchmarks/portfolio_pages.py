"""Timings and SQL query counts of the initiative overview and the portfolio calendar (roadmap).

    .venv/bin/python benchmarks/portfolio_pages.py --initiatives 100
    .venv/bin/python benchmarks/portfolio_pages.py --initiatives 10000
    .venv/bin/python benchmarks/portfolio_pages.py --initiatives 10000 \
        --database-url postgresql://postgres@127.0.0.1:5432/roer_bench

Builds the database exactly as ``benchmarks/strategy_pages.py`` does (a temporary SQLite
file unless ``--database-url``, which may name a PostgreSQL database: create it empty
first, e.g. ``createdb -h 127.0.0.1 -U postgres roer_bench``; a second run reuses what
is loaded; 10,000 or more loads ``roer demo --size large``), then
renders the pages through Django's test client for the ministry's CIO and a
directorate-general's CIO, and prints the median and fastest of ``--runs`` runs after one
warm-up, in milliseconds, with the number of SQL queries of the last run.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from strategy_pages import PEOPLE, build, measure, parse_args, setup_django

PAGES = {
    "overview": "/initiatives/",
    "overview, phase filter": "/initiatives/?phase=execution",
    "overview, search and sort": "/initiatives/?q=a&sort=-name",
    "overview, size and warnings": "/initiatives/?size=m&warnings=any",
    "overview, rating and severity": "/initiatives/?rating=red&severity=red",
    "overview, computed rating and gap": "/initiatives/?computed=red&gap=rosier",
    "overview, independent rating, by size": "/initiatives/?independent=none&sort=-size",
    "overview, by worst warning": "/initiatives/?sort=-severity",
    "overview, CSV export (all rows)": "/initiatives/export.csv",
    "roadmap": "/initiatives/roadmap",
    "roadmap, phase and years": "/initiatives/roadmap?phase=execution&first_year=2024&last_year=2029",
    "roadmap, page 5": "/initiatives/roadmap?page=5",
}


def cases() -> list[tuple[str, str, Callable[[Any], Any]]]:
    from django.test import Client

    from roer.organisation.models import Person

    result: list[tuple[str, str, Callable[[Any], Any]]] = []
    for username in PEOPLE:
        client = Client(HTTP_HOST="localhost")
        client.force_login(Person.objects.get(username=username))
        for name, url in PAGES.items():
            result.append((username, name, lambda person, client=client, url=url: _ok(client.get(url))))
    return result


def _ok(response: Any) -> int:
    assert response.status_code == 200, response.status_code
    if response.streaming:  # the CSV export: read every row, as a download would
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    folder = None if args.database_url else tempfile.mkdtemp(prefix="roer-bench-")
    database_url = args.database_url or f"sqlite:///{Path(folder or '') / 'portfolio.sqlite3'}"
    setup_django(database_url)
    build(args.initiatives)
    from roer.portfolio.models import Baseline, Initiative

    print(f"{Initiative.objects.count():,} initiatives, {Baseline.objects.count():,} baselines")
    print(f"median and fastest of {args.runs} runs after one warm-up; queries per page\n")
    rows = [("person", "page", "median ms", "fastest ms", "queries")]
    for username, name, call in cases():
        median, fastest, queries = measure(username, call, args.runs)
        rows.append((username, name, f"{median:.1f}", f"{fastest:.1f}", str(queries)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if number == 0:
            print("  ".join("-" * w for w in widths))
    if folder and not args.keep:
        for path in Path(folder).iterdir():
            path.unlink()
        Path(folder).rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
