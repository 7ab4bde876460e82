"""Meetings of a body: the agenda generated from the data, fixing it, minutes, and the meeting's state.

Until the agenda is fixed the meeting page shows the *live* agenda, computed from the data
for the body's scope at that moment:

1. proposals waiting for this body — voting or escalated — and, as "coming", those still in advice;
2. intakes: initiatives in the intake phase;
3. initiatives whose latest status report is red (own or independent rating) or that carry a red
   early warning;
4. exemptions (granted) that expire within 90 days of the meeting;
5. for a portfolio board, the quarter's evaluation of the business–IT collaboration.

``fix_agenda`` writes those entries as AgendaItem rows; from then on the page shows the fixed
agenda. The chair, the secretary, the mandate holder and MANAGE_GOVERNANCE at the body's unit
plan meetings and keep them; every change is audited, and minutes based on an older version of
the meeting are refused (``StaleVersion``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.governance.models import (
    AgendaItem,
    AgendaKind,
    Body,
    BodyKind,
    ComplianceState,
    ComplianceStatement,
    Decision,
    Meeting,
    MeetingState,
    NotificationKind,
    Proposal,
    ProposalState,
)
from roer.governance.services.bodies import current_memberships, may_manage
from roer.governance.services.notify import notify
from roer.governance.services.versioning import StaleVersion, locked
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.models.reporting import Rag, StatusReport

__all__ = [
    "EXEMPTION_HORIZON_DAYS",
    "AgendaEntry",
    "StaleVersion",
    "agenda",
    "create_meeting",
    "decisions_taken",
    "fix_agenda",
    "live_agenda",
    "may_keep",
    "meeting_choices",
    "participants",
    "quarter_of",
    "reschedule",
    "save_minutes",
    "set_state",
]

EXEMPTION_HORIZON_DAYS = 90
ENDED_PHASES = (Phase.CLOSED, Phase.STOPPED)


@dataclass(frozen=True)
class AgendaEntry:
    kind: str
    title: str
    proposal: Proposal | None = None
    initiative: Initiative | None = None
    compliance_statement: ComplianceStatement | None = None
    coming: bool = False

    @property
    def kind_label(self) -> str:
        return str(AgendaKind(self.kind).label)


def participants(body: Body) -> set[int]:
    """The people who take part in the body's meetings: members, chair, secretary, mandate holder."""
    people = {body.chair_id, body.mandate_holder_id, *current_memberships(body).values_list("person_id", flat=True)}
    if body.secretary_id:
        people.add(body.secretary_id)
    return people


def may_keep(user: Any, body: Body) -> bool:
    """Plans meetings, fixes agendas, writes minutes: chair, secretary, mandate holder or a governance manager."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (body.chair_id, body.secretary_id, body.mandate_holder_id) or may_manage(user, body)


def _refuse_unless_keeper(user: Any, body: Body) -> None:
    if not may_keep(user, body):
        raise PermissionDenied(
            _(
                "Only the chair, the secretary, the mandate holder or a governance manager "
                "keeps the meetings of %(body)s."
            )
            % {"body": body}
        )


def quarter_of(moment: datetime) -> tuple[int, int]:
    local = timezone.localtime(moment)
    return local.year, (local.month - 1) // 3 + 1


def create_meeting(user: Any, body: Body, values: dict[str, Any]) -> Meeting:
    """Plan a meeting; a portfolio board's first meeting in a quarter asks its members for the evaluation."""
    _refuse_unless_keeper(user, body)
    starts_at = values.get("starts_at")
    if starts_at is None:
        raise ValidationError({"starts_at": [_("This field is required.")]})
    with transaction.atomic():
        Body.objects.select_for_update().get(pk=body.pk)
        meeting = Meeting(body=body, starts_at=starts_at, location=values.get("location") or "")
        meeting.full_clean()
        meeting.save()
        if body.kind == BodyKind.PORTFOLIO_BOARD and _first_in_quarter(meeting):
            members = [m.person for m in current_memberships(body, timezone.localtime(starts_at).date())]
            notify([body.chair, *members], NotificationKind.EVALUATION_DUE, meeting=meeting)
    return meeting


def reschedule(user: Any, meeting: Meeting, values: dict[str, Any], version: int) -> Meeting:
    """Move a planned meeting or change its location; the evaluation question is not asked again."""
    _refuse_unless_keeper(user, meeting.body)
    with transaction.atomic():
        stored: Meeting = locked(meeting, version)
        if stored.state != MeetingState.PLANNED:
            raise ValidationError(_("Only a planned meeting can be moved."))
        if values.get("starts_at") is None:
            raise ValidationError({"starts_at": [_("This field is required.")]})
        stored.starts_at = values["starts_at"]
        stored.location = values.get("location") or ""
        stored.version += 1
        stored.full_clean()
        stored.save()
    return stored


def _first_in_quarter(meeting: Meeting) -> bool:
    year, quarter = quarter_of(meeting.starts_at)
    others = Meeting.objects.filter(body=meeting.body).exclude(pk=meeting.pk).exclude(state=MeetingState.CANCELLED)
    return not any(quarter_of(other.starts_at) == (year, quarter) for other in others.only("starts_at"))


# --- the agenda ---------------------------------------------------------------------------------


def _in_scope(body: Body) -> Any:
    return Initiative.objects.filter(org_unit__path__startswith=body.org_unit.path).exclude(phase__in=ENDED_PHASES)


def live_agenda(meeting: Meeting) -> list[AgendaEntry]:
    body = meeting.body
    day = timezone.localtime(meeting.starts_at).date()
    entries: list[AgendaEntry] = []
    proposals = Proposal.objects.filter(
        body=body, state__in=(ProposalState.VOTING, ProposalState.ESCALATED, ProposalState.ADVICE)
    ).order_by("submitted_at", "reference")
    for proposal in proposals:
        coming = proposal.state == ProposalState.ADVICE
        entries.append(
            AgendaEntry(AgendaKind.PROPOSAL, f"{proposal.reference} {proposal.title}", proposal, coming=coming)
        )
    entries.sort(key=lambda entry: entry.coming)  # decisions due first, the coming ones after them
    for initiative in _in_scope(body).filter(phase=Phase.INTAKE).order_by("code"):
        entries.append(AgendaEntry(AgendaKind.INTAKE, f"{initiative.code} {initiative.name}", initiative=initiative))
    latest = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-period_end")
    rated = _in_scope(body).annotate(
        own=Subquery(latest.values("overall")[:1]), independent=Subquery(latest.values("independent_overall")[:1])
    )
    red = list(rated.filter(Q(own=Rag.RED) | Q(independent=Rag.RED)).order_by("code"))
    for initiative in red:
        entries.append(
            AgendaEntry(AgendaKind.RED_RATING, f"{initiative.code} {initiative.name}", initiative=initiative)
        )
    warned = _in_scope(body).filter(warnings__severity=Rag.RED).exclude(pk__in=[i.pk for i in red]).distinct()
    for initiative in warned.order_by("code"):
        entries.append(AgendaEntry(AgendaKind.WARNING, f"{initiative.code} {initiative.name}", initiative=initiative))
    expiring = (
        ComplianceStatement.objects.filter(
            state=ComplianceState.EXEMPTION_GRANTED,
            exemption_until__gte=day,
            exemption_until__lte=day + timedelta(days=EXEMPTION_HORIZON_DAYS),
            initiative__org_unit__path__startswith=body.org_unit.path,
        )
        .select_related("initiative", "framework")
        .order_by("exemption_until", "pk")
    )
    for statement in expiring:
        title = _("%(code)s %(framework)s, until %(until)s") % {
            "code": statement.initiative.code,
            "framework": statement.framework.title,
            "until": statement.exemption_until.isoformat() if statement.exemption_until else "",
        }
        entries.append(
            AgendaEntry(
                AgendaKind.EXPIRING_EXEMPTION,
                title,
                initiative=statement.initiative,
                compliance_statement=statement,
            )
        )
    if body.kind == BodyKind.PORTFOLIO_BOARD:
        year, quarter = quarter_of(meeting.starts_at)
        entries.append(
            AgendaEntry(
                AgendaKind.EVALUATION,
                _("Evaluation of the business–IT collaboration, %(year)d Q%(quarter)d")
                % {"year": year, "quarter": quarter},
            )
        )
    return entries


def agenda(meeting: Meeting) -> list[AgendaEntry]:
    """The fixed agenda once fixed; the live one before."""
    if meeting.agenda_fixed_at is None:
        return live_agenda(meeting)
    items = meeting.items.select_related("proposal", "initiative", "compliance_statement").order_by("position")
    return [
        AgendaEntry(item.kind, item.title, item.proposal, item.initiative, item.compliance_statement) for item in items
    ]


def fix_agenda(user: Any, meeting: Meeting, version: int, now: datetime | None = None) -> Meeting:
    """Write the live agenda down: from now on it no longer follows the data."""
    _refuse_unless_keeper(user, meeting.body)
    with transaction.atomic():
        stored: Meeting = locked(meeting, version)
        if stored.agenda_fixed_at is not None:
            raise ValidationError(_("The agenda was already fixed."))
        if stored.state != MeetingState.PLANNED:
            raise ValidationError(_("Only the agenda of a planned meeting can be fixed."))
        for position, entry in enumerate(live_agenda(stored), start=1):
            AgendaItem.objects.create(
                meeting=stored,
                position=position,
                kind=entry.kind,
                title=entry.title[:400],
                proposal=entry.proposal,
                initiative=entry.initiative,
                compliance_statement=entry.compliance_statement,
            )
        stored.agenda_fixed_at = now or timezone.now()
        stored.version += 1
        stored.save()
    return stored


# --- keeping the meeting ------------------------------------------------------------------------


def save_minutes(user: Any, meeting: Meeting, minutes: str, version: int) -> Meeting:
    _refuse_unless_keeper(user, meeting.body)
    with transaction.atomic():
        stored: Meeting = locked(meeting, version)
        if stored.state == MeetingState.CANCELLED:
            raise ValidationError(_("A cancelled meeting has no minutes."))
        stored.minutes = minutes
        stored.version += 1
        stored.save()
    return stored


def set_state(user: Any, meeting: Meeting, state: str, version: int, now: datetime | None = None) -> Meeting:
    """Planned → held (once it has begun) or cancelled; a held or cancelled meeting stays so."""
    _refuse_unless_keeper(user, meeting.body)
    with transaction.atomic():
        stored: Meeting = locked(meeting, version)
        if stored.state != MeetingState.PLANNED:
            raise ValidationError(
                _("This meeting is already %(state)s.") % {"state": stored.get_state_display().lower()}
            )
        if state == MeetingState.HELD:
            if stored.starts_at > (now or timezone.now()):
                raise ValidationError(_("A meeting can be marked held once it has begun."))
        elif state != MeetingState.CANCELLED:
            raise ValidationError(_("Choose held or cancelled."))
        stored.state = state
        stored.version += 1
        stored.save()
    return stored


def decisions_taken(meeting: Meeting) -> Any:
    return Decision.objects.filter(meeting=meeting).select_related("proposal", "decided_by").order_by("decided_at")


def meeting_choices(proposal: Proposal, around: date | None = None) -> Any:
    """Meetings a decision on ``proposal`` may cite: its body's meetings not cancelled, from 30 days back on."""
    if proposal.body_id is None:
        return Meeting.objects.none()
    day = around or timezone.localdate()
    return (
        Meeting.objects.filter(body_id=proposal.body_id, starts_at__date__gte=day - timedelta(days=30))
        .exclude(state=MeetingState.CANCELLED)
        .order_by("starts_at")
    )
