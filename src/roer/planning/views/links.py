"""A scenario's links: listed on its page, added and removed by those who may change it.

The add forms sit on the scenario page and post here; a refused link comes back on its own
page with the error at the field. Validation and audit are in ``roer.planning.services.links``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from roer.planning.models.links import ScenarioGroup, ScenarioLink
from roer.planning.models.scenarios import Scenario
from roer.planning.services import links as service
from roer.planning.services.build import Built
from roer.planning.services.scenarios import may_change
from roer.planning.views.link_forms import DependencyForm, GroupForm


def _changeable(request: HttpRequest, pk: int) -> Scenario:
    """The scenario if the person may change it: 404 when they may not see it, 403 when only see it."""
    scenario: Scenario = get_object_or_404(Scenario.objects.for_user(request.user).select_related("org_unit"), pk=pk)
    if not may_change(request.user, scenario):
        raise PermissionDenied
    return scenario


def links_context(scenario: Scenario, built: Built, changeable: bool) -> dict[str, Any]:
    """What the scenario page shows of its links; the add forms only for those who may change it."""
    groups = []
    for group in scenario.groups.prefetch_related("members__initiative"):
        initiatives = [member.initiative for member in group.members.all()]
        groups.append((group, initiatives, ", ".join(i.code for i in initiatives)))
    context: dict[str, Any] = {
        "dependencies": scenario.links.select_related("before", "after"),
        "groups": groups,
        "skipped_links": [item for item in built.skipped if item.get("link")],
    }
    if changeable:
        context["dependency_form"] = DependencyForm(scenario=scenario)
        context["group_form"] = GroupForm(scenario=scenario)
    return context


def _back(scenario: Scenario) -> HttpResponse:
    return redirect(scenario.get_absolute_url() + "#links")


def _show_form(request: HttpRequest, scenario: Scenario, form: Any, title: str, button: str) -> HttpResponse:
    context = {"scenario": scenario, "form": form, "title": title, "button": button}
    return render(request, "planning/link_form.html", context)


@login_required
def dependency_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    form = DependencyForm(request.POST or None, scenario=scenario)
    if request.method == "POST" and form.is_valid():
        try:
            service.add_dependency(request.user, scenario, form.cleaned_data["before"], form.cleaned_data["after"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Dependency added."))
            return _back(scenario)
    return _show_form(request, scenario, form, _("Add a dependency"), _("Add dependency"))


@login_required
def group_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    form = GroupForm(request.POST or None, scenario=scenario)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.add_group(request.user, scenario, data["kind"], list(data["members"]), data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Group added."))
            return _back(scenario)
    return _show_form(request, scenario, form, _("Add a group"), _("Add group"))


@require_POST
@login_required
def dependency_remove(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    service.remove_dependency(request.user, get_object_or_404(ScenarioLink, scenario=scenario, pk=link_pk))
    messages.success(request, _("Dependency removed."))
    return _back(scenario)


@require_POST
@login_required
def group_remove(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    service.remove_group(request.user, get_object_or_404(ScenarioGroup, scenario=scenario, pk=group_pk))
    messages.success(request, _("Group removed."))
    return _back(scenario)


urlpatterns = [
    path("planning/scenarios/<int:pk>/dependencies/new", dependency_add, name="scenario-dependency-add"),
    path(
        "planning/scenarios/<int:pk>/dependencies/<int:link_pk>/remove",
        dependency_remove,
        name="scenario-dependency-remove",
    ),
    path("planning/scenarios/<int:pk>/groups/new", group_add, name="scenario-group-add"),
    path("planning/scenarios/<int:pk>/groups/<int:group_pk>/remove", group_remove, name="scenario-group-remove"),
]
