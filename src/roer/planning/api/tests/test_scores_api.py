"""Scores over the API: the same numbers as the scoring service, only for initiatives the caller sees."""

from __future__ import annotations

import pytest

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client, token_client
from roer.conftest import World
from roer.planning.scoring import Criterion
from roer.planning.scoring.services import scores_for
from roer.planning.tests.scenario_setup import portfolio
from roer.portfolio.models import Initiative

pytestmark = pytest.mark.django_db

SCORES = BASE + "/planning/scores"


def test_scores_in_rank_order_with_their_breakdown(world: World) -> None:
    made = portfolio(world)
    visible = Initiative.objects.for_user(world.bob).exclude(code="MINBZ-0005")
    expected = scores_for(visible)
    listed = session_client(world.bob).get(SCORES)
    assert listed.status_code == 200
    results = listed.json()["results"]
    assert {row["initiative"] for row in results} == set(visible.values_list("code", flat=True))
    assert "MINBZ-0005" not in {row["initiative"] for row in results}, "closed: only with finished=true"
    values = [float(row["value"]) for row in results]
    assert values == sorted(values, reverse=True), "best first"
    mandatory = next(row for row in results if row["initiative"] == "MINBZ-0003")
    assert mandatory["value"] == str(expected[made["b"].pk].value)
    legal = next(part for part in mandatory["parts"] if part["criterion"] == "legal")
    assert legal["source"] == "mandatory"
    assert legal["points"] == str(expected[made["b"].pk].part(Criterion.LEGAL).points)
    assert [part["criterion"] for part in mandatory["parts"]] == ["strategic", "legal", "risk", "urgency", "cost"]

    everything = session_client(world.bob).get(SCORES, {"finished": "true", "orgUnit": str(world.directorate.pk)})
    assert "MINBZ-0005" in {row["initiative"] for row in everything.json()["results"]}
    assert invalid_names(session_client(world.bob).get(SCORES, {"orgUnit": "dgdo"})) == {"orgUnit"}
    closed = session_client(world.bob).get(f"{SCORES}/MINBZ-0005")
    assert closed.status_code == 200 and closed.json()["initiative"] == "MINBZ-0005"


def test_the_cost_estimate_only_for_those_who_may_see_cost_details(world: World) -> None:
    portfolio(world)

    def cost(person: object) -> object:
        body = session_client(person).get(f"{SCORES}/MINBZ-0001").json()
        return next(part for part in body["parts"] if part["criterion"] == "cost")["raw"]

    assert world.alice.has_perm("portfolio.view_cost_details", world.initiative)
    assert cost(world.alice) is not None
    assert not world.bob.has_perm("portfolio.view_cost_details", world.initiative)
    assert cost(world.bob) is None


def test_an_outsider_sees_no_scores(world: World) -> None:
    portfolio(world)
    charlie = token_client(world.charlie)
    assert charlie.get(SCORES).json()["count"] == 0
    assert_problem(charlie.get(f"{SCORES}/MINBZ-0001"), 404)
