"""Time ``roer import`` of a 10,000-row xlsx in the Rijks ICT-dashboard format (goal: under 30 s).

    .venv/bin/python benchmarks/import_xlsx.py
    .venv/bin/python benchmarks/import_xlsx.py --rows 1000 --keep
    .venv/bin/python benchmarks/import_xlsx.py --database-url postgresql://postgres@127.0.0.1:5432/roer_import

Generates a seeded xlsx with the 58 columns (costs per category, baselines, cumulative
spending, re-baseline reasons), migrates a fresh temporary SQLite database (or the empty
PostgreSQL database given with ``--database-url``: the import refuses rows that exist), creates
one superuser, and times ``roer import FILE`` as a separate process, the way a person
runs it, and prints wall-clock and CPU time (the CPU time is what a busy machine
does not inflate). The generated file is checked first with ``--dry-run`` (timed separately).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import resource
import subprocess  # noqa: S404  (runs roer itself, with fixed arguments)
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINISTRIES = (
    "Ministerie van Binnenlandse Zaken",
    "Ministerie van Financiën",
    "Ministerie van Defensie",
    "Ministerie van Justitie en Veiligheid",
    "Ministerie van Infrastructuur en Waterstaat",
)
STATUSES = ("Lopend", "Lopend", "Lopend", "Afgerond", "Heroriëntatie", "Geannuleerd")
CATEGORIES = ("InternPersoneel", "ExternPersoneel", "UitbesteedWerk", "Hardware", "Standaardsoftware")


def _row(number: int, rng: random.Random) -> dict[str, object]:
    start = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(2500))
    initial_end = start + datetime.timedelta(days=rng.randrange(365, 1800))
    current_end = initial_end + datetime.timedelta(days=rng.choice((0, 0, 90, 365, 700)))
    row: dict[str, object] = {
        "MinisterieNaam": rng.choice(MINISTRIES),
        "ProjectStatus": rng.choice(STATUSES),
        "Naam": f"ICT-activiteit {number:05d}",
        "SoortICTActiviteit": rng.choice(("Nieuwbouw", "Migratie", "Vervanging of vernieuwing")),
        "AantalBehaaldeMijlpalen": rng.randrange(4),
        "StartDatum": start,
        "SchattingEinddatumInitieel": initial_end,
        "SchattingEinddatumActueel": current_end,
        "RedenenHerijkingen": "Scope gewijzigd" if current_end != initial_end else None,
    }
    spent = Decimal(0)
    for category in CATEGORIES:
        initial = Decimal(rng.randrange(100, 5000)) * 1000
        current = initial * Decimal(rng.choice(("1", "1.1", "1.4")))
        actual = (current * Decimal(rng.choice(("0.2", "0.5", "0.9")))).quantize(Decimal(1))
        row |= {category + "Initieel": initial, category + "Actueel": current, category + "Daadwerkelijk": actual}
        spent += actual
    row |= {"CumulatieveKostenHuidigJaar": spent, "CumulatieveKostenVorigJaar": (spent * Decimal("0.6")).quantize(1)}
    return row


def _child_cpu() -> float:
    """CPU seconds of finished child processes: a figure a busy machine does not inflate."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary directory.")
    parser.add_argument(
        "--database-url",
        help="an empty PostgreSQL database, e.g. postgresql://postgres@127.0.0.1:5432/roer_import; "
        "default: a temporary SQLite file",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="roer-import-bench-"))
    env = os.environ | {
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "roer.conf.dev",
        "PYTHONPATH": str(ROOT / "src"),
    }
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.update(env)
    import django

    django.setup()
    from roer.publication.interchange.writers import write_xlsx

    rng = random.Random(2026)
    started = time.perf_counter()
    data = write_xlsx([_row(n, rng) for n in range(1, args.rows + 1)])
    source = workdir / "rijks.xlsx"
    source.write_bytes(data)
    print(f"generated {args.rows} rows ({len(data) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    roer = [sys.executable, "-m", "django"]
    subprocess.run([*roer, "migrate", "-v0"], env=env, check=True, capture_output=True)  # noqa: S603
    create = (
        "from roer.organisation.models import Person; "
        "Person.objects.filter(username='bench').exists() or "
        "Person.objects.create_superuser('bench', 'b@example.org', 'x')"
    )
    subprocess.run([*roer, "shell", "-c", create], env=env, check=True, capture_output=True)  # noqa: S603
    for label, extra in (("dry run", ["--dry-run"]), ("import", [])):
        started, cpu = time.perf_counter(), _child_cpu()
        done = subprocess.run(  # noqa: S603  (our own command, fixed arguments)
            [*roer, "import", str(source), "--user", "bench", *extra], env=env, capture_output=True, text=True
        )
        elapsed, cpu = time.perf_counter() - started, _child_cpu() - cpu
        print(f"{label}: {elapsed:.1f} s wall, {cpu:.1f} s CPU (exit {done.returncode})")
        print(f"  {done.stdout.strip().splitlines()[-1][:160]}")
        if done.returncode:
            print(done.stderr[-2000:])
            return 1
    print(f"goal: under 30 s for the import of {args.rows} rows")
    if not args.keep:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
