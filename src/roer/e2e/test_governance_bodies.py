"""Bodies, decision rights, meetings and the collaboration evaluation in the browser, in English and Dutch, with axe."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from roer.governance.models import Body, BodyKind, Membership
from roer.governance.services import evaluations, meetings
from roer.governance.tests.conftest import council  # noqa: F401 (the fixture)

pytestmark = pytest.mark.e2e

SCORES = {"shared_goals": 4, "early_involvement": 3, "understanding": 4, "timely_decisions": 2, "trust": 5}


@pytest.fixture
def site(transactional_db: None, live_server: Any, council: Any) -> Any:  # noqa: F811
    from django.apps import apps

    from roer.governance.seed import seed_decision_types

    seed_decision_types(apps, None)  # a transactional test starts without the data migration's rows
    # The usual installation, one organisation: its functional administrator may then edit the matrix.
    council.world.other_org.parent = council.world.ministry
    council.world.other_org.save()
    board = Body.objects.create(
        name="Portfolioraad", kind=BodyKind.PORTFOLIO_BOARD, org_unit=council.world.ministry,
        chair=council.marc, secretary=council.world.frank, mandate_holder=council.marc,
    )  # fmt: skip
    Membership.objects.create(body=board, person=council.world.alice, since=dt.date(2020, 1, 1))
    now = timezone.now()
    meeting = meetings.create_meeting(council.marc, council.body, {"starts_at": now + dt.timedelta(days=7)})
    board_meeting = meetings.create_meeting(council.marc, board, {"starts_at": now})
    evaluations.submit_evaluation(council.world.alice, board_meeting, SCORES, "Goed overleg.")
    return live_server.url, council, board, meeting, board_meeting


def _switch_language(page: Any, language: str) -> None:
    label = {"nl": "Nederlands", "en": "English"}[language]
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_body_matrix_and_meeting_pages_are_accessible(page: Any, site: Any, language: str) -> None:
    base, people, board, meeting, board_meeting = site
    sign_in_as = "frank"
    from roer.e2e.conftest import assert_accessible, sign_in

    sign_in(page, base, sign_in_as)
    if language == "nl":
        _switch_language(page, "nl")
    membership = Membership.objects.filter(body=people.body).first()
    for path in (
        "/governance/bodies/",
        f"/governance/bodies/{people.body.pk}/",
        "/governance/bodies/new",
        f"/governance/bodies/{people.body.pk}/edit",
        f"/governance/bodies/{people.body.pk}/members/new",
        f"/governance/bodies/{people.body.pk}/members/{membership.pk}/end",
        "/governance/decision-rights/",
        "/governance/decision-rights/gate/edit",
        f"/governance/bodies/{people.body.pk}/meetings/new",
        f"/governance/meetings/{meeting.pk}/",
        f"/governance/meetings/{meeting.pk}/minutes",
        f"/governance/meetings/{meeting.pk}/edit",
        f"/governance/bodies/{board.pk}/evaluations",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_the_evaluation_in_the_browser(page: Any, site: Any) -> None:
    from roer.e2e.conftest import assert_accessible, sign_in

    base, people, board, meeting, board_meeting = site
    sign_in(page, base, "alice")
    page.goto(f"{base}/governance/meetings/{board_meeting.pk}/evaluation")
    assert_accessible(page)
    page.get_by_role("group", name="Decisions are taken in time").get_by_label("4 – agree").check()
    page.get_by_role("button", name="Revise the evaluation").click()
    page.wait_for_url(f"{base}/governance/meetings/{board_meeting.pk}/")
    assert_accessible(page)
    assert evaluations.evaluation_of(people.world.alice, board_meeting).timely_decisions == 4
