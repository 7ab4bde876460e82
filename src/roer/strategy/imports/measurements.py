"""Import KPI measurements from a CSV or xlsx file: every row valid, or nothing stored.

Columns: ``kpi`` (the KPI's id or its exact name), ``date``, ``value``, and optionally
``source`` and ``note`` (Dutch headers too: indicator, datum, waarde, bron, toelichting).

- Every problem is reported, as (row, column, message), and then nothing is stored.
- The person must be allowed to record measurements for every KPI in the file.
- Two rows for the same KPI and date are an error, always.
- A row for a KPI and date that already has a stored measurement is an error, unless
  ``replace`` is asked for: then the stored measurement takes the row's value, and its
  source and note when the file has those columns.
- Every stored row is an audit event with the channel "import" and the person as actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from roer.audit.context import Source, acting
from roer.strategy.imports.problems import ImportFailed, Problem, fail
from roer.strategy.imports.reading import Cell, Row, Table, read_table
from roer.strategy.imports.values import Unreadable, parse_date, parse_text, parse_value
from roer.strategy.models import KPI, Measurement
from roer.strategy.services.measurements import measurement_errors, refuse_kpi

# Model field → the file's column, for the model's own validation messages.
_COLUMN_OF = {"measured_on": "date", "value": "value", "source": "source", "note": "note"}


@dataclass(frozen=True)
class ImportResult:
    created: int
    replaced: int
    unchanged: int  # rows with ``replace`` that matched the stored measurement exactly
    kpis: int


def import_measurements(user: Any, data: bytes, filename: str = "", *, replace: bool = False) -> ImportResult:
    """Store the file's measurements for ``user``, or raise ``ImportFailed`` with every problem."""
    table = read_table(data, filename)
    with acting(actor=user, source=Source.IMPORT, label="import"):
        try:
            with transaction.atomic():
                return _Import(user, table, replace).run()
        except IntegrityError:
            # Someone stored a measurement for one of these days after the check; everything was rolled back.
            raise fail(_("Measurements were added meanwhile; nothing was stored. Import the file again.")) from None


class _Import:
    def __init__(self, user: Any, table: Table, replace: bool) -> None:
        self.user, self.table, self.replace = user, table, replace
        self.problems: list[Problem] = []
        self.kpis = _KpiFinder(user, table.rows)

    def run(self) -> ImportResult:
        checked = [(row, self._check(row)) for row in self.table.rows]
        ready = [(row, measurement) for row, measurement in checked if measurement is not None]
        stored = self._stored(measurement for _row, measurement in ready)
        seen: dict[tuple[int, Any], int] = {}
        for row, measurement in ready:
            key = (measurement.kpi_id, measurement.measured_on)
            if key in seen:
                self._problem(row, "date", _("Row %(row)d has this KPI and date already.") % {"row": seen[key]})
                continue
            seen[key] = row.number
            if key in stored and not self.replace:
                self._problem(
                    row,
                    "date",
                    _("A measurement of this KPI on this date is stored already (value %(value)s).")
                    % {"value": stored[key].value},
                )
        if self.problems:
            raise ImportFailed(self.problems)
        return self._store(ready, stored)

    def _problem(self, row: Row, column: str, message: str) -> None:
        self.problems.append(Problem(row.number, column, message))

    def _check(self, row: Row) -> Measurement | None:
        """The row as an unsaved measurement, or None after reporting what is wrong with it."""
        before = len(self.problems)
        kpi = self._kpi(row)
        values: dict[str, Any] = {}
        for column, parse in (("date", parse_date), ("value", parse_value)):
            try:
                values[column] = parse(row.cells.get(column))
            except Unreadable as error:
                self._problem(row, column, str(error))
        fields: dict[str, Any] = {
            "kpi": kpi,
            "measured_on": values.get("date"),
            "value": values.get("value"),
            "source": parse_text(row.cells.get("source")),
            "note": parse_text(row.cells.get("note")),
        }
        measurement = Measurement(**fields)
        reported = {problem.column for problem in self.problems[before:]}
        for field, messages in measurement_errors(measurement).items():
            column = _COLUMN_OF.get(field, field)
            if column not in reported:
                self._problem(row, column, " ".join(messages))
        return measurement if len(self.problems) == before else None

    def _kpi(self, row: Row) -> KPI | None:
        try:
            kpi = self.kpis.find(row.cells.get("kpi"))
        except Unreadable as error:
            self._problem(row, "kpi", str(error))
            return None
        if not self.kpis.may_record(kpi):
            self._problem(row, "kpi", refuse_kpi(kpi))
            return None
        return kpi

    def _stored(self, measurements: Any) -> dict[tuple[int, Any], Measurement]:
        keys = {(m.kpi_id, m.measured_on) for m in measurements}
        if not keys:
            return {}
        query = Q()
        for kpi_id in {kpi_id for kpi_id, _day in keys}:
            query |= Q(kpi_id=kpi_id, measured_on__in=[day for k, day in keys if k == kpi_id])
        found = Measurement.objects.filter(query).select_related("kpi__org_unit")
        # Locked, so that a replace does not overwrite a correction made during the import.
        return {(m.kpi_id, m.measured_on): m for m in found.select_for_update(of=("self",))}

    def _store(self, ready: list[tuple[Row, Measurement]], stored: dict[tuple[int, Any], Measurement]) -> ImportResult:
        created = replaced = unchanged = 0
        columns = self.table.columns
        for _row, measurement in ready:
            existing = stored.get((measurement.kpi_id, measurement.measured_on))
            if existing is None:
                measurement.save()
                created += 1
                continue
            changes = {"value": measurement.value}
            changes.update({name: getattr(measurement, name) for name in ("source", "note") if name in columns})
            if all(getattr(existing, name) == value for name, value in changes.items()):
                unchanged += 1
                continue
            for name, value in changes.items():
                setattr(existing, name, value)
            existing.save()
            replaced += 1
        return ImportResult(created, replaced, unchanged, len({m.kpi_id for _row, m in ready}))


class _KpiFinder:
    """The KPIs the file names, by id or exact name, among those the person can see."""

    def __init__(self, user: Any, rows: list[Row]) -> None:
        self.user = user
        refs = {_ref(row.cells.get("kpi")) for row in rows} - {""}
        ids = {int(ref) for ref in refs if ref.isdigit()}
        visible = KPI.objects.for_user(user).select_related("org_unit")
        found: list[KPI] = list(visible.filter(Q(pk__in=ids) | Q(name__in=refs)))
        self.by_id = {kpi.pk: kpi for kpi in found}
        self.by_name: dict[str, list[KPI]] = {}
        for kpi in found:
            self.by_name.setdefault(kpi.name, []).append(kpi)
        self.allowed: dict[int, bool] = {}

    def find(self, cell: Cell) -> KPI:
        ref = _ref(cell)
        if not ref:
            raise Unreadable(_("A KPI (its id or exact name) is required."))
        if ref.isdigit() and int(ref) in self.by_id:
            return self.by_id[int(ref)]
        named = self.by_name.get(ref, [])
        if len(named) > 1:
            raise Unreadable(_("Several KPIs in your scope are called %(name)s; use the id instead.") % {"name": ref})
        if not named:
            raise Unreadable(_("There is no KPI with this id or name in your scope: %(ref)s.") % {"ref": ref})
        return named[0]

    def may_record(self, kpi: KPI) -> bool:
        if kpi.pk not in self.allowed:
            self.allowed[kpi.pk] = bool(self.user.has_perm("strategy.record_measurement", kpi))
        return self.allowed[kpi.pk]


def _ref(cell: Cell) -> str:
    # A whole number in an xlsx cell arrives as int (or as 12.0 from some exporters).
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()
