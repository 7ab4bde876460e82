"""The dirty US IT Dashboard file: normalise what is safe, refuse what is not, name the rows to fix."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative

pytestmark = pytest.mark.django_db
EXCERPT = Path(__file__).parent / "data" / "us_excerpt.csv"
FULL = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "us_itdashboard_projects_2012" / "dataset.csv"
BAD_ROWS = {9, 10, 11, 12, 13, 14, 15, 16, 17}


@pytest.fixture
def importer(db: None) -> str:
    from roer.organisation.tests.factories import PersonFactory

    PersonFactory(username="importer", is_superuser=True, is_staff=True)
    return "importer"


def run(path: Path, user: str, *extra: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(
        "import",
        str(path),
        "--mapping",
        "us-itdashboard",
        "--user",
        user,
        "--reference-date",
        "2012-06-30",
        *extra,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def without_rows(source: Path, rows: set[int], target: Path) -> Path:
    """The file as the report says to filter it: the named rows (record start lines) left out."""
    text = source.read_text(encoding="utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = text.splitlines(keepends=True)
    keep: list[str] = []
    start = 1
    for _cells in reader:
        if start not in rows:
            keep += lines[start - 1 : reader.line_num]
        start = reader.line_num + 1
    target.write_text("".join(keep), encoding="utf-8")
    return target


def reported_rows(err: str) -> set[int]:
    return {int(n) for n in re.findall(r"^row (\d+),", err, flags=re.MULTILINE)}


def test_excerpt_is_refused_whole_with_every_bad_row_named(importer: str) -> None:
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import", str(EXCERPT), "--mapping", "us-itdashboard", "--user", importer, stdout=StringIO(), stderr=err
        )
    assert reported_rows(err.getvalue()) == BAD_ROWS
    assert Initiative.objects.count() == 0
    report = err.getvalue()
    for reason in (
        "shifted",
        "ambiguous agency",
        "not a number",
        "not a date",
        "ambiguous date",
        "start date",
        "unknown agency",
    ):
        assert reason in report


def test_filtered_excerpt_imports_and_is_normalised(importer: str, tmp_path: Path) -> None:
    out, _err = run(without_rows(EXCERPT, BAD_ROWS, tmp_path / "fixed.csv"), importer)
    assert "Imported" in out
    assert Initiative.objects.count() == 4
    assert set(OrgUnit.objects.values_list("name", flat=True)) == {
        "Department of Agriculture",
        "Department of Transportation",
    }
    loan = Initiative.objects.get(name="Loan Information & Delivery (T3)")
    initial = loan.baselines.get(number=0)
    assert initial.costs.get().amount == Decimal("2306000.00")
    dates = Initiative.objects.get(name="Date Variants (T4)").baselines.get(number=0)
    assert (dates.start_date.isoformat(), dates.end_date.isoformat()) == ("2011-10-01", "2012-09-30")
    assert "Agency Project ID" not in loan.description and "Unique Investment Identifier: 900-000000002" in (
        loan.description
    )


def test_dry_run_reports_and_writes_nothing(importer: str, tmp_path: Path) -> None:
    out, _err = run(without_rows(EXCERPT, BAD_ROWS, tmp_path / "fixed.csv"), importer, "--dry-run")
    assert "Would import: 4 initiatives" in out
    assert Initiative.objects.count() == 0


@pytest.mark.slow
@pytest.mark.skipif(not FULL.is_file(), reason="the shared US data file is not beside the clone")
def test_full_file_reports_bad_rows_then_imports_the_rest(importer: str, tmp_path: Path) -> None:
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import", str(FULL), "--mapping", "us-itdashboard", "--user", importer, stdout=StringIO(), stderr=err
        )
    assert Initiative.objects.count() == 0
    bad = reported_rows(err.getvalue())
    reasons = Counter(line.split(": ", 1)[1].split(" '")[0][:40] for line in err.getvalue().splitlines())
    assert len(bad) > 300, reasons
    out, _err = run(without_rows(FULL, bad, tmp_path / "filtered.csv"), importer)
    assert "Imported" in out
    assert Initiative.objects.count() > 1500
