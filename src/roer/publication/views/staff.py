"""Staff pages to manage publication: what is public now, the draft, and what would change."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roer.portfolio.models import Initiative, PublicationState
from roer.portfolio.services import Refused
from roer.publication import services
from roer.publication.rules import may_publish
from roer.publication.snapshot import build_snapshot, differences


def _visible(request: HttpRequest, code: str) -> Initiative:
    initiatives = Initiative.objects.for_user(request.user).select_related("org_unit")
    initiative: Initiative = get_object_or_404(initiatives, code=code)
    return initiative


@require_safe
@login_required
def publication_list(request: HttpRequest) -> HttpResponse:
    initiatives = Initiative.objects.for_user(request.user).filter(public=True).prefetch_related("publications")
    rows = []
    for initiative in initiatives.order_by("code")[:500]:
        versions = list(initiative.publications.all())
        rows.append(
            {
                "initiative": initiative,
                "draft": next((v for v in versions if v.state == PublicationState.DRAFT), None),
                "latest": next((v for v in versions if v.state != PublicationState.DRAFT), None),
            }
        )
    return render(request, "publication/staff_list.html", {"rows": rows})


@require_safe
@login_required
def publication_detail(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _visible(request, code)
    versions = list(initiative.publications.order_by("-number"))
    draft = next((v for v in versions if v.state == PublicationState.DRAFT), None)
    live = services.live_versions().filter(initiative=initiative).first()
    # Without a draft, show what the initiative would publish today.
    proposed = draft.snapshot if draft else build_snapshot(initiative, timezone.localdate())
    context = {
        "initiative": initiative,
        "versions": versions,
        "draft": draft,
        "live": live,
        "changes": differences(proposed, live.snapshot if live else None),
        "can_publish": may_publish(request.user, initiative),
    }
    return render(request, "publication/staff_detail.html", context)


@require_POST
@login_required
def publication_action(request: HttpRequest, code: str, action: str) -> HttpResponse:
    initiative = _visible(request, code)
    if not may_publish(request.user, initiative):
        raise PermissionDenied
    try:
        if action == "prepare":
            version = services.prepare_draft(request.user, initiative)
            messages.success(request, _("Draft version %(n)d prepared.") % {"n": version.number})
        elif action == "publish":
            draft = get_object_or_404(initiative.publications, state=PublicationState.DRAFT)
            messages.success(
                request, _("Version %(n)d published.") % {"n": services.publish(request.user, draft).number}
            )
        elif action == "withdraw":
            live = get_object_or_404(services.live_versions(), initiative=initiative)
            messages.success(
                request, _("Version %(n)d withdrawn.") % {"n": services.withdraw(request.user, live).number}
            )
        else:
            raise PermissionDenied
    except Refused as refusal:
        messages.error(request, str(refusal.message))
    return redirect("publication:staff-detail", code=initiative.code)
