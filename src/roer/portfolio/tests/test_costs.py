"""The cost sheet: totals, all-or-nothing saving, stale saves refused, details only for those who may see them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory
from roer.portfolio.models import CostLine
from roer.portfolio.services.costs import (
    SheetInvalid,
    StaleSheet,
    grids,
    save_sheet,
    sheet_version,
    totals,
)


def _line(initiative, year, category, kind, amount, nature="opex", recurrence="one_off"):
    return CostLine.objects.create(
        initiative=initiative,
        year=year,
        category=category,
        kind=kind,
        nature=nature,
        recurrence=recurrence,
        amount=Decimal(amount),
    )


@pytest.fixture
def sheet(world):
    initiative = world.initiative
    _line(initiative, 2025, "internal_staff", "plan", "100000.00")
    _line(initiative, 2025, "hardware", "plan", "50000.00", nature="capex")
    _line(initiative, 2026, "internal_staff", "plan", "120000.00", recurrence="recurring")
    _line(initiative, 2025, "internal_staff", "actual", "90000.50")
    _line(initiative, 2026, "software", "forecast", "30000.00", recurrence="recurring")
    return initiative


def _row(year, category, amount, nature="opex", recurrence="one_off"):
    return {"year": year, "category": category, "nature": nature, "recurrence": recurrence, "amount": Decimal(amount)}


def test_totals_per_year_kind_and_split(sheet):
    found = totals(sheet.cost_lines.all())
    assert found.years == [2025, 2026]
    assert found.by_year["plan"] == {2025: Decimal("150000.00"), 2026: Decimal("120000.00")}
    assert found.by_kind == {"plan": Decimal("270000.00"), "actual": Decimal("90000.50"), "forecast": Decimal("30000")}
    assert found.splits["plan"] == {
        "capex": Decimal("50000.00"),
        "opex": Decimal("220000.00"),
        "one_off": Decimal("150000.00"),
        "recurring": Decimal("120000.00"),
    }
    plan = found.rows()[0]
    assert plan["cells"] == [Decimal("150000.00"), Decimal("120000.00")] and plan["total"] == Decimal("270000.00")


def test_grid_totals_per_category_and_year(sheet):
    plan = grids(sheet)[0]
    assert plan.kind == "plan" and plan.years == [2025, 2026]
    staff = plan.rows[0]
    assert staff["cells"] == [Decimal("100000.00"), Decimal("120000.00")] and staff["total"] == Decimal("220000.00")
    assert plan.year_totals == [Decimal("150000.00"), Decimal("120000.00")]
    assert plan.total == Decimal("270000.00")


def test_save_sheet_adds_changes_and_removes_lines_audited(world, sheet):
    version = sheet_version(sheet)
    rows = [_row(2025, "internal_staff", "110000"), _row(2027, "other", "5000")]  # hardware 2025 and 2026 go
    with acting(actor=world.alice, source=Source.WEB):
        new_version = save_sheet(world.alice, sheet, "plan", rows, version)
    assert new_version != version
    plan = CostLine.objects.filter(initiative=sheet, kind="plan").order_by("year")
    assert [(line.year, line.category, line.amount) for line in plan] == [
        (2025, "internal_staff", Decimal("110000.00")),
        (2027, "other", Decimal("5000.00")),
    ]
    assert CostLine.objects.filter(initiative=sheet, kind="actual").count() == 1  # other kinds untouched
    changed = AuditEvent.objects.filter(content_type__model="costline", action="update").get()
    assert changed.before["amount"] == "100000.00" and changed.after["amount"] == "110000.00"
    assert AuditEvent.objects.filter(content_type__model="costline", action="delete").count() == 2


def test_invalid_rows_write_nothing_and_name_row_and_column(world, sheet):
    before = list(CostLine.objects.values_list("pk", "amount"))
    rows = [
        _row(2025, "internal_staff", "1"),
        _row(1999, "hardware", "1"),
        _row(2026, "software", "-5"),
        _row(2025, "internal_staff", "2"),
    ]
    with pytest.raises(SheetInvalid) as refused:
        save_sheet(world.alice, sheet, "plan", rows, sheet_version(sheet))
    found = {(p.row, p.field) for p in refused.value.problems}
    assert found == {(2, "year"), (3, "amount"), (4, "category")}
    assert "Row 1" in next(p.message for p in refused.value.problems if p.row == 4)
    assert list(CostLine.objects.values_list("pk", "amount")) == before


def test_stale_save_is_refused(world, sheet):
    seen = sheet_version(sheet)
    save_sheet(world.alice, sheet, "plan", [_row(2025, "internal_staff", "1")], seen)
    with pytest.raises(StaleSheet) as stale:
        save_sheet(world.alice, sheet, "plan", [_row(2025, "internal_staff", "2")], seen)
    assert stale.value.version == sheet_version(sheet)
    assert CostLine.objects.get(initiative=sheet, kind="plan").amount == Decimal("1.00")


def test_viewer_may_not_save(world, sheet):
    with pytest.raises(PermissionDenied):
        save_sheet(world.bob, sheet, "plan", [], sheet_version(sheet))


# --- pages -----------------------------------------------------------------------------


def _urls(world):
    code = world.initiative.code
    return reverse("portfolio:initiative-costs", args=[code]), reverse("portfolio:initiative-costs-edit", args=[code])


def test_anonymous_is_sent_to_sign_in(client, world):
    for url in _urls(world):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_outsider_gets_404(client, world, sheet):
    client.force_login(world.charlie)
    for url in _urls(world):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code in (404, 405)


def test_viewer_sees_totals_but_not_details(client, world, sheet):
    client.force_login(world.bob)
    page, edit = _urls(world)
    response = client.get(page)
    body = response.content.decode()
    assert response.status_code == 200 and response.context["grids"] is None
    assert "270,000" in body  # the plan total
    assert "Hardware" not in body and "Internal staff" not in body
    detail = client.get(world.initiative.get_absolute_url()).content.decode()
    assert "270,000" in detail and "Hardware" not in detail
    assert client.get(edit).status_code == 403


def test_sponsor_sees_details(client, world, sheet):
    sponsor = PersonFactory(username="sam", home_unit=world.department)
    RoleAssignmentFactory(person=sponsor, role=Role.SPONSOR, org_unit=world.directorate)
    client.force_login(sponsor)
    response = client.get(_urls(world)[0])
    body = response.content.decode()
    assert response.status_code == 200 and "Hardware" in body and "€\u00a050,000" in body
    assert client.get(_urls(world)[1]).status_code == 403  # seeing is not changing


def test_dutch_formatting(client, world, sheet):
    client.force_login(world.alice)
    response = client.get(_urls(world)[0], HTTP_ACCEPT_LANGUAGE="nl")
    assert "€\u00a0270.000" in response.content.decode() and "90.000,50" in response.content.decode()


def _post(world, version, rows, kind="plan"):
    data = {
        "version": version,
        "kind": kind,
        "lines-TOTAL_FORMS": str(len(rows)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"lines-{index}-{name}"] = str(value)
    return data


def test_edit_page_saves_and_reports_errors(client, world, sheet):
    client.force_login(world.alice)
    edit = _urls(world)[1]
    page = client.get(edit + "?kind=plan")
    assert page.status_code == 200 and len(page.context["formset"].initial_forms) == 3
    version = sheet_version(sheet)
    bad = _post(world, version, [_row(2025, "hardware", "-1"), _row(2025, "hardware", "3")])
    response = client.post(edit, bad)
    assert response.status_code == 200
    assert "Row 1, Amount (euro)" in response.content.decode()
    assert response.context["formset"].forms[1].errors["category"]
    response = client.post(edit, _post(world, version, [_row(2025, "hardware", "3")]))
    assert response.status_code == 302
    assert CostLine.objects.get(initiative=sheet, kind="plan").amount == Decimal("3.00")


def test_edit_page_refuses_a_stale_save_and_shows_the_newer_values(client, world, sheet):
    client.force_login(world.alice)
    edit = _urls(world)[1]
    seen = sheet_version(sheet)
    save_sheet(world.alice, sheet, "plan", [_row(2025, "software", "777")], seen)
    response = client.post(edit, _post(world, seen, [_row(2025, "hardware", "3")]))
    assert response.status_code == 200 and response.context["stale"]
    body = response.content.decode()
    assert "Not saved: someone else changed these costs" in body and "777" in body
    assert response.context["meta"].data["version"] == sheet_version(sheet)
    assert CostLine.objects.get(initiative=sheet, kind="plan").category == "software"


def test_blank_rows_are_skipped_and_errors_are_tied_to_their_inputs(client, world, sheet):
    client.force_login(world.alice)
    edit = _urls(world)[1]
    blank = {"year": "", "category": "", "nature": "opex", "recurrence": "one_off", "amount": ""}
    data = _post(world, sheet_version(sheet), [_row(2025, "hardware", "-1"), blank])
    response = client.post(edit, data)
    body = response.content.decode()
    assert list(response.context["formset"].forms[1].errors) == []
    assert 'aria-describedby="id_lines-0-amount_error"' in body and 'id="id_lines-0-amount_error"' in body
