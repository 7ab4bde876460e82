"""The demo's meetings, through the meetings and evaluations services: the CIO council meeting
where the mandate holder decided, the portfolio board's last two quarterly meetings with the
members' evaluations of the business–IT collaboration (a trend), the council's next meeting
(its agenda still follows the data), and an inbox that reads like a working one: what was
answered is read, older notifications too, recent ones not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Protocol

from django.utils import timezone

from roer.demo.report import BuildReport
from roer.governance.models import (
    EVALUATION_FIELDS,
    AdviceRequest,
    Body,
    Meeting,
    MeetingState,
    Notification,
    Vote,
)
from roer.governance.services import evaluations, meetings
from roer.organisation.models import Person

LOCATION = "Turfmarkt 147, Den Haag, zaal 4.12"

# Scores per respondent (shared goals, early involvement, understanding, timely decisions, trust):
# the earlier quarter, then the latest, where joost and thomas have not answered yet.
EARLIER = {
    "gerard": (3, 2, 3, 2, 4),
    "marieke": (4, 3, 3, 2, 4),
    "joost": (3, 2, 3, 3, 3),
    "samira": (3, 2, 2, 2, 3),
    "ruud": (4, 3, 4, 3, 4),
    "thomas": (3, 2, 3, 2, 3),
    "esther": (3, 3, 3, 2, 4),
}
LATEST = {
    "gerard": (4, 3, 3, 3, 4),
    "marieke": (4, 3, 4, 3, 4),
    "samira": (3, 3, 3, 3, 4),
    "ruud": (4, 4, 4, 3, 4),
    "esther": (4, 3, 3, 3, 4),
}
COMMENTS = {
    ("samira", 0): "IT schuift pas aan als het beleid al vastligt.",
    ("gerard", 1): "De intakes komen eerder op tafel; dat merk je.",
    ("samira", 1): "Beter, maar besluiten over de cloud duren nog lang.",
}


class HasClock(Protocol):
    today: dt.date

    def at(self, days: int, hour: int = 10, minute: int = 0) -> dt.datetime: ...


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _planned(keeper: Person, body: Body, starts_at: dt.datetime, fix: bool = True) -> Meeting:
    """Planned through the meetings service; the agenda, generated from the data, fixed two days before."""
    meeting = meetings.create_meeting(keeper, body, {"starts_at": starts_at, "location": LOCATION})
    if fix:
        meeting = meetings.fix_agenda(keeper, meeting, meeting.version, now=starts_at - dt.timedelta(days=2))
    return meeting


def _held(keeper: Person, meeting: Meeting, minutes: str) -> None:
    meeting = meetings.set_state(
        keeper, meeting, MeetingState.HELD, meeting.version, now=meeting.starts_at + dt.timedelta(hours=2)
    )
    meetings.save_minutes(keeper, meeting, minutes, meeting.version)


def council_meeting(clock: HasClock, council: Body, keeper: Person) -> Meeting:
    """The council meeting at which the mandate holder decides the escalated proposal: on its fixed agenda."""
    return _planned(keeper, council, clock.at(-64, 14))


def _quarters(today: dt.date) -> tuple[tuple[int, int, dt.date], tuple[int, int, dt.date]]:
    """The portfolio board meets mid-quarter: its last two meetings before ``today``."""

    def previous(year: int, quarter: int) -> tuple[int, int]:
        return (year, quarter - 1) if quarter > 1 else (year - 1, 4)

    def meeting_day(year: int, quarter: int) -> tuple[int, int, dt.date]:
        return year, quarter, dt.date(year, 3 * (quarter - 1) + 2, 15)

    year, quarter = today.year, (today.month - 1) // 3 + 1
    if meeting_day(year, quarter)[2] >= today:
        year, quarter = previous(year, quarter)
    return meeting_day(*previous(year, quarter)), meeting_day(year, quarter)


def _evaluate(meeting: Meeting, index: int, scores: Mapping[str, tuple[int, ...]], people: Any) -> None:
    for number, (username, values) in enumerate(scores.items()):
        evaluations.submit_evaluation(
            people[username],
            meeting,
            dict(zip(EVALUATION_FIELDS, values, strict=True)),
            COMMENTS.get((username, index), ""),
            now=meeting.starts_at + dt.timedelta(hours=3, minutes=10 * number),
        )


def add_meetings(
    clock: HasClock,
    people: dict[str, Person],
    council: Body,
    board: Body,
    decided_at_meeting: Meeting,
    report: BuildReport,
) -> None:
    decision = decided_at_meeting.decisions.get()
    _held(
        people["rik"],
        decided_at_meeting,
        "Aanwezig: Marieke van den Berg (voorzitter, mandaathouder), Joost Verhoeven, Samira El Amrani, "
        "Pieter Kuipers, Ingrid Mulder, Ruud Hendriks; adviseurs Lotte Brouwer, Daan Smits, Yusuf Demir.\n\n"
        "De raad bereikte geen consensus over het kader generatieve AI: DG Wonen maakte bezwaar, "
        f"DG Openbaar Bestuur onthield zich. De mandaathouder besluit ({decision.reference}): vastgesteld met "
        "een overgangstermijn voor de lopende toepassing van DG Wonen. Het bezwaar staat in het besluit.\n\n"
        "De overige agendapunten zijn besproken; geen besluiten.",
    )
    # The next council meeting: its agenda follows the data until the secretary fixes it.
    _planned(people["rik"], council, clock.at(9, 14), fix=False)
    for index, (year, quarter, day) in enumerate(_quarters(clock.today)):
        meeting = _planned(people["thomas"], board, _aware(day, 13))
        _held(
            people["thomas"],
            meeting,
            f"Voorzitter Gerard Dekker. De portfoliorapportage {year}-K{quarter} is besproken; "
            "de intakes gaan door naar de CIO's van de eigen onderdelen. "
            "De leden vullen de evaluatie van de samenwerking in na de vergadering.",
        )
        _evaluate(meeting, index, EARLIER if index == 0 else LATEST, people)
    report.note("meetings", True, 4)
    _read_what_was_handled(clock)


def _read_what_was_handled(clock: HasClock) -> None:
    """A working inbox: a request is read once its recipient answered it, anything else after a day,
    except what arrived in the last two weeks."""
    answered: dict[tuple[str, int | None, int | None], dt.datetime] = {}
    for request in AdviceRequest.objects.filter(given_at__isnull=False, adviser__isnull=False):
        answered[("proposal", request.proposal_id, request.adviser_id)] = request.given_at  # type: ignore[assignment]
    for vote in Vote.objects.all():
        answered[("proposal", vote.proposal_id, vote.member_id)] = vote.cast_at
    for meeting in Meeting.objects.filter(body__evaluations__isnull=False).distinct():
        year, quarter = meetings.quarter_of(meeting.starts_at)
        for evaluation in meeting.body.evaluations.filter(year=year, quarter=quarter):
            answered[("meeting", meeting.pk, evaluation.respondent_id)] = evaluation.submitted_at
    recent = clock.at(-14, 0)
    for notification in Notification.objects.filter(read_at__isnull=True):
        key = (
            ("meeting", notification.meeting_id) if notification.meeting_id else ("proposal", notification.proposal_id)
        )
        read_at = answered.get((*key, notification.recipient_id))
        if read_at is None and notification.created_at < recent:
            read_at = notification.created_at + dt.timedelta(days=1)
        if read_at is not None:
            # (The meetings service asks for the evaluation at the real time of the build: never read before sent.)
            Notification.objects.filter(pk=notification.pk).update(read_at=max(read_at, notification.created_at))
