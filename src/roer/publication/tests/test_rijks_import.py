"""The rijks mapping: every bad row and column named, nothing written, and rights checked."""

from __future__ import annotations

import csv
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.conftest import World
from roer.portfolio.models import Initiative
from roer.publication.interchange.columns import COLUMNS

pytestmark = pytest.mark.django_db


def write(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.label for c in COLUMNS])
    for row in rows:
        writer.writerow([row.get(c.field, "") for c in COLUMNS])
    path = tmp_path / "rijks.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


GOOD = {
    "MinisterieNaam": "Ministerie van Binnenzaken",
    "ProjectStatus": "Lopend",
    "Naam": "Nieuw register",
    "StartDatum": "2024-01-01",
    "SchattingEinddatumInitieel": "2026-12-31",
    "InternPersoneelInitieel": "100000.00",
    "InternPersoneelActueel": "120000.00",
    "InternPersoneelDaadwerkelijk": "50000.00",
    "CumulatieveKostenHuidigJaar": "50000.00",
    "CumulatieveKostenVorigJaar": "30000.00",
}


def run(path: Path, user: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", str(path), "--user", user, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_bad_row_refuses_the_file_and_names_row_and_column(world: World, tmp_path: Path) -> None:
    bad = GOOD | {"Naam": "Tweede", "StartDatum": "31-12-2024", "ProjectStatus": "Bezig"}
    err = StringIO()
    with pytest.raises(CommandError, match=r"Fix or remove rows 3 and try again"):
        call_command("import", str(write(tmp_path, [GOOD, bad])), "--user", "frank", stdout=StringIO(), stderr=err)
    assert "row 3, Startdatum: not a date as YYYY-MM-DD" in err.getvalue()
    assert "row 3, Status: unknown status" in err.getvalue()
    assert not Initiative.objects.filter(name="Nieuw register").exists()


def test_frank_imports_into_his_ministry_and_the_figures_survive(world: World, tmp_path: Path) -> None:
    out, _err = run(write(tmp_path, [GOOD]), "frank")  # the functional administrator of the ministry
    assert "Imported" in out
    initiative = Initiative.objects.get(name="Nieuw register")
    assert initiative.code.startswith("MINBZ-") and initiative.phase == "execution"
    assert initiative.baselines.get(number=0).costs.get().amount == 100000


def test_charlie_may_not_import_into_the_ministry(world: World, tmp_path: Path) -> None:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(write(tmp_path, [GOOD])), "--user", "charlie", stdout=StringIO(), stderr=err)
    assert "you may not add initiatives here" in err.getvalue()
    assert Initiative.objects.count() == 2


def test_duplicate_names_and_unknown_columns_are_reported(world: World, tmp_path: Path) -> None:
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(write(tmp_path, [GOOD, GOOD])), "--user", "frank", stdout=StringIO(), stderr=err)
    assert "row 3, ICT-activiteit: same name as row 2" in err.getvalue()
    path = tmp_path / "odd.csv"
    path.write_text("Ministerie (naam),Kleur\nX,rood\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(path), "--user", "frank", stdout=StringIO(), stderr=err)
    assert "Kleur: unknown column" in err.getvalue() and "ICT-activiteit: required column is missing" in err.getvalue()
