"""The demo's meetings: the CIO council meeting where the mandate holder decided, the portfolio
board's last two quarterly meetings with the members' evaluations of the business–IT
collaboration (a trend), the next meetings (their agendas still follow the data), and an
inbox that reads like a working one: older notifications read, recent ones not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Protocol

from django.utils import timezone

from roer.demo.report import BuildReport
from roer.governance.models import (
    AdviceRequest,
    AgendaItem,
    AgendaKind,
    Body,
    CollaborationEvaluation,
    Meeting,
    MeetingState,
    Notification,
    NotificationKind,
    Proposal,
    Vote,
)
from roer.governance.services.notify import notify
from roer.organisation.models import Person
from roer.portfolio.models import Initiative

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
INTAKES = ("BDZ-0016", "BDZ-0019", "BDZ-0027")


class HasClock(Protocol):
    today: dt.date

    def at(self, days: int, hour: int = 10, minute: int = 0) -> dt.datetime: ...


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _meeting(body: Body, starts_at: dt.datetime, items: list[tuple[str, str, Any]], fixed: bool) -> Meeting:
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        location=LOCATION,
        agenda_fixed_at=starts_at - dt.timedelta(days=2) if fixed else None,
    )
    meeting.full_clean()
    meeting.save()
    for position, (kind, title, subject) in enumerate(items, start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            kind=kind,
            title=title,
            proposal=subject if isinstance(subject, Proposal) else None,
            initiative=subject if isinstance(subject, Initiative) else None,
        )
    return meeting


def _held(meeting: Meeting, minutes: str) -> None:
    meeting.state = MeetingState.HELD
    meeting.minutes = minutes
    meeting.version += 1
    meeting.save()


def council_meeting(clock: HasClock, council: Body, proposal: Proposal) -> Meeting:
    """The council meeting at which the mandate holder decides the escalated proposal; its agenda is fixed."""
    return _meeting(
        council,
        clock.at(-64, 14),
        [
            (AgendaKind.OTHER, "Opening en vaststelling van de agenda", None),
            (AgendaKind.PROPOSAL, f"{proposal.title} (geëscaleerd: besluit van de mandaathouder)", proposal),
            (
                AgendaKind.OTHER,
                "Voortgang migratie naar de overheidscloud",
                Initiative.objects.get(code="BDZ-0037"),
            ),
            (AgendaKind.OTHER, "Rondvraag", None),
        ],
        fixed=True,
    )


def _quarters(today: dt.date) -> list[tuple[int, int, dt.date]]:
    """The portfolio board meets mid-quarter: its last two meetings before ``today``, and its next one."""

    def meeting_day(year: int, quarter: int) -> tuple[int, int, dt.date]:
        return year, quarter, dt.date(year, 3 * (quarter - 1) + 2, 15)

    def previous(year: int, quarter: int) -> tuple[int, int]:
        return (year, quarter - 1) if quarter > 1 else (year - 1, 4)

    year, quarter = today.year, (today.month - 1) // 3 + 1
    current = meeting_day(year, quarter)
    following = (
        current if current[2] >= today else meeting_day(*((year, quarter + 1) if quarter < 4 else (year + 1, 1)))
    )
    if current[2] >= today:
        year, quarter = previous(year, quarter)
    latest = meeting_day(year, quarter)
    earlier = meeting_day(*previous(year, quarter))
    return [earlier, latest, following]


def _board_items(year: int, quarter: int) -> list[tuple[str, str, Any]]:
    items: list[tuple[str, str, Any]] = [(AgendaKind.OTHER, f"Portfoliorapportage {year}-K{quarter}", None)]
    for code in INTAKES:
        initiative = Initiative.objects.get(code=code)
        items.append((AgendaKind.INTAKE, f"Intake: {initiative.name}", initiative))
    items.append((AgendaKind.EVALUATION, "Evaluatie van de samenwerking tussen bedrijf en IT", None))
    items.append((AgendaKind.OTHER, "Rondvraag", None))
    return items


def _evaluate(board: Body, meeting: Meeting, index: int, scores: Mapping[str, tuple[int, ...]], people: Any) -> None:
    local = timezone.localtime(meeting.starts_at)
    year, quarter = local.year, (local.month - 1) // 3 + 1
    for number, (username, values) in enumerate(scores.items()):
        person = people[username]
        evaluation = CollaborationEvaluation(
            body=board,
            year=year,
            quarter=quarter,
            respondent=person,
            shared_goals=values[0],
            early_involvement=values[1],
            understanding=values[2],
            timely_decisions=values[3],
            trust=values[4],
            comment=COMMENTS.get((username, index), ""),
            submitted_at=meeting.starts_at + dt.timedelta(hours=3, minutes=10 * number),
        )
        evaluation.full_clean()
        evaluation.save()


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
        decided_at_meeting,
        "Aanwezig: Marieke van den Berg (voorzitter, mandaathouder), Joost Verhoeven, Samira El Amrani, "
        "Pieter Kuipers, Ingrid Mulder, Ruud Hendriks; adviseurs Lotte Brouwer, Daan Smits, Yusuf Demir.\n\n"
        f"2. De raad bereikte geen consensus over het kader generatieve AI: DG Wonen maakte bezwaar, "
        f"DG Openbaar Bestuur onthield zich. De mandaathouder besluit ({decision.reference}): vastgesteld met "
        "een overgangstermijn voor de lopende toepassing van DG Wonen. Het bezwaar staat in het besluit.\n\n"
        "3. De migratie naar de overheidscloud ligt op schema; het exitplan volgt in het volgende kwartaal.\n\n"
        "4. Geen punten.",
    )
    # The next council meeting: its agenda follows the data until the secretary fixes it.
    _meeting(council, clock.at(9, 14), [], fixed=False)
    meetings = 2
    earlier, latest, following = _quarters(clock.today)
    for index, (year, quarter, day) in enumerate((earlier, latest)):
        meeting = _meeting(board, _aware(day, 13), _board_items(year, quarter), fixed=True)
        _held(
            meeting,
            f"Voorzitter Gerard Dekker. De portfoliorapportage {year}-K{quarter} is besproken; "
            "de intakes gaan door naar de CIO's van de eigen onderdelen. "
            "De leden vullen de evaluatie van de samenwerking in na de vergadering.",
        )
        meetings += 1
        _evaluate(board, meeting, index, EARLIER if index == 0 else LATEST, people)
        if index == 1:
            # Two members have not evaluated the latest quarter yet: a reminder in their inbox.
            late = [people[username] for username in EARLIER if username not in LATEST]
            notify(
                late, NotificationKind.EVALUATION_DUE, meeting=meeting, now=meeting.starts_at + dt.timedelta(hours=3)
            )
    _meeting(board, _aware(following[2], 13), [], fixed=False)
    meetings += 1
    report.note("meetings", True, meetings)
    _read_what_was_handled(clock)


def _read_what_was_handled(clock: HasClock) -> None:
    """A working inbox: a request is read once its recipient answered it, anything else after a day,
    except what arrived in the last two weeks."""
    answered: dict[tuple[int | None, int | None], dt.datetime] = {}
    for request in AdviceRequest.objects.filter(given_at__isnull=False, adviser__isnull=False):
        answered[(request.proposal_id, request.adviser_id)] = request.given_at  # type: ignore[assignment]
    for vote in Vote.objects.all():
        answered[(vote.proposal_id, vote.member_id)] = vote.cast_at
    recent = clock.at(-14, 0)
    for notification in Notification.objects.filter(read_at__isnull=True):
        read_at = answered.get((notification.proposal_id, notification.recipient_id))
        if read_at is None and notification.created_at < recent:
            read_at = notification.created_at + dt.timedelta(days=1)
        if read_at is not None:
            Notification.objects.filter(pk=notification.pk).update(read_at=read_at)
