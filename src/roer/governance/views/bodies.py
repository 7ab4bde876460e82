"""Body pages: the list, a body with its members and meetings, setting a body up, and its members.

Thin: the rules live in ``roer.governance.services.bodies``. Anyone who may see a body sees
its page; MANAGE_GOVERNANCE at the body's unit changes it (PermissionDenied → 403).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.core.stale import differences, retry_with
from roer.governance.forms.bodies import BodyForm, EndMembershipForm, MembershipForm
from roer.governance.models import Body, BodyKind, ConsensusRule, MeetingState, Membership, Proposal
from roer.governance.services import bodies
from roer.governance.services.meetings import may_keep
from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.views.gates import show_errors


def visible_body(request: HttpRequest, pk: int) -> Body:
    """The body if ``request.user`` may see it; 404 otherwise (an outsider learns nothing)."""
    queryset = Body.objects.for_user(request.user).select_related("org_unit", "chair", "secretary", "mandate_holder")
    body: Body = get_object_or_404(queryset, pk=pk)
    return body


def explain_rule(rule: str, quorum: int) -> str:
    """The body's consensus rule in words (the same sentences as on the proposal page)."""
    if rule == ConsensusRule.NO_OBJECTION:
        return _(
            "Consensus when at least %(quorum)s voting members state a position (agree, object or abstain) "
            "and no one objects."
        ) % {"quorum": quorum}
    if rule == ConsensusRule.CONSENSUS_MINUS_ONE:
        return _(
            "Consensus when at least %(quorum)s voting members state a position and at most one objects; "
            "that objection is recorded as dissent."
        ) % {"quorum": quorum}
    return _("Consensus only when every voting member agrees; an abstention or objection breaks it.")


@require_safe
@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    current = Q(memberships__since__lte=today) & (Q(memberships__until__isnull=True) | Q(memberships__until__gte=today))
    visible = Body.objects.for_user(request.user).values("pk")
    rows = (
        Body.objects.filter(pk__in=visible)
        .select_related("org_unit", "chair", "mandate_holder")
        .annotate(
            members=Count("memberships", filter=current, distinct=True),
            voting=Count("memberships", filter=current & Q(memberships__capacity="voting"), distinct=True),
        )
        .order_by("name")
    )
    context = {"bodies": rows, "can_create": has_capability(request.user, Capability.MANAGE_GOVERNANCE)}
    return render(request, "governance/bodies/body_list.html", context)


@require_safe
@login_required
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    today = timezone.localdate()
    memberships = list(body.memberships.select_related("person").order_by("person__last_name", "person__first_name"))
    current = [m for m in memberships if m.since <= today and (m.until is None or m.until >= today)]
    former = [m for m in memberships if m.until is not None and m.until < today]
    future = [m for m in memberships if m.since > today]
    now = timezone.now()
    meetings = body.meetings.order_by("starts_at")
    context = {
        "body": body,
        "current": current,
        "former": former,
        "future": future,
        "rule_explained": explain_rule(body.consensus_rule, body.quorum),
        "quorum_warning": bodies.quorum_warning(body),
        "upcoming": meetings.filter(starts_at__gte=now),
        "past": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:12],
        "proposals": Proposal.objects.for_user(request.user)
        .filter(body=body)
        .select_related("decision_type")
        .order_by("-created_at")[:25],
        "can_manage": bodies.may_manage(request.user, body),
        "can_keep": may_keep(request.user, body),
        "is_portfolio_board": body.kind == BodyKind.PORTFOLIO_BOARD,
        "planned": MeetingState.PLANNED,
    }
    return render(request, "governance/bodies/body_detail.html", context)


@login_required
def body_create(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.MANAGE_GOVERNANCE):
        raise PermissionDenied
    form = BodyForm(request.POST or None, user=request.user, initial={"quorum": 1})
    if request.method == "POST" and form.is_valid():
        try:
            body = bodies.create_body(request.user, form.values())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Body %(body)s set up. Add its members next.") % {"body": body})
            return redirect("governance:body-detail", pk=body.pk)
    return render(request, "governance/bodies/body_form.html", {"form": form, "body": None})


@login_required
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    if not bodies.may_manage(request.user, body):
        raise PermissionDenied
    initial = {name: getattr(body, name) for name in bodies.BODY_FIELDS} | {"version": body.version}
    form = BodyForm(request.POST or None, user=request.user, initial=initial)
    context: dict[str, Any] = {"form": form, "body": body, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        try:
            saved = bodies.update_body(request.user, body, form.values(), form.cleaned_data.get("version") or 0)
        except bodies.StaleVersion as stale:
            context.update(
                conflicts=differences(stale.current, form.values(), bodies.BODY_FIELDS), stored=stale.current
            )
            retry_with(form, request.POST, stale.current.version)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Body %(body)s saved.") % {"body": saved})
            warning = bodies.quorum_warning(saved)
            if warning:
                messages.warning(request, warning)
            return redirect("governance:body-detail", pk=saved.pk)
    return render(request, "governance/bodies/body_form.html", context)


@login_required
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    if not bodies.may_manage(request.user, body):
        raise PermissionDenied
    form = MembershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            membership = bodies.add_member(request.user, body, data["person"], data["capacity"], data["since"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is a member of %(body)s from %(since)s.")
                % {"person": membership.person, "body": body, "since": membership.since.isoformat()},
            )
            return redirect("governance:body-detail", pk=body.pk)
    return render(request, "governance/bodies/membership_form.html", {"form": form, "body": body})


@login_required
def membership_end(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    body = visible_body(request, pk)
    membership: Membership = get_object_or_404(body.memberships.select_related("person"), pk=membership_pk)
    if not bodies.may_manage(request.user, body):
        raise PermissionDenied
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bodies.end_membership(request.user, membership, form.cleaned_data["until"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The membership of %(person)s ends.") % {"person": membership.person})
            warning = bodies.quorum_warning(body, form.cleaned_data["until"] + timedelta(days=1))
            if warning:
                messages.warning(request, warning)
            return redirect("governance:body-detail", pk=body.pk)
    context = {"form": form, "body": body, "membership": membership}
    return render(request, "governance/bodies/membership_end.html", context)


urlpatterns = [
    path("bodies/", body_list, name="body-list"),
    path("bodies/new", body_create, name="body-create"),
    path("bodies/<int:pk>/", body_detail, name="body-detail"),
    path("bodies/<int:pk>/edit", body_edit, name="body-edit"),
    path("bodies/<int:pk>/members/new", membership_add, name="membership-add"),
    path("bodies/<int:pk>/members/<int:membership_pk>/end", membership_end, name="membership-end"),
]
