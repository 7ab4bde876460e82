"""Gate reviews of an initiative: the list (levers weakest first) and recording a review."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.organisation.roles import Capability
from roer.portfolio.forms_gates import GateReviewForm
from roer.portfolio.models import Initiative
from roer.portfolio.services import gates
from roer.portfolio.services.checks import may
from roer.portfolio.services.policy import policy_for


def visible_initiative(request: HttpRequest, code: str) -> Initiative:
    """The initiative if ``request.user`` may see it; 404 otherwise (an outsider learns nothing)."""
    queryset = Initiative.objects.for_user(request.user).select_related("org_unit", "sponsor", "manager")
    initiative: Initiative = get_object_or_404(queryset, code=code)
    return initiative


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal shown on the form: per field where it names one, else above the form."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


@require_safe
@login_required
def gate_list(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    context = {
        "initiative": initiative,
        "reviews": gates.reviews(initiative),
        "threshold": policy_for(initiative).lever_threshold,
        "awaiting_adoption": gates.awaiting_adoption(Initiative.objects.filter(pk=initiative.pk)).exists(),
        "can_record": may(request.user, Capability.REVIEW_GATES, initiative),
    }
    return render(request, "portfolio/gates/gate_list.html", context)


@login_required
def gate_create(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    if not may(request.user, Capability.REVIEW_GATES, initiative):
        raise PermissionDenied
    threshold = policy_for(initiative).lever_threshold
    form = GateReviewForm(request.POST or None, user=request.user, threshold=threshold, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            review = gates.record_gate_review(request.user, initiative, form.review_values(), form.levers())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Gate review %(gate)s recorded; the initiative is now in phase %(phase)s.")
                % {
                    "gate": review.get_gate_display(),
                    "phase": Initiative.objects.get(pk=initiative.pk).get_phase_display(),
                },
            )
            return redirect("portfolio:gate-list", code=initiative.code)
    return render(
        request, "portfolio/gates/gate_form.html", {"initiative": initiative, "form": form, "threshold": threshold}
    )


urlpatterns = [
    path("<str:code>/gates/", gate_list, name="gate-list"),
    path("<str:code>/gates/new", gate_create, name="gate-create"),
]
