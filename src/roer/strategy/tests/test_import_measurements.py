"""Importing measurements from self-made CSV and xlsx files: all or nothing, every problem reported."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import Workbook

from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.strategy.imports import ImportFailed, import_measurements
from roer.strategy.imports import measurements as importer
from roer.strategy.models import Measurement
from roer.strategy.tests.factories import KpiFactory, MeasurementFactory
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def _csv(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _xlsx(*rows: list[Any]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _problems(user: Any, data: bytes, filename: str = "metingen.csv", **options: Any) -> list[tuple[int, str, str]]:
    with pytest.raises(ImportFailed) as info:
        import_measurements(user, data, filename, **options)
    return [(problem.row, problem.column, problem.message) for problem in info.value.problems]


def _values(kpi: Any) -> list[tuple[datetime.date, Decimal]]:
    return list(Measurement.objects.filter(kpi=kpi).order_by("measured_on").values_list("measured_on", "value"))


def test_a_dutch_csv_by_kpi_name_and_id_is_imported_and_audited_as_an_import(world: World, goals: Goals) -> None:
    data = _csv(
        "kpi;date;value;source;note",
        f"{goals.kpi.name};31-03-2025;52,5;Logius;eerste kwartaal",
        f"{goals.kpi.pk};2025-06-30;55.25;Logius;",
    )
    result = import_measurements(world.alice, data, "metingen.csv")
    assert (result.created, result.replaced, result.kpis) == (2, 0, 1)
    assert _values(goals.kpi) == [
        (datetime.date(2025, 3, 31), Decimal("52.5")),
        (datetime.date(2025, 6, 30), Decimal("55.25")),
    ]
    events = AuditEvent.objects.filter(content_type__model="measurement")
    expected = {("create", "import", world.alice, "alice")}
    assert {(event.action, event.source, event.actor, event.actor_label) for event in events} == expected
    assert len({event.request_id for event in events}) == 1  # one import, one request id to find it by
    assert Measurement.objects.get(measured_on=datetime.date(2025, 3, 31)).note == "eerste kwartaal"


def test_an_xlsx_with_date_and_number_cells(world: World, goals: Goals) -> None:
    data = _xlsx(
        ["KPI", "Date", "Value", "Note"],
        [goals.kpi.pk, datetime.datetime(2025, 3, 31), 52.5, "uit het dashboard"],
        [goals.kpi.name, "30-06-2025", "55,1", None],
        [None, None, None, None],  # an empty row is skipped
        [float(goals.kpi.pk), datetime.date(2025, 9, 30), 57, None],
    )
    assert import_measurements(world.alice, data, "metingen.xlsx").created == 3
    assert [value for _day, value in _values(goals.kpi)] == [Decimal("52.5"), Decimal("55.1"), Decimal("57")]


def test_dutch_headers_tabs_a_byte_order_mark_and_windows_encoding(world: World, goals: Goals) -> None:
    tabbed = _csv("\ufeffIndicator\tDatum\tWaarde\tBron", f"{goals.kpi.name}\t31-03-2025\t1\tCBS")
    assert import_measurements(world.alice, tabbed).created == 1
    windows = _csv("indicator,datum,waarde,toelichting", f"{goals.kpi.pk},30-06-2025,2,één meting", encoding="cp1252")
    assert import_measurements(world.alice, windows).created == 1
    assert Measurement.objects.get(measured_on=datetime.date(2025, 6, 30)).note == "één meting"


def test_every_problem_is_reported_by_row_and_column_and_nothing_is_stored(world: World, goals: Goals) -> None:
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = _csv(
        "kpi;date;value;source",
        f"{goals.kpi.name};2025-03-31;52,5;CBS",
        "Onbekende indicator;2025-03-31;1;",
        f"{goals.kpi.name};31/03/2025;1.234,5;",
        f"{goals.org_kpi.name};2025-03-31;10;",
        f"{goals.other_kpi.name};2025-03-31;10;",
        f"{goals.kpi.pk};31-03-2025;53;",
        f"{goals.kpi.pk};{tomorrow};53;",
        ";;;",
        f"{goals.kpi.pk};2025-06-30;1,23456;{'x' * 201}",
        ";2025-09-30;;",
    )
    assert _problems(world.alice, data) == [
        (3, "kpi", "There is no KPI with this id or name in your scope: Onbekende indicator."),
        (4, "date", "Write the date as yyyy-mm-dd or dd-mm-yyyy, e.g. 2025-03-31 or 31-03-2025."),
        (4, "value", "1.234,5 has thousands separators; write the number without them, e.g. 1234,5."),
        (5, "kpi", "You may not record measurements for the KPI Digitaal afgehandelde aanvragen."),
        (6, "kpi", "There is no KPI with this id or name in your scope: Wachttijd huurtoeslag."),
        (7, "date", "Row 2 has this KPI and date already."),
        (8, "date", "A measurement cannot be dated in the future."),
        (10, "value", "Ensure that there are no more than 4 decimal places."),
        (10, "source", "Ensure this value has at most 200 characters (it has 201)."),
        (11, "kpi", "A KPI (its id or exact name) is required."),
        (11, "value", "A value is required."),
    ]
    assert not Measurement.objects.exists()
    assert not AuditEvent.objects.filter(content_type__model="measurement").exists()


def test_the_header_must_name_the_columns(world: World, goals: Goals) -> None:
    data = _csv("kpi;datum;date;waarde2", f"{goals.kpi.pk};2025-03-31;2025-03-31;1")
    assert _problems(world.alice, data) == [
        (1, "date", "This column appears twice."),
        (1, "waarde2", "Unknown column; the columns are kpi, date, value, source, note."),
        (1, "value", "This column is missing."),
    ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "leeg.csv", "The file is empty."),
        (b"kpi;date;value\r\n;;\r\n", "kop.csv", "The file holds no measurements, only a header."),
        (b"PK\x03\x04 geen echte werkmap", "metingen.xlsx", "This xlsx file cannot be read"),
        (b"\xd0\xcf\x11\xe0", "metingen.xls", "Old .xls files cannot be read; save the sheet as .xlsx or .csv."),
        (b"\x00\x01\x02", "metingen.bin", "This is not a CSV or xlsx file."),
    ],
)
def test_unusable_files_are_refused_as_a_whole(world: World, data: bytes, filename: str, message: str) -> None:
    ((row, column, text),) = _problems(world.alice, data, filename)
    assert (row, column) == (0, "") and text.startswith(message)


def test_a_stored_measurement_on_the_same_day_refuses_the_file(world: World, goals: Goals) -> None:
    MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 3, 31), value=Decimal("50"))
    data = _csv("kpi;date;value", f"{goals.kpi.pk};2025-03-31;52", f"{goals.kpi.pk};2025-06-30;53")
    assert _problems(world.alice, data) == [
        (2, "date", "A measurement of this KPI on this date is stored already (value 50.0000).")
    ]
    assert _values(goals.kpi) == [(datetime.date(2025, 3, 31), Decimal("50"))]


def test_replace_overwrites_stored_measurements_and_keeps_what_the_file_does_not_mention(
    world: World, goals: Goals
) -> None:
    kept = MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 3, 31), value=Decimal("50"), note="ruw")
    same = MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 6, 30), value=Decimal("53"))
    data = _csv(
        "kpi;date;value",
        f"{goals.kpi.pk};2025-03-31;52",
        f"{goals.kpi.pk};2025-06-30;53,0",
        f"{goals.kpi.pk};2025-09-30;54",
    )
    result = import_measurements(world.alice, data, replace=True)
    assert (result.created, result.replaced, result.unchanged) == (1, 1, 1)
    kept.refresh_from_db()
    assert (kept.value, kept.note) == (Decimal("52"), "ruw")
    update = AuditEvent.objects.for_object(kept).get(action="update")
    assert (update.source, update.actor, update.changed_fields) == ("import", world.alice, ["value"])
    assert not AuditEvent.objects.for_object(same).filter(action="update").exists()
    # Duplicates within the file stay an error, replace or not.
    twice = _csv("kpi;date;value", f"{goals.kpi.pk};2025-03-31;1", f"{goals.kpi.pk};2025-03-31;2")
    assert _problems(world.alice, twice, replace=True) == [(3, "date", "Row 2 has this KPI and date already.")]


def test_a_name_shared_by_two_visible_kpis_needs_the_id(world: World, goals: Goals) -> None:
    namesake = KpiFactory(org_unit=world.directorate, name=goals.kpi.name)
    data = _csv("kpi;date;value", f"{goals.kpi.name};2025-03-31;1", f"{namesake.pk};2025-03-31;2")
    assert _problems(world.alice, data) == [
        (2, "kpi", "Several KPIs in your scope are called Gebruik DigiD-machtigen; use the id instead.")
    ]


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_viewers_and_outsiders_import_nothing(world: World, goals: Goals, who: str) -> None:
    data = _csv("kpi;date;value", f"{goals.kpi.pk};2025-03-31;1")
    ((row, column, message),) = _problems(getattr(world, who), data)
    assert (row, column) == (2, "kpi")
    assert message.startswith("You may not record" if who == "bob" else "There is no KPI")
    assert not Measurement.objects.exists()


def test_a_measurement_stored_during_the_import_rolls_everything_back(
    world: World, goals: Goals, monkeypatch: pytest.MonkeyPatch
) -> None:
    MeasurementFactory(kpi=goals.kpi, measured_on=datetime.date(2025, 6, 30))
    monkeypatch.setattr(importer._Import, "_stored", lambda self, measurements: {})  # the check saw nothing yet
    data = _csv("kpi;date;value", f"{goals.kpi.pk};2025-03-31;1", f"{goals.kpi.pk};2025-06-30;2")
    assert _problems(world.alice, data) == [
        (0, "", "Measurements were added meanwhile; nothing was stored. Import the file again.")
    ]
    assert Measurement.objects.count() == 1
