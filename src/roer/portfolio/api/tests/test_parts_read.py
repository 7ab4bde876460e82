"""The read-only records of initiatives: scope, camelCase fields, dates and money, filters."""

from __future__ import annotations

from typing import Any

import pytest

from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.conftest import World
from roer.portfolio.api.tests.records import baseline, cost_line, gate_review, record
from roer.portfolio.models import Gate, GateOutcome

FIELDS: dict[str, set[str]] = {
    "gate-reviews": {
        "id", "initiative", "gate", "outcome", "heldOn", "reviewer", "conditions", "notes",
        "adoptionEvaluation", "levers",
    },
    "baselines": {
        "id", "initiative", "number", "kind", "recordedOn", "startDate", "endDate", "reason",
        "costChangeExplanation", "endChangeExplanation", "decisionReference", "recordedBy", "costs",
    },
    "cost-lines": {"id", "initiative", "year", "category", "kind", "nature", "recurrence", "amount"},
    "milestones": {
        "id", "initiative", "description", "expectedDate", "realisedDate", "achieved", "metRequirements",
        "planVersion",
    },
    "quality-reviews": {"id", "initiative", "heldOn", "party", "kind", "outcome"},
    "societal-benefits": {"id", "initiative", "explanation", "oneOffAmount", "yearlyAmount"},
    "development-parties": {"id", "initiative", "party", "role"},
    "parliamentary-documents": {"id", "initiative", "title", "number", "link", "letterDate", "independentAdvice"},
    "status-reports": {
        "id", "initiative", "periodEnd", "cost", "schedule", "scope", "risk", "overall", "narrative",
        "varianceNarrative", "reportedBy", "independentOverall", "independentComment", "independentBy",
        "cioRating", "cioComment", "cioRatedBy",
    },
    "cio-opinions": {"id", "initiative", "givenOn", "opinion", "text", "givenBy"},
    "early-warnings": {"id", "initiative", "rule", "severity", "message", "firstSeen"},
}  # fmt: skip
RESOURCES = sorted(FIELDS)


def _results(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return response.json()["results"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", RESOURCES)
def test_alice_sees_the_records_of_her_initiative(world: World, name: str) -> None:
    mine = record(name, world.initiative, world.alice)
    record(name, world.other_initiative, world.alice)
    client = session_client(world.alice)
    results = _results(client.get(f"{BASE}/{name}"))
    assert [item["id"] for item in results] == [mine.pk]
    assert set(results[0]) == FIELDS[name]
    assert results[0]["initiative"] == "MINBZ-0001"
    detail = client.get(f"{BASE}/{name}/{mine.pk}")
    assert detail.status_code == 200 and detail.json() == results[0]


@pytest.mark.parametrize("name", RESOURCES)
def test_an_outsider_gets_404_and_empty_lists(world: World, name: str) -> None:
    mine = record(name, world.initiative, world.alice)
    client = session_client(world.charlie)
    assert _results(client.get(f"{BASE}/{name}")) == []
    assert_problem(client.get(f"{BASE}/{name}/{mine.pk}"), 404)


@pytest.mark.parametrize("name", RESOURCES)
def test_the_initiative_filter_takes_a_code(world: World, name: str) -> None:
    world.other_initiative.org_unit = world.directorate
    world.other_initiative.save()
    record(name, world.initiative, world.alice)
    theirs = record(name, world.other_initiative, world.alice)
    results = _results(session_client(world.alice).get(f"{BASE}/{name}", {"initiative": "MINBZ-0002"}))
    assert [item["id"] for item in results] == [theirs.pk]


def test_a_gate_review_nests_its_lever_scores(world: World) -> None:
    review = gate_review(world.initiative, world.alice)
    body = session_client(world.alice).get(f"{BASE}/gate-reviews/{review.pk}").json()
    assert body["heldOn"] == "2025-03-31" and body["reviewer"] == world.alice.pk
    assert body["levers"] == [
        {"lever": "change_story", "score": 3, "evidence": "Verhaal", "waiverReason": "", "waivedBy": None}
    ]


def test_gate_reviews_filter_by_gate_and_outcome(world: World) -> None:
    gate_review(world.initiative, world.alice)
    closure = gate_review(world.initiative, world.alice, gate=Gate.CLOSURE)
    client = session_client(world.alice)
    assert [r["id"] for r in _results(client.get(f"{BASE}/gate-reviews", {"gate": "closure"}))] == [closure.pk]
    assert _results(client.get(f"{BASE}/gate-reviews", {"outcome": GateOutcome.REJECTED})) == []


def test_baselines_nest_their_costs_as_decimal_strings_and_filter_by_kind(world: World) -> None:
    baseline(world.initiative, world.alice)
    again = baseline(world.initiative, world.alice, number=1)
    client = session_client(world.alice)
    results = _results(client.get(f"{BASE}/baselines"))
    assert [(b["number"], b["kind"]) for b in results] == [(0, "initial"), (1, "rebaseline")]
    assert results[0]["costs"] == [{"category": "software", "amount": "1250.50"}]
    assert results[0]["startDate"] == "2025-03-31" and results[0]["endDate"] == "2026-12-31"
    assert [b["id"] for b in _results(client.get(f"{BASE}/baselines", {"kind": "rebaseline"}))] == [again.pk]


def test_a_viewer_without_cost_details_gets_no_cost_lines(world: World) -> None:
    line = cost_line(world.initiative)
    assert session_client(world.bob).get(f"{BASE}/initiatives/MINBZ-0001").status_code == 200
    assert _results(session_client(world.bob).get(f"{BASE}/cost-lines")) == []
    assert_problem(session_client(world.bob).get(f"{BASE}/cost-lines/{line.pk}"), 404)
    assert _results(session_client(world.alice).get(f"{BASE}/cost-lines"))[0]["amount"] == "99.95"


def test_a_manager_sees_the_cost_lines_of_their_initiative(world: World) -> None:
    world.initiative.manager = world.bob
    world.initiative.save()
    line = cost_line(world.initiative)
    assert [c["id"] for c in _results(session_client(world.bob).get(f"{BASE}/cost-lines"))] == [line.pk]


def test_cost_lines_filter_by_year_and_kind(world: World) -> None:
    cost_line(world.initiative, year=2025)
    later = cost_line(world.initiative, year=2026)
    client = session_client(world.alice)
    assert [c["id"] for c in _results(client.get(f"{BASE}/cost-lines", {"year": 2026}))] == [later.pk]
    assert _results(client.get(f"{BASE}/cost-lines", {"kind": "actual"})) == []
    assert_problem(client.get(f"{BASE}/cost-lines", {"kind": "wish"}), 400)
