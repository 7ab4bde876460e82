"""Cost totals roll up through the org-unit tree, summed by the database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from roer.organisation.models import OrgUnit
from roer.organisation.tests.factories import OrgUnitFactory
from roer.portfolio.models import CostLine
from roer.portfolio.services.cost_rollup import children_totals, unit_totals
from roer.portfolio.tests.factories import InitiativeFactory


def _line(initiative, year, kind, amount, category="internal_staff"):
    CostLine.objects.create(initiative=initiative, year=year, category=category, kind=kind, amount=Decimal(amount))


@pytest.fixture
def tree(world):
    """Costs in the directorate (below the department), in the department itself, in a deeper unit
    and in the other department."""
    team = OrgUnitFactory(code="team-x", name="Team X", parent=world.directorate)
    in_team = InitiativeFactory(code="MINBZ-0003", org_unit=team)
    in_department = InitiativeFactory(code="MINBZ-0004", org_unit=world.department)
    _line(world.initiative, 2025, "plan", "100")
    _line(world.initiative, 2026, "plan", "200")
    _line(world.initiative, 2025, "actual", "90")
    _line(in_team, 2025, "plan", "1000", category="hardware")
    _line(in_department, 2026, "forecast", "7")
    _line(world.other_initiative, 2025, "plan", "10000")
    return team


def test_unit_totals_include_every_unit_below(world, tree):
    department = unit_totals(world.alice, world.department)
    assert department.by_year["plan"] == {2025: Decimal("1100"), 2026: Decimal("200")}
    assert department.by_kind == {"plan": Decimal("1300"), "actual": Decimal("90"), "forecast": Decimal("7")}
    ministry = unit_totals(world.audrey, world.ministry)
    assert ministry.by_kind["plan"] == Decimal("11300")
    assert unit_totals(world.alice, tree).by_kind == {"plan": Decimal("1000")}


def test_roll_up_counts_only_what_the_person_may_see(world, tree):
    # Alice is CIO of the department only: the other department's money is not in her ministry total.
    assert unit_totals(world.alice, world.ministry).by_kind["plan"] == Decimal("1300")
    assert unit_totals(world.charlie, world.ministry).empty


def test_children_totals_in_few_queries(world, tree, django_assert_max_num_queries):
    children = OrgUnit.objects.filter(parent=world.ministry)
    with django_assert_max_num_queries(3):
        rows = children_totals(world.audrey, world.ministry, children)
    assert rows[0].unit is None and rows[0].amounts == [Decimal("0.00")] * 3
    by_name = {row.unit.name: row.amounts for row in rows[1:]}
    assert by_name["DG Digitale Overheid"] == [Decimal("1300"), Decimal("90"), Decimal("7")]
    assert by_name["DG Wonen en Bouwen"] == [Decimal("10000"), Decimal("0"), Decimal("0")]
    in_2026 = children_totals(world.audrey, world.ministry, children, year=2026)
    assert {row.unit.name: row.amounts[0] for row in in_2026[1:]}["DG Digitale Overheid"] == Decimal("200")
    department = children_totals(world.alice, world.department, OrgUnit.objects.filter(parent=world.department))
    assert department[0].amounts == [Decimal("0"), Decimal("0"), Decimal("7")]  # the department's own initiative


def test_unit_pages(client, world, tree):
    url = reverse("organisation:unit-costs", args=[world.department.pk])
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(world.charlie)
    assert client.get(url).status_code == 404
    client.force_login(world.bob)  # a viewer sees totals
    response = client.get(url + "?year=2025")
    body = response.content.decode()
    assert response.status_code == 200 and response.context["year"] == 2025
    assert "€\u00a01,100" in body and "Directie Digitale Samenleving" in body
    detail = client.get(world.department.get_absolute_url()).content.decode()
    assert "Costs of this unit and the units below" in detail and "€\u00a01,300" in detail
