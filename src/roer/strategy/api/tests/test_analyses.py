"""The analyses over the API answer what the pages show, for the caller's scope only."""

from __future__ import annotations

import datetime
from decimal import Decimal as D
from typing import Any

from roer.api.tests.helpers import BASE, token_client
from roer.conftest import World
from roer.portfolio.models import CostLine
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.models import KPI, Contribution, Goal, Measurement


def _setup(world: World) -> dict[str, Any]:
    ambition = Goal.objects.create(org_unit=world.ministry, title="Dienstverlening die werkt", level="ambition")
    objective = Goal.objects.create(
        org_unit=world.ministry, title="Digitaal eerst", level="strategic_goal", parent=ambition
    )
    lonely = Goal.objects.create(org_unit=world.department, title="Minder papier", level="ambition")
    CostLine.objects.create(initiative=world.initiative, year=2026, category="software", kind="plan", amount=D("900"))
    CostLine.objects.create(initiative=world.initiative, year=2025, category="software", kind="actual", amount=D("300"))
    Contribution.objects.create(initiative=world.initiative, goal=objective)
    idle = InitiativeFactory(code="MINBZ-0300", org_unit=world.department, mandatory=True, legal_basis="Woo")
    CostLine.objects.create(initiative=idle, year=2026, category="other", kind="plan", amount=D("50"))
    stale = KPI.objects.create(
        org_unit=world.department,
        name="Papieren brieven",
        unit_of_measure="aantal",
        direction="lower",
        baseline_value=D("100"),
        baseline_date=datetime.date(2023, 1, 1),
        target_value=D("10"),
        target_date=datetime.date(2027, 1, 1),
        frequency="monthly",
    )
    Measurement.objects.create(kpi=stale, measured_on=datetime.date(2024, 1, 1), value=D("90"))
    return {"ambition": ambition, "objective": objective, "lonely": lonely, "stale": stale}


def test_goal_spending_rolls_money_up(world: World) -> None:
    made = _setup(world)
    body = token_client(world.alice).get(BASE + "/goal-spending").json()
    rows = {row["title"]: row for row in body["results"]}
    assert rows["Digitaal eerst"]["planned"] == "900.00" and rows["Digitaal eerst"]["spent"] == "300.00"
    assert rows["Dienstverlening die werkt"]["planned"] == "900.00"  # from the goal below it
    assert rows["Minder papier"]["planned"] == "0.00"
    assert rows["Digitaal eerst"]["parent"] == made["ambition"].pk


def test_orphan_lists(world: World) -> None:
    _setup(world)
    client = token_client(world.alice)
    initiatives = client.get(BASE + "/orphan-initiatives").json()["results"]
    assert [(i["code"], i["mandatory"], i["planned"]) for i in initiatives] == [("MINBZ-0300", True, "50.00")]
    assert [g["title"] for g in client.get(BASE + "/orphan-goals").json()["results"]] == ["Minder papier"]
    assert [k["name"] for k in client.get(BASE + "/orphan-kpis").json()["results"]] == ["Papieren brieven"]
    stale = client.get(BASE + "/stale-kpis").json()["results"]
    assert [(k["name"], k["lastMeasured"]) for k in stale] == [("Papieren brieven", "2024-01-01")]


def test_unit_filter_and_outsider(world: World) -> None:
    _setup(world)
    in_directorate = token_client(world.alice).get(BASE + f"/orphan-goals?orgUnit={world.directorate.pk}").json()
    assert in_directorate["results"] == []
    outsider = token_client(world.charlie)
    for path in ("/goal-spending", "/orphan-initiatives", "/orphan-goals", "/orphan-kpis", "/stale-kpis"):
        assert outsider.get(BASE + path).json()["results"] == [], path
