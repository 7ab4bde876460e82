"""Meeting pages: planning a meeting, the meeting (agenda live or fixed, minutes, decisions taken,
state), and the portfolio board's quarterly evaluation of the business–IT collaboration with its trend.

Thin: the rules live in ``roer.governance.services.meetings`` and ``evaluations``. Whoever may
see the body sees its meetings; the chair, secretary, mandate holder or a governance manager
keeps them. The agenda shows people outside the body only the items in their own scope.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roer.core.stale import differences, retry_with
from roer.governance.forms.meetings import (
    EvaluationForm,
    MeetingForm,
    MinutesForm,
    RescheduleForm,
    StateForm,
    VersionForm,
)
from roer.governance.models import (
    EVALUATION_FIELDS,
    Body,
    BodyKind,
    CollaborationEvaluation,
    Meeting,
    MeetingState,
    Proposal,
)
from roer.governance.services import evaluations, meetings
from roer.governance.views.bodies import visible_body
from roer.governance.views.evaluation_chart import trend_chart
from roer.portfolio.models import Initiative
from roer.portfolio.views.gates import show_errors


def visible_meeting(request: HttpRequest, pk: int) -> Meeting:
    """The meeting if ``request.user`` may see its body; 404 otherwise."""
    queryset = Meeting.objects.select_related(
        "body__org_unit", "body__chair", "body__secretary", "body__mandate_holder"
    ).filter(body__in=Body.objects.for_user(request.user).values("pk"))
    meeting: Meeting = get_object_or_404(queryset, pk=pk)
    return meeting


def _visible_agenda(request: HttpRequest, meeting: Meeting) -> tuple[list[meetings.AgendaEntry], int]:
    """The agenda for this person: everything for the body's participants, else the items in their scope."""
    entries = meetings.agenda(meeting)
    if request.user.pk in meetings.participants(meeting.body) or getattr(request.user, "is_superuser", False):
        return entries, 0
    initiatives = set(
        Initiative.objects.for_user(request.user)
        .filter(pk__in=[e.initiative.pk for e in entries if e.initiative])
        .values_list("pk", flat=True)
    )
    proposals = set(
        Proposal.objects.for_user(request.user)
        .filter(pk__in=[e.proposal.pk for e in entries if e.proposal])
        .values_list("pk", flat=True)
    )
    shown = [
        entry
        for entry in entries
        if (entry.initiative is None or entry.initiative.pk in initiatives)
        and (entry.proposal is None or entry.proposal.pk in proposals)
    ]
    return shown, len(entries) - len(shown)


@login_required
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    if not meetings.may_keep(request.user, body):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meetings.create_meeting(request.user, body, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Meeting of %(body)s planned.") % {"body": body})
            if body.kind == BodyKind.PORTFOLIO_BOARD:
                messages.info(request, _("The members are asked to evaluate the business–IT collaboration."))
            return redirect("governance:meeting-detail", pk=meeting.pk)
    return render(request, "governance/meetings/meeting_form.html", {"form": form, "body": body})


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    if not meetings.may_keep(request.user, meeting.body):
        raise PermissionDenied
    initial = {
        "starts_at": timezone.localtime(meeting.starts_at),
        "location": meeting.location,
        "version": meeting.version,
    }
    form = RescheduleForm(request.POST or None, initial=initial)
    context: dict[str, Any] = {"form": form, "body": meeting.body, "meeting": meeting, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        try:
            meetings.reschedule(request.user, meeting, form.cleaned_data, form.cleaned_data["version"])
        except meetings.StaleVersion as stale:
            fields = ["starts_at", "location"]
            context.update(conflicts=differences(stale.current, form.cleaned_data, fields), stored=stale.current)
            retry_with(form, request.POST, stale.current.version)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Meeting saved."))
            return redirect("governance:meeting-detail", pk=meeting.pk)
    return render(request, "governance/meetings/meeting_form.html", context)


@require_safe
@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    body = meeting.body
    entries, hidden = _visible_agenda(request, meeting)
    can_keep = meetings.may_keep(request.user, body)
    evaluation = None
    if body.kind == BodyKind.PORTFOLIO_BOARD and evaluations.may_evaluate(request.user, meeting):
        evaluation = {"given": evaluations.evaluation_of(request.user, meeting), "open": evaluations.is_open(meeting)}
    context = {
        "meeting": meeting,
        "body": body,
        "entries": entries,
        "hidden": hidden,
        "decisions": meetings.decisions_taken(meeting).filter(
            proposal__in=Proposal.objects.for_user(request.user).values("pk")
        ),
        "can_keep": can_keep,
        "planned": meeting.state == MeetingState.PLANNED,
        "minutes_form": MinutesForm(initial={"minutes": meeting.minutes, "version": meeting.version}),
        "version_form": VersionForm(initial={"version": meeting.version}),
        "evaluation": evaluation,
        "year_quarter": meetings.quarter_of(meeting.starts_at),
    }
    return render(request, "governance/meetings/meeting_detail.html", context)


@require_POST
@login_required
def meeting_fix_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    if not meetings.may_keep(request.user, meeting.body):
        raise PermissionDenied
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The form was incomplete; reload the page and try again."))
        meetings.fix_agenda(request.user, meeting, form.cleaned_data["version"])
    except meetings.StaleVersion:
        messages.error(request, _("Someone changed this meeting meanwhile; check the agenda and fix it again."))
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(request, _("The agenda is fixed: it no longer follows the data."))
    return redirect("governance:meeting-detail", pk=meeting.pk)


@require_POST
@login_required
def meeting_state(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    if not meetings.may_keep(request.user, meeting.body):
        raise PermissionDenied
    form = StateForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The form was incomplete; reload the page and try again."))
        saved = meetings.set_state(request.user, meeting, form.cleaned_data["state"], form.cleaned_data["version"])
    except meetings.StaleVersion:
        messages.error(request, _("Someone changed this meeting meanwhile; check it and try again."))
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(request, _("The meeting is marked %(state)s.") % {"state": saved.get_state_display().lower()})
    return redirect("governance:meeting-detail", pk=meeting.pk)


@login_required
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    if not meetings.may_keep(request.user, meeting.body):
        raise PermissionDenied
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes, "version": meeting.version})
    context: dict[str, Any] = {"form": form, "meeting": meeting, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        try:
            meetings.save_minutes(request.user, meeting, form.cleaned_data["minutes"], form.cleaned_data["version"])
        except meetings.StaleVersion as stale:
            context.update(conflicts=differences(stale.current, form.cleaned_data, ["minutes"]), stored=stale.current)
            retry_with(form, request.POST, stale.current.version)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Minutes saved."))
            return redirect("governance:meeting-detail", pk=meeting.pk)
    return render(request, "governance/meetings/minutes_form.html", context)


@login_required
def evaluation_form(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting(request, pk)
    if not evaluations.may_evaluate(request.user, meeting):
        raise PermissionDenied
    given = evaluations.evaluation_of(request.user, meeting)
    initial: dict[str, Any] = {}
    if given is not None:
        initial = {name: str(getattr(given, name)) for name in EVALUATION_FIELDS} | {"comment": given.comment}
    form = EvaluationForm(request.POST or None, initial=initial)
    is_open = evaluations.is_open(meeting)
    if request.method == "POST" and form.is_valid():
        try:
            evaluations.submit_evaluation(request.user, meeting, form.scores(), form.cleaned_data["comment"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Your evaluation is saved; you may revise it until the quarter ends.")
                if given is None
                else _("Your evaluation is revised."),
            )
            return redirect("governance:meeting-detail", pk=meeting.pk)
    year, quarter = meetings.quarter_of(meeting.starts_at)
    context = {
        "form": form,
        "meeting": meeting,
        "given": given,
        "is_open": is_open,
        "year": year,
        "quarter": quarter,
        "closes": evaluations.quarter_end(year, quarter),
    }
    return render(request, "governance/meetings/evaluation_form.html", context)


@require_safe
@login_required
def evaluation_trend(request: HttpRequest, pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    if body.kind != BodyKind.PORTFOLIO_BOARD:
        raise PermissionDenied
    quarters = evaluations.trend(body)
    statements = [
        (name, getattr(CollaborationEvaluation._meta.get_field(name), "verbose_name", name))
        for name in EVALUATION_FIELDS
    ]
    sees_comments = request.user.pk in meetings.participants(body) or meetings.may_keep(request.user, body)
    comments = (
        CollaborationEvaluation.objects.filter(body=body)
        .exclude(comment="")
        .order_by("-year", "-quarter", "?")
        .values("year", "quarter", "comment")
        if sees_comments
        else []
    )
    context = {
        "body": body,
        "quarters": quarters,
        "statements": statements,
        "rows": [
            {"label": label, "means": [quarter.means[name] for quarter in quarters]} for name, label in statements
        ],
        "chart": trend_chart(quarters, [str(label) for _name, label in statements]) if quarters else None,
        "comments": comments,
        "sees_comments": sees_comments,
    }
    return render(request, "governance/meetings/evaluation_trend.html", context)


urlpatterns = [
    path("bodies/<int:pk>/meetings/new", meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/", meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/edit", meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/fix-agenda", meeting_fix_agenda, name="meeting-fix-agenda"),
    path("meetings/<int:pk>/state", meeting_state, name="meeting-state"),
    path("meetings/<int:pk>/minutes", meeting_minutes, name="meeting-minutes"),
    path("meetings/<int:pk>/evaluation", evaluation_form, name="evaluation-form"),
    path("bodies/<int:pk>/evaluations", evaluation_trend, name="evaluation-trend"),
]
