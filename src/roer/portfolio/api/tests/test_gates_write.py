"""Recording gate reviews over the API: all six levers, waivers, who may."""

from __future__ import annotations

from typing import Any

from roer.api.tests.helpers import BASE, assert_problem, invalid_names, session_client
from roer.conftest import World
from roer.portfolio.api.tests.records import GATE_REVIEW
from roer.portfolio.models import GateReview, Lever

URL = BASE + "/gate-reviews"


def _body(**changes: Any) -> dict[str, Any]:
    return {**GATE_REVIEW, "initiative": "MINBZ-0001", **changes}


def test_alice_records_a_gate_review_with_its_six_levers(world: World) -> None:
    response = session_client(world.alice).post(URL, _body(), format="json")
    assert response.status_code == 201, response.content
    review = GateReview.objects.get()
    assert review.reviewer == world.alice and review.levers.count() == 6
    body = response.json()
    assert body["id"] == review.pk and body["gate"] == "intake" and body["heldOn"] == "2025-03-31"
    assert response["Location"].endswith(f"/gate-reviews/{review.pk}")


def test_a_viewer_may_not_record_a_gate_review(world: World) -> None:
    assert_problem(session_client(world.bob).post(URL, _body(), format="json"), 403)
    assert not GateReview.objects.exists()


def test_every_lever_is_scored_once(world: World) -> None:
    levers = GATE_REVIEW["levers"][:5]
    response = session_client(world.alice).post(URL, _body(levers=levers), format="json")
    assert invalid_names(response) == {"levers"}


def test_a_score_above_three_is_invalid(world: World) -> None:
    levers = [{"lever": lever, "score": 4} for lever in Lever.values]
    response = session_client(world.alice).post(URL, _body(levers=levers), format="json")
    assert "levers" in {name.split(".")[0].split("[")[0] for name in invalid_names(response)}


def test_a_passing_approval_needs_a_waiver_for_low_levers(world: World) -> None:
    levers = [{"lever": lever, "score": 0} for lever in Lever.values]
    response = session_client(world.alice).post(
        URL, _body(gate="approval", outcome="passed", levers=levers), format="json"
    )
    assert invalid_names(response) == {"levers"}
    assert not GateReview.objects.exists()


def test_a_passing_closure_needs_the_adoption_evaluation(world: World) -> None:
    response = session_client(world.alice).post(URL, _body(gate="closure", outcome="passed"), format="json")
    assert invalid_names(response) == {"adoptionEvaluation"}
