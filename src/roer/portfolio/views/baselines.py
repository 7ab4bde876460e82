"""Baselines of an initiative: initial against latest, every re-baseline, and recording the next one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.organisation.roles import Capability
from roer.portfolio.forms_baselines import BaselineForm
from roer.portfolio.services import baselines
from roer.portfolio.services.checks import may
from roer.portfolio.views.gates import show_errors, visible_initiative


@require_safe
@login_required
def baseline_list(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    context = {
        "initiative": initiative,
        "figures": baselines.figures(initiative),
        "can_record": may(request.user, Capability.REVIEW_GATES, initiative),
        "full": True,
    }
    return render(request, "portfolio/baselines/baseline_list.html", context)


@login_required
def baseline_create(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    if not may(request.user, Capability.REVIEW_GATES, initiative):
        raise PermissionDenied
    latest = initiative.baselines.prefetch_related("costs").order_by("-number").first()
    form = BaselineForm(request.POST or None, initial_baseline=latest is None, latest=latest, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            baseline = baselines.record_baseline(request.user, initiative, form.values(), form.costs())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(kind)s recorded.") % {"kind": baseline.get_kind_display()})
            return redirect("portfolio:baseline-list", code=initiative.code)
    return render(
        request, "portfolio/baselines/baseline_form.html", {"initiative": initiative, "form": form, "latest": latest}
    )


urlpatterns = [
    path("<str:code>/baselines/", baseline_list, name="baseline-list"),
    path("<str:code>/baselines/new", baseline_create, name="baseline-create"),
]
