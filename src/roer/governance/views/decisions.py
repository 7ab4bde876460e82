"""Decision pages: the register and one decision. A decision is never edited or deleted: it is
corrected by a new decision that supersedes it (``flow.supersede``), and nothing else here writes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.governance.forms.decisions import DecisionFilter, SupersedeForm
from roer.governance.models import ComplianceStatement, Decision, FrameworkVersion, SubjectKind
from roer.governance.services import flow
from roer.governance.views.proposals import show_errors


def visible_decision(request: HttpRequest, reference: str) -> Decision:
    queryset = Decision.objects.for_user(request.user).select_related(
        "proposal__decision_type", "proposal__org_unit", "proposal__body", "proposal__proposer",
        "decided_by", "body", "meeting__body", "supersedes",
    )  # fmt: skip
    decision: Decision = get_object_or_404(queryset, reference=reference)
    return decision


@require_safe
@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    visible = Decision.objects.for_user(request.user)
    filterset = DecisionFilter(request.GET or None, queryset=visible, user=request.user)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else visible
    queryset = queryset.select_related("proposal", "decided_by", "body", "superseded_by").order_by("-decided_at", "-pk")
    page = Paginator(queryset, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    template = "governance/decisions/_results.html" if request.headers.get("HX-Request") else None
    return render(request, template or "governance/decisions/decision_list.html", {"filter": filterset, "page": page})


def _context(request: HttpRequest, decision: Decision, form: SupersedeForm | None = None) -> dict[str, Any]:
    may_supersede = flow.may_supersede(request.user, decision)
    exemption = decision.proposal.subject_kind == SubjectKind.EXEMPTION
    superseded_by = Decision.objects.filter(supersedes=decision).first()
    return {
        "decision": decision,
        "proposal": decision.proposal,
        "dissent": decision.dissent.select_related("member"),
        "superseded_by": superseded_by,
        "in_force": superseded_by is None,
        "framework_version": FrameworkVersion.objects.filter(decision=decision).select_related("framework").first(),
        "exemptions": ComplianceStatement.objects.filter(decision=decision).select_related("initiative", "framework"),
        "form": form or (SupersedeForm(exemption=exemption) if may_supersede else None),
        "frameworks_pages": _frameworks_pages(),
    }


def _frameworks_pages() -> bool:
    """Whether the framework and compliance pages are installed: then their fuller list of effects is shown."""
    try:
        reverse("governance:framework-list")
        reverse("governance:compliance-overview")
    except NoReverseMatch:
        return False
    return True


@require_safe
@login_required
def decision_detail(request: HttpRequest, reference: str) -> HttpResponse:
    decision = visible_decision(request, reference)
    return render(request, "governance/decisions/decision_detail.html", _context(request, decision))


@login_required
def decision_supersede(request: HttpRequest, reference: str) -> HttpResponse:
    """The correction: only POST; the form itself is on the decision's page."""
    decision = visible_decision(request, reference)
    if request.method != "POST":
        return redirect("governance:decision-detail", reference=decision.reference)
    if not flow.may_supersede(request.user, decision):
        raise PermissionDenied
    form = SupersedeForm(request.POST, exemption=decision.proposal.subject_kind == SubjectKind.EXEMPTION)
    if form.is_valid():
        try:
            correction = flow.supersede(request.user, decision, **form.values())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision %(new)s corrects %(old)s; %(old)s stays on record as superseded.")
                % {"new": correction.reference, "old": decision.reference},
            )
            return redirect("governance:decision-detail", reference=correction.reference)
    context = _context(request, decision, form)
    return render(request, "governance/decisions/decision_detail.html", context)


urlpatterns = [
    path("decisions/", decision_list, name="decision-list"),
    path("decisions/<str:reference>/", decision_detail, name="decision-detail"),
    path("decisions/<str:reference>/supersede", decision_supersede, name="decision-supersede"),
]
