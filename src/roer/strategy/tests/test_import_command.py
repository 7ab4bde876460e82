"""``roer import-measurements FILE --as USERNAME``: a clear message, a non-zero exit, nothing half done."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.models import Measurement
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import-measurements", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _file(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "metingen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_the_command_imports_as_the_person_and_says_what_it_did(world: World, goals: Goals, tmp_path: Path) -> None:
    path = _file(tmp_path, "kpi;date;value", f"{goals.kpi.pk};31-03-2025;52,5", f"{goals.kpi.pk};30-06-2025;53")
    out, _err = _run(path, "--as", "alice")
    assert "Imported 2 new and 0 replaced measurement(s) for 1 KPI(s)" in out
    event = AuditEvent.objects.filter(content_type__model="measurement").first()
    assert (event.source, event.actor) == ("import", world.alice)


def test_replace_and_unchanged_rows(world: World, goals: Goals, tmp_path: Path) -> None:
    path = _file(tmp_path, "kpi;date;value", f"{goals.kpi.pk};31-03-2025;52,5")
    _run(path, "--as", "alice")
    out, _err = _run(path, "--as", "alice", "--replace")
    assert "Imported 0 new and 0 replaced" in out and "1 row(s) matched the stored values already." in out


def test_problems_go_to_standard_error_and_the_command_fails(world: World, goals: Goals, tmp_path: Path) -> None:
    path = _file(tmp_path, "kpi;date;value", f"{goals.kpi.pk};31-03-2025;52,5", "Onbekend;2025-13-01;x")
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"Nothing was imported: 3 problems in .*metingen.csv") as info:
        call_command("import-measurements", path, "--as", "alice", stderr=err)
    assert info.value.returncode == 1
    assert err.getvalue().splitlines() == [
        "row 3, kpi: There is no KPI with this id or name in your scope: Onbekend.",
        "row 3, date: 2025-13-01 is not a date that exists.",
        "row 3, value: x is not a number; write e.g. 87,5 or 87.5.",
    ]
    assert not Measurement.objects.exists()


def test_an_unknown_person_or_file_is_a_clear_error(world: World, goals: Goals, tmp_path: Path) -> None:
    path = _file(tmp_path, "kpi;date;value", f"{goals.kpi.pk};31-03-2025;1")
    with pytest.raises(CommandError, match="no active person with user name nobody"):
        _run(path, "--as", "nobody")
    with pytest.raises(CommandError, match="Cannot read .*ontbreekt.csv: No such file or directory"):
        _run(str(tmp_path / "ontbreekt.csv"), "--as", "alice")
    with pytest.raises(CommandError, match="the following arguments are required: --as"):
        _run(path)
