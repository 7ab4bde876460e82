"""Acceptance: export the demo portfolio, import it into an empty portfolio, export again: identical."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.audit.models import AuditEvent
from roer.organisation.tests.factories import PersonFactory
from roer.portfolio.models import Baseline, BaselineCost, BaselineKind, Initiative, Milestone
from roer.publication.interchange.readers import READERS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _portfolio_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo without its governance story: decisions are immutable and hold on to their initiatives,
    so the portfolio could not be emptied for the import. The open data carries no governance anyway."""
    monkeypatch.setattr("roer.demo.builder.add_governance", lambda *args: None)


REFERENCE = "2026-06-30"
SUPERUSER = "beheer"


def export(fmt: str, path: Path) -> bytes:
    call_command("export", "--format", fmt, "--output", str(path), "--reference-date", REFERENCE, stdout=StringIO())
    return path.read_bytes()


def import_file(path: Path, *extra: str) -> str:
    out = StringIO()
    call_command(
        "import", str(path), "--user", SUPERUSER, "--reference-date", REFERENCE, *extra, stdout=out, stderr=StringIO()
    )
    return out.getvalue()


def _add_baselines() -> None:
    """The demo has no baselines: give one initiative an initial plan and a re-baseline, and a milestone."""
    initiative = Initiative.objects.filter(baselines=None).order_by("code").first()
    assert initiative is not None
    start = datetime.date(2024, 1, 1)
    person = PersonFactory(username="planner")
    for number, (end, reason, total) in enumerate(
        [(datetime.date(2026, 12, 31), "", "1000000"), (datetime.date(2027, 6, 30), "Scope erbij", "1200000")]
    ):
        baseline = Baseline.objects.create(
            initiative=initiative,
            number=number,
            kind=BaselineKind.REBASELINE if number else BaselineKind.INITIAL,
            recorded_on=datetime.date(2026, 3, 1) if number else start,
            start_date=start,
            end_date=end,
            reason=reason,
            recorded_by=person,
        )
        BaselineCost.objects.create(baseline=baseline, category="internal_staff", amount=Decimal(total))
    Milestone.objects.create(initiative=initiative, description="Go", expected_on=start, achieved=True)


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv", "json"])
def test_export_import_export_is_identical(fmt: str, tmp_path: Path) -> None:
    call_command("demo", stdout=StringIO())
    _add_baselines()
    first = export(fmt, tmp_path / f"first.{fmt}")
    count = Initiative.objects.count()
    Initiative.objects.all().delete()  # an empty portfolio; the organisation stays
    assert "Imported" in import_file(tmp_path / f"first.{fmt}")
    assert Initiative.objects.count() == count
    second = export(fmt, tmp_path / f"second.{fmt}")
    if fmt in ("csv", "json"):
        assert first == second
    else:  # spreadsheets are zip files with timestamps inside: compare every cell instead
        read = READERS[f".{fmt}"]
        assert read(first) == read(second)
    assert AuditEvent.objects.filter(source="import", object_id="import").exists()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    call_command("demo", stdout=StringIO())
    export("csv", tmp_path / "all.csv")
    Initiative.objects.all().delete()
    report = import_file(tmp_path / "all.csv", "--dry-run")
    assert "Would import" in report
    assert Initiative.objects.count() == 0


def test_importing_the_export_again_adds_nothing_twice(tmp_path: Path) -> None:
    call_command("demo", stdout=StringIO())
    export("csv", tmp_path / "all.csv")
    count = Initiative.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported"):
        import_file(tmp_path / "all.csv")
    assert Initiative.objects.count() == count
