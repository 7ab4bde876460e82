"""Creating and changing goals and KPIs: forms from ``roer.strategy.forms``, changes through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from roer.strategy.forms import GoalForm, KpiForm
from roer.strategy.models import KPI, Goal, GoalLevel
from roer.strategy.services import create_goal, create_kpi, update_goal, update_kpi
from roer.strategy.services.goals import GOAL_FIELDS
from roer.strategy.services.kpis import KPI_FIELDS
from roer.strategy.views.common import visible_goal, visible_kpi
from roer.strategy.views.editing import save_versioned, show_errors

CHILD_LEVEL = {GoalLevel.AMBITION: GoalLevel.STRATEGIC_GOAL, GoalLevel.STRATEGIC_GOAL: GoalLevel.OBJECTIVE}


def _crumbs(list_label: str, list_url: str, obj: Goal | KPI | None, last: str) -> list[dict[str, Any]]:
    crumbs: list[dict[str, Any]] = [{"label": list_label, "url": list_url}]
    if obj is not None:
        crumbs.append({"label": str(obj), "url": obj.get_absolute_url()})
    return [*crumbs, {"label": last, "url": None}]


def _below(request: HttpRequest) -> dict[str, Any] | None:
    """``?parent=<pk>``: a new goal below a visible one, one level lower and in the same unit."""
    pk = request.GET.get("parent", "")
    parent = Goal.objects.for_user(request.user).filter(pk=pk).first() if pk.isdigit() else None
    if parent is None or parent.level not in CHILD_LEVEL:
        return None
    return {"parent": parent, "level": CHILD_LEVEL[parent.level], "org_unit": parent.org_unit_id}


@login_required
def goal_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("strategy.add_goal"):
        raise PermissionDenied
    form = GoalForm(request.POST or None, initial=_below(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            goal = create_goal(request.user, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Goal “%(title)s” added.") % {"title": goal.title})
            return redirect(goal)
    context = {
        "form": form,
        "title": _("New goal"),
        "crumbs": _crumbs(_("Goals"), reverse("strategy:goal-list"), None, _("New goal")),
        "submit": _("Add goal"),
        "cancel": reverse("strategy:goal-list"),
    }
    return render(request, "strategy/form.html", context)


@login_required
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = visible_goal(request, pk)
    if not request.user.has_perm("strategy.change_goal", goal):
        raise PermissionDenied
    form = GoalForm(request.POST or None, instance=goal, user=request.user)
    context: dict[str, Any] = {
        "form": form,
        "title": _("Change %(title)s") % {"title": goal.title},
        "crumbs": _crumbs(_("Goals"), reverse("strategy:goal-list"), goal, _("Change")),
        "submit": _("Save changes"),
        "cancel": goal.get_absolute_url(),
        "conflicts": None,
    }
    if request.method == "POST" and form.is_valid():
        # is_valid() changed the form's instance; the service reads the stored row itself.
        saved = save_versioned(
            request,
            form,
            context,
            lambda values, version: update_goal(request.user, goal, values, version),
            GOAL_FIELDS,
        )
        if saved is not None:
            messages.success(request, _("Changes to “%(title)s” saved.") % {"title": saved.title})
            return redirect(saved)
    return render(request, "strategy/form.html", context)


@login_required
def kpi_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("strategy.add_kpi"):
        raise PermissionDenied
    initial = {"goals": [request.GET["goal"]]} if request.GET.get("goal", "").isdigit() else None
    form = KpiForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            kpi = create_kpi(request.user, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("KPI “%(name)s” added.") % {"name": kpi.name})
            return redirect(kpi)
    context = {
        "form": form,
        "title": _("New KPI"),
        "crumbs": _crumbs(pgettext("heading", "KPIs"), reverse("strategy:kpi-list"), None, _("New KPI")),
        "submit": _("Add KPI"),
        "cancel": reverse("strategy:kpi-list"),
    }
    return render(request, "strategy/form.html", context)


@login_required
def kpi_edit(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = visible_kpi(request, pk)
    if not request.user.has_perm("strategy.change_kpi", kpi):
        raise PermissionDenied
    form = KpiForm(request.POST or None, instance=kpi, user=request.user)
    context: dict[str, Any] = {
        "form": form,
        "title": _("Change %(name)s") % {"name": kpi.name},
        "crumbs": _crumbs(pgettext("heading", "KPIs"), reverse("strategy:kpi-list"), kpi, _("Change")),
        "submit": _("Save changes"),
        "cancel": kpi.get_absolute_url(),
        "conflicts": None,
    }
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            request, form, context, lambda values, version: update_kpi(request.user, kpi, values, version), KPI_FIELDS
        )
        if saved is not None:
            messages.success(request, _("Changes to “%(name)s” saved.") % {"name": saved.name})
            return redirect(saved)
    return render(request, "strategy/form.html", context)
