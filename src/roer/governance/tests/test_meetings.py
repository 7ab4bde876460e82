"""Meetings: the agenda generated from the data, fixing it, minutes, state, decisions taken; the portfolio
board's quarterly evaluation of the business–IT collaboration and its trend. Services and pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from roer.governance.models import (
    AgendaKind,
    Body,
    BodyKind,
    CollaborationEvaluation,
    ComplianceStatement,
    Decision,
    Framework,
    FrameworkVersion,
    Meeting,
    MemberCapacity,
    Membership,
    Notification,
    NotificationKind,
)
from roer.governance.services import evaluations, meetings
from roer.governance.tests.conftest import Council
from roer.governance.tests.proposal_setup import advise_all as _advise_all
from roer.governance.tests.proposal_setup import policy as _policy
from roer.portfolio.models import Initiative
from roer.portfolio.models.reporting import EarlyWarning, StatusReport
from roer.portfolio.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
MEETING_AT = dt.datetime(2027, 3, 10, 13, 0, tzinfo=dt.UTC)
SCORES = {"shared_goals": 4, "early_involvement": 3, "understanding": 4, "timely_decisions": 2, "trust": 5}


@pytest.fixture
def frozen() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def board(council: Council) -> Body:
    body = Body.objects.create(
        name="Portfolioraad",
        kind=BodyKind.PORTFOLIO_BOARD,
        org_unit=council.world.ministry,
        chair=council.marc,
        secretary=council.world.frank,
        mandate_holder=council.marc,
        quorum=1,
    )
    Membership.objects.create(body=body, person=council.world.alice, since=dt.date(2020, 1, 1))
    Membership.objects.create(
        body=body, person=council.otto, capacity=MemberCapacity.ADVISORY, since=dt.date(2020, 1, 1)
    )
    return body


def _meeting(council: Council, body: Body | None = None, at: dt.datetime = MEETING_AT) -> Meeting:
    return meetings.create_meeting(council.marc, body or council.body, {"starts_at": at, "location": "Zaal 1"})


def _data(council: Council) -> dict[str, object]:
    """One item of every kind: intake, red rating, red warning, expiring exemption (and one expiring later)."""
    world = council.world
    Initiative.objects.filter(pk=world.initiative.pk).update(phase="intake")
    StatusReport.objects.create(
        initiative=world.other_initiative, period_end=dt.date(2027, 1, 31), cost="red", schedule="amber",
        scope="green", risk="red", overall="red", narrative="Slecht", reported_by=world.alice,
    )  # fmt: skip
    warned = InitiativeFactory(code="MINBZ-0003", name="Zaaksysteem", org_unit=world.department, phase="execution")
    EarlyWarning.objects.create(initiative=warned, rule="overrun", severity="red", first_seen=dt.date(2027, 1, 1))
    framework = Framework.objects.create(code="cloud", title="Cloudbeleid", org_unit=world.ministry)
    version = FrameworkVersion.objects.create(framework=framework, number=1, effective_on=dt.date(2026, 1, 1))
    soon = ComplianceStatement.objects.create(
        initiative=warned, framework=framework, framework_version=version, state="exemption_granted",
        explanation="Legacy", exemption_until=dt.date(2027, 4, 30), stated_by=world.alice, stated_at=NOW,
    )  # fmt: skip
    ComplianceStatement.objects.create(
        initiative=world.other_initiative, framework=framework, framework_version=version,
        state="exemption_granted", explanation="Later", exemption_until=dt.date(2027, 12, 31),
        stated_by=world.alice, stated_at=NOW,
    )  # fmt: skip
    return {"warned": warned, "exemption": soon}


class TestKeepingMeetings:
    def test_chair_secretary_and_manager_plan_a_member_or_viewer_may_not(self, council: Council) -> None:
        assert _meeting(council).location == "Zaal 1"
        assert meetings.create_meeting(council.world.frank, council.body, {"starts_at": MEETING_AT}).pk
        for person in (council.world.alice, council.world.bob, council.world.charlie):
            with pytest.raises(PermissionDenied):
                meetings.create_meeting(person, council.body, {"starts_at": MEETING_AT})

    def test_minutes_with_a_version_check(self, council: Council) -> None:
        meeting = _meeting(council)
        meetings.save_minutes(council.world.frank, meeting, "Besloten: B-2027-0001.", version=1)
        with pytest.raises(meetings.StaleVersion) as stale:
            meetings.save_minutes(council.marc, meeting, "Anders", version=1)
        assert stale.value.current.minutes == "Besloten: B-2027-0001."

    def test_held_only_once_begun_and_cancelled_stays_cancelled(self, council: Council, frozen: object) -> None:
        meeting = _meeting(council)
        with pytest.raises(ValidationError):
            meetings.set_state(council.marc, meeting, "held", version=1)
        held = meetings.set_state(council.marc, meeting, "held", version=1, now=MEETING_AT)
        assert held.state == "held"
        with pytest.raises(ValidationError):
            meetings.set_state(council.marc, held, "cancelled", version=2)
        other = _meeting(council, at=MEETING_AT + dt.timedelta(days=30))
        cancelled = meetings.set_state(council.marc, other, "cancelled", version=1)
        with pytest.raises(ValidationError):
            meetings.save_minutes(council.marc, cancelled, "x", version=2)

    def test_decisions_taken_cite_the_meeting(self, council: Council) -> None:
        meeting = _meeting(council)
        proposal = _policy(council)
        decision = Decision.objects.create(
            reference="D-2027-0001", proposal=proposal, outcome="approved", basis="consensus",
            body=council.body, meeting=meeting, decided_at=MEETING_AT,
        )  # fmt: skip
        assert list(meetings.decisions_taken(meeting)) == [decision]
        assert meeting in meetings.meeting_choices(proposal, around=dt.date(2027, 3, 1))


class TestAgenda:
    def test_the_live_agenda_follows_the_data(self, council: Council, frozen: object) -> None:
        coming = _policy(council)
        from roer.governance.services import flow

        flow.submit(council.paul, coming)
        voting = _policy(council)
        flow.submit(council.paul, voting)
        _advise_all(voting, council)
        made = _data(council)
        entries = meetings.live_agenda(_meeting(council))
        kinds = [(entry.kind, entry.coming) for entry in entries]
        assert kinds == [
            (AgendaKind.PROPOSAL, False),
            (AgendaKind.PROPOSAL, True),
            (AgendaKind.INTAKE, False),
            (AgendaKind.RED_RATING, False),
            (AgendaKind.WARNING, False),
            (AgendaKind.EXPIRING_EXEMPTION, False),
        ]
        assert entries[0].proposal == voting and entries[1].proposal == coming
        assert entries[2].initiative == council.world.initiative
        assert entries[3].initiative == council.world.other_initiative
        assert entries[4].initiative == made["warned"]
        assert entries[5].compliance_statement == made["exemption"]

    def test_a_portfolio_board_has_its_evaluation_on_the_agenda(self, council: Council, board: Body) -> None:
        entries = meetings.live_agenda(_meeting(council, board))
        assert entries[-1].kind == AgendaKind.EVALUATION and "2027 Q1" in entries[-1].title

    def test_fixing_writes_the_items_and_stops_following_the_data(self, council: Council, frozen: object) -> None:
        _data(council)
        meeting = _meeting(council)
        fixed = meetings.fix_agenda(council.world.frank, meeting, version=1)
        assert fixed.agenda_fixed_at == NOW and fixed.items.count() == 4
        Initiative.objects.filter(pk=council.world.initiative.pk).update(phase="approved")
        assert len(meetings.live_agenda(fixed)) == 3
        assert [entry.kind for entry in meetings.agenda(fixed)][0] == AgendaKind.INTAKE
        assert len(meetings.agenda(fixed)) == 4
        with pytest.raises(ValidationError):
            meetings.fix_agenda(council.marc, fixed, version=2)
        with pytest.raises(PermissionDenied):
            meetings.fix_agenda(council.world.alice, fixed, version=2)

    def test_fixing_on_an_older_version_is_refused(self, council: Council) -> None:
        meeting = _meeting(council)
        meetings.save_minutes(council.marc, meeting, "Concept", version=1)
        with pytest.raises(meetings.StaleVersion):
            meetings.fix_agenda(council.marc, meeting, version=1)


class TestEvaluation:
    def test_planning_the_first_meeting_of_a_quarter_asks_the_members(self, council: Council, board: Body) -> None:
        meeting = _meeting(council, board)
        asked = Notification.objects.filter(kind=NotificationKind.EVALUATION_DUE, meeting=meeting)
        assert {n.recipient for n in asked} == {council.marc, council.world.alice, council.otto}
        _meeting(council, board, MEETING_AT + dt.timedelta(days=7))
        assert Notification.objects.filter(kind=NotificationKind.EVALUATION_DUE).count() == 3
        _meeting(council, board, MEETING_AT + dt.timedelta(days=30))  # April: a new quarter
        assert Notification.objects.filter(kind=NotificationKind.EVALUATION_DUE).count() == 6

    def test_a_council_meeting_asks_nothing(self, council: Council) -> None:
        _meeting(council)
        assert not Notification.objects.filter(kind=NotificationKind.EVALUATION_DUE).exists()

    def test_a_member_answers_once_per_quarter_and_may_revise(self, council: Council, board: Body) -> None:
        meeting = _meeting(council, board)
        first = evaluations.submit_evaluation(council.world.alice, meeting, SCORES, "Goed", now=NOW)
        again = evaluations.submit_evaluation(council.world.alice, meeting, SCORES | {"trust": 1}, now=NOW)
        assert first.pk == again.pk and again.trust == 1
        assert CollaborationEvaluation.objects.filter(body=board).count() == 1
        assert (again.year, again.quarter) == (2027, 1)

    def test_after_the_quarter_no_answer_and_no_revision(self, council: Council, board: Body) -> None:
        meeting = _meeting(council, board)
        with pytest.raises(ValidationError):
            evaluations.submit_evaluation(
                council.world.alice, meeting, SCORES, now=dt.datetime(2027, 4, 2, tzinfo=dt.UTC)
            )

    def test_only_members_and_only_a_portfolio_board(self, council: Council, board: Body) -> None:
        with pytest.raises(PermissionDenied):
            evaluations.submit_evaluation(council.world.bob, _meeting(council, board), SCORES, now=NOW)
        with pytest.raises(ValidationError):
            evaluations.submit_evaluation(council.world.alice, _meeting(council), SCORES, now=NOW)

    def test_scores_from_1_to_5(self, council: Council, board: Body) -> None:
        with pytest.raises(ValidationError) as refused:
            evaluations.submit_evaluation(council.world.alice, _meeting(council, board), SCORES | {"trust": 6}, now=NOW)
        assert "trust" in refused.value.message_dict

    def test_the_trend_per_quarter_with_one_decimal(self, council: Council, board: Body) -> None:
        q1 = _meeting(council, board)
        q2 = _meeting(council, board, dt.datetime(2027, 5, 10, 13, 0, tzinfo=dt.UTC))
        evaluations.submit_evaluation(council.world.alice, q1, SCORES, now=NOW)
        evaluations.submit_evaluation(council.otto, q1, SCORES | {"trust": 4, "timely_decisions": 3}, now=NOW)
        evaluations.submit_evaluation(council.marc, q1, SCORES | {"trust": 4}, now=NOW)
        evaluations.submit_evaluation(council.world.alice, q2, SCORES, now=NOW)
        first, second = evaluations.trend(board)
        assert (first.label, first.respondents, second.label, second.respondents) == ("2027 Q1", 3, "2027 Q2", 1)
        assert first.means["trust"] == Decimal("4.3") and first.means["timely_decisions"] == Decimal("2.3")
        assert first.means["shared_goals"] == Decimal("4.0") and isinstance(first.means["trust"], Decimal)


class TestMeetingPages:
    def test_the_keeper_sees_the_live_agenda_and_the_actions(self, client: Client, council: Council) -> None:
        _data(council)
        meeting = _meeting(council)
        client.force_login(council.world.frank)
        content = client.get(reverse("governance:meeting-detail", args=[meeting.pk])).content.decode()
        assert "Live: this agenda follows the data" in content and "Woningregister" in content
        assert 'aria-current="page">Bodies' in content  # a meeting lies under its body, not the overview
        assert reverse("governance:meeting-fix-agenda", args=[meeting.pk]) in content
        response = client.post(reverse("governance:meeting-fix-agenda", args=[meeting.pk]), {"version": 1})
        assert response.status_code == 302 and Meeting.objects.get(pk=meeting.pk).agenda_fixed_at is not None
        assert "Fixed on" in client.get(response["Location"]).content.decode()

    def test_the_viewer_sees_only_the_items_in_scope(self, client: Client, council: Council) -> None:
        _data(council)
        meeting = _meeting(council)
        client.force_login(council.world.bob)
        response = client.get(reverse("governance:meeting-detail", args=[meeting.pk]))
        content = response.content.decode()
        assert response.status_code == 200 and "Regie op gegevens" in content
        assert "Woningregister" not in content and "1 further item" in content
        assert reverse("governance:meeting-fix-agenda", args=[meeting.pk]) not in content
        assert (
            client.post(reverse("governance:meeting-fix-agenda", args=[meeting.pk]), {"version": 1}).status_code == 403
        )
        assert client.post(reverse("governance:meeting-state", args=[meeting.pk]), {"state": "held"}).status_code == 403
        assert client.get(reverse("governance:meeting-minutes", args=[meeting.pk])).status_code == 403
        assert client.get(reverse("governance:meeting-create", args=[council.body.pk])).status_code == 403

    def test_a_member_sees_the_whole_agenda(self, client: Client, council: Council) -> None:
        _data(council)
        meeting = _meeting(council)
        client.force_login(council.world.alice)
        assert "Woningregister" in client.get(reverse("governance:meeting-detail", args=[meeting.pk])).content.decode()

    def test_the_outsider_is_refused(self, client: Client, council: Council, board: Body) -> None:
        meeting = _meeting(council, board)
        client.force_login(council.world.charlie)
        for name in ("meeting-detail", "meeting-minutes", "evaluation-form"):
            assert client.get(reverse(f"governance:{name}", args=[meeting.pk])).status_code == 404
        assert client.get(reverse("governance:evaluation-trend", args=[board.pk])).status_code == 404

    def test_planning_minutes_and_state_through_the_pages(self, client: Client, council: Council) -> None:
        client.force_login(council.marc)
        response = client.post(
            reverse("governance:meeting-create", args=[council.body.pk]),
            {"starts_at": "2026-01-10T10:00", "location": "Den Haag"},
        )
        assert response.status_code == 302
        meeting = Meeting.objects.get(body=council.body)
        url = reverse("governance:meeting-minutes", args=[meeting.pk])
        assert client.post(url, {"minutes": "Aanwezig: allen.", "version": 1}).status_code == 302
        stale = client.post(url, {"minutes": "Anders.", "version": 1})
        assert stale.status_code == 200 and "someone else changed this meanwhile" in stale.content.decode()
        client.post(reverse("governance:meeting-state", args=[meeting.pk]), {"state": "held", "version": 2})
        assert Meeting.objects.get(pk=meeting.pk).state == "held"

    def test_the_evaluation_form_and_trend(self, client: Client, council: Council, board: Body) -> None:
        meeting = _meeting(council, board, dt.datetime.now(tz=dt.UTC))
        url = reverse("governance:evaluation-form", args=[meeting.pk])
        client.force_login(council.world.alice)
        form = client.get(url).content.decode()
        assert "<fieldset" in form and "<legend" in form and 'type="radio"' in form
        refused = client.post(url, {"shared_goals": "4"})
        assert refused.status_code == 200 and "Choose a score from 1 to 5." in refused.content.decode()
        assert client.post(url, {name: str(v) for name, v in SCORES.items()} | {"comment": "Prima"}).status_code == 302
        client.force_login(council.world.bob)
        assert client.get(url).status_code == 403
        trend = client.get(reverse("governance:evaluation-trend", args=[board.pk]))
        content = trend.content.decode()
        assert trend.status_code == 200 and "<svg" in content and "<title" in content and "<desc" in content
        assert "<caption" in content and "Prima" not in content
        client.force_login(council.world.alice)
        assert "Prima" in client.get(reverse("governance:evaluation-trend", args=[board.pk])).content.decode()
        assert client.get(reverse("governance:evaluation-trend", args=[council.body.pk])).status_code == 403


class TestRescheduling:
    def test_the_keeper_moves_a_planned_meeting_with_a_version_check(self, council: Council) -> None:
        meeting = _meeting(council)
        later = MEETING_AT + dt.timedelta(days=1)
        moved = meetings.reschedule(council.world.frank, meeting, {"starts_at": later, "location": "Zaal 2"}, 1)
        assert (moved.starts_at, moved.location, moved.version) == (later, "Zaal 2", 2)
        with pytest.raises(meetings.StaleVersion):
            meetings.reschedule(council.marc, meeting, {"starts_at": MEETING_AT}, 1)
        with pytest.raises(PermissionDenied):
            meetings.reschedule(council.world.alice, meeting, {"starts_at": MEETING_AT}, 2)
        cancelled = meetings.set_state(council.marc, moved, "cancelled", 2)
        with pytest.raises(ValidationError):
            meetings.reschedule(council.marc, cancelled, {"starts_at": MEETING_AT}, 3)

    def test_the_edit_page(self, client: Client, council: Council) -> None:
        meeting = _meeting(council)
        url = reverse("governance:meeting-edit", args=[meeting.pk])
        client.force_login(council.world.bob)
        assert client.get(url).status_code == 403
        client.force_login(council.world.charlie)
        assert client.get(url).status_code == 404
        client.force_login(council.marc)
        assert client.get(url).status_code == 200
        data = {"starts_at": "2027-03-11T14:00", "location": "Zaal 3", "version": 1}
        assert client.post(url, data).status_code == 302
        assert Meeting.objects.get(pk=meeting.pk).location == "Zaal 3"
        stale = client.post(url, data | {"location": "Zaal 4"})
        assert stale.status_code == 200 and "someone else changed this meanwhile" in stale.content.decode()
