"""An initiative's contributions to goals: add, change and remove, from the initiative's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from roer.portfolio.models import Initiative
from roer.strategy.forms import ContributionForm
from roer.strategy.models import Contribution
from roer.strategy.services import add_contribution, delete_contribution, update_contribution
from roer.strategy.views.editing import show_errors


def _initiative(request: HttpRequest, code: str) -> Initiative:
    initiative: Initiative = get_object_or_404(
        Initiative.objects.for_user(request.user).select_related("org_unit"), code=code
    )
    return initiative


def _contribution(request: HttpRequest, initiative: Initiative, pk: int) -> Contribution:
    visible = Contribution.objects.for_user(request.user).filter(initiative=initiative)
    contribution: Contribution = get_object_or_404(visible.select_related("goal", "kpi"), pk=pk)
    if not request.user.has_perm("strategy.change_contribution", contribution):
        raise PermissionDenied
    return contribution


def _crumbs(initiative: Initiative, last: str) -> list[dict[str, str | None]]:
    return [
        {"label": _("Initiatives"), "url": reverse("portfolio:initiative-list")},
        {"label": initiative.code, "url": initiative.get_absolute_url()},
        {"label": last, "url": None},
    ]


def _back(initiative: Initiative) -> str:
    return initiative.get_absolute_url() + "#contributions-heading"


@login_required
def contribution_create(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _initiative(request, code)
    if not request.user.has_perm("strategy.add_contribution", initiative):
        raise PermissionDenied
    form = ContributionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            add_contribution(request.user, initiative, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Contribution of %(code)s added.") % {"code": initiative.code})
            return redirect(_back(initiative))
    context = {
        "form": form,
        "title": _("Add a contribution of %(code)s") % {"code": initiative.code},
        "intro": _("Which goal does %(name)s serve, and what effect is expected?") % {"name": initiative.name},
        "crumbs": _crumbs(initiative, _("New contribution")),
        "submit": _("Add contribution"),
        "cancel": _back(initiative),
    }
    return render(request, "strategy/form.html", context)


@login_required
def contribution_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    initiative = _initiative(request, code)
    contribution = _contribution(request, initiative, pk)
    form = ContributionForm(request.POST or None, instance=contribution, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            update_contribution(request.user, contribution, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Contribution of %(code)s saved.") % {"code": initiative.code})
            return redirect(_back(initiative))
    context = {
        "form": form,
        "title": _("Change the contribution of %(code)s to %(goal)s")
        % {"code": initiative.code, "goal": contribution.goal},
        "crumbs": _crumbs(initiative, _("Change contribution")),
        "submit": _("Save changes"),
        "cancel": _back(initiative),
    }
    return render(request, "strategy/form.html", context)


@login_required
def contribution_delete(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    initiative = _initiative(request, code)
    contribution = _contribution(request, initiative, pk)
    refusal = None
    if request.method == "POST":
        try:
            delete_contribution(request.user, contribution)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, _("Contribution of %(code)s removed.") % {"code": initiative.code})
            return redirect(_back(initiative))
    context = {
        "initiative": initiative,
        "contribution": contribution,
        "refusal": refusal,
        "crumbs": _crumbs(initiative, _("Remove contribution")),
    }
    return render(request, "strategy/contribution_delete.html", context)
