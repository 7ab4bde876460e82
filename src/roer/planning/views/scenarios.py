"""Scenario pages: the list, a new scenario, its page, its limits, teams, what-ifs, solving and export.

Thin: building, changing and queueing go through ``roer.planning.services``.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roer.core.stale import differences
from roer.organisation.access import scope_filter
from roer.organisation.roles import Capability
from roer.planning.models.scenarios import Scenario, Team
from roer.planning.services import scenarios as service
from roer.planning.services.build import build, candidates_of
from roer.planning.services.runs import queue_run
from roer.planning.views.links import links_context
from roer.planning.views.scenario_forms import (
    LimitsForm,
    NewScenarioForm,
    ScenarioForm,
    SolveForm,
    TeamForm,
    WhatIfForm,
)
from roer.portfolio.services import StaleVersion

PAGE_SIZE = 25


def get_scenario(request: HttpRequest, pk: int) -> Scenario:
    scenario: Scenario = get_object_or_404(
        Scenario.objects.for_user(request.user).select_related("org_unit", "parent", "created_by"), pk=pk
    )
    return scenario


def _changeable(request: HttpRequest, pk: int) -> Scenario:
    scenario = get_scenario(request, pk)
    if not service.may_change(request.user, scenario):
        raise PermissionDenied
    return scenario


@require_safe
@login_required
def scenario_list(request: HttpRequest) -> HttpResponse:
    scenarios = Scenario.objects.for_user(request.user).select_related("org_unit", "parent")
    page = Paginator(scenarios, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "may_create": service.units_for(request.user).exists()}
    return render(request, "planning/scenario_list.html", context)


@login_required
def scenario_create(request: HttpRequest) -> HttpResponse:
    units = service.units_for(request.user)
    if not units.exists():
        raise PermissionDenied
    initial = {"start_year": timezone.localdate().year + 1, "start_quarter": 1, "quarters": 12, "discount_rate": 0}
    form = NewScenarioForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in service.SCENARIO_FIELDS}
        scenario = service.create_scenario(
            request.user, values, form.cleaned_data["budget"], form.cleaned_data["capacity"]
        )
        messages.success(request, _("Scenario created. Check the budgets and team capacities, then solve."))
        return redirect(scenario)
    return render(request, "planning/scenario_form.html", {"form": form, "creating": True})


@require_safe
@login_required
def scenario_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = get_scenario(request, pk)
    built = build(scenario)
    details = built.details
    rows = []
    for candidate in built.data["candidates"]:
        detail = details[candidate["id"]]
        rows.append(
            {
                "code": candidate["id"],
                "name": detail["name"],
                "value": candidate["value"],
                "duration": candidate["duration"],
                "cost": sum(candidate["cost"]),
                "team": detail["team"],
                "demand": next(iter(candidate["demand"].values()), [0])[0] if candidate["demand"] else 0,
                "mandatory": candidate.get("mandatory", False),
                "running": "fixedStart" in candidate,
                "start": scenario.quarter_label(candidate["fixedStart"]) if "fixedStart" in candidate else "",
            }
        )
    may_change = service.may_change(request.user, scenario)
    context = {
        "scenario": scenario,
        "rows": rows,
        "skipped": [item for item in built.skipped if not item.get("link")],
        "years": [(scenario.year_label(year), amount) for year, amount in enumerate(scenario.budget_amounts())],
        "teams": [
            (team, team.capacity_amounts(scenario.quarters)) for team in scenario.teams.select_related("org_unit")
        ],
        "quarter_labels": [scenario.quarter_label(q) for q in range(scenario.quarters)],
        "runs": scenario.runs.select_related("requested_by")[:20],
        "variants": scenario.variants.all(),
        "may_change": may_change,
        "solve_form": SolveForm(),
        **links_context(scenario, built, may_change),
    }
    return render(request, "planning/scenario_detail.html", context)


@login_required
def scenario_edit(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    units = service.units_for(request.user)
    data = request.POST or None
    form = ScenarioForm(data, instance=scenario, units=units, initial={"version": scenario.version})
    limits = LimitsForm(data, scenario=scenario)
    conflicts: list[Any] = []
    if request.method == "POST" and form.is_valid() and limits.is_valid():
        values = {name: form.cleaned_data[name] for name in service.SCENARIO_FIELDS}
        try:
            saved = service.update_scenario(
                request.user,
                Scenario.objects.get(pk=scenario.pk),
                values,
                form.cleaned_data.get("version") or 0,
                budgets=limits.budgets(),
                capacities=limits.capacities(),
            )
        except StaleVersion as exc:
            current = exc.current
            conflicts = differences(current, values, service.SCENARIO_FIELDS)
            copy = request.POST.copy()
            copy["version"] = str(current.version)
            form = ScenarioForm(copy, instance=current, units=units)
            limits = LimitsForm(copy, scenario=current)
            messages.error(
                request,
                _("Someone else changed this scenario while you were editing. Compare, then save again to overwrite."),
            )
        else:
            messages.success(request, _("Scenario saved."))
            return redirect(saved)
    context = {"form": form, "limits": limits, "scenario": scenario, "conflicts": conflicts, "creating": False}
    return render(request, "planning/scenario_form.html", context)


@login_required
def team_add(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    form = TeamForm(request.POST or None, scenario=scenario)
    if request.method == "POST" and form.is_valid():
        service.add_team(request.user, scenario, form.cleaned_data["org_unit"], form.cleaned_data["capacity"])
        messages.success(request, _("Team added."))
        return redirect(scenario)
    return render(request, "planning/team_form.html", {"form": form, "scenario": scenario})


@require_POST
@login_required
def team_remove(request: HttpRequest, pk: int, team_pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    team = get_object_or_404(Team, scenario=scenario, pk=team_pk)
    service.remove_team(request.user, team)
    messages.success(request, _("Team removed."))
    return redirect(scenario)


@login_required
def what_if(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    codes = [(i.code, f"{i.code} {i.name}") for i in candidates_of(scenario)]
    initial = {"name": _("%(name)s — what-if") % {"name": scenario.name}}
    form = WhatIfForm(request.POST or None, scenario=scenario, codes=codes, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        variant = service.create_variant(
            request.user,
            scenario,
            data["name"],
            budget_factor=data["budget_percent"] / 100,
            capacity_factor=data["capacity_percent"] / 100,
            remove_team=data["remove_team"],
            force_in=data["force_in"],
            force_out=data["force_out"],
        )
        messages.success(request, _("What-if variant created."))
        return redirect(variant)
    return render(request, "planning/what_if_form.html", {"form": form, "scenario": scenario})


@require_POST
@login_required
def solve(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = _changeable(request, pk)
    form = SolveForm(request.POST)
    time_limit = form.cleaned_data["time_limit"] if form.is_valid() else 30
    run = queue_run(request.user, scenario, time_limit)
    return redirect(run)


@require_safe
@login_required
def scenario_export(request: HttpRequest, pk: int) -> HttpResponse:
    scenario = get_scenario(request, pk)
    return json_download(build(scenario).data, f"scenario-{scenario.pk}.json")


def json_download(data: Any, filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def scenarios_filter(user: Any) -> Q:
    return scope_filter(user, Capability.VIEW_PORTFOLIO, "scenario__org_unit__path")


urlpatterns = [
    path("planning/scenarios/", scenario_list, name="scenario-list"),
    path("planning/scenarios/new", scenario_create, name="scenario-create"),
    path("planning/scenarios/<int:pk>/", scenario_detail, name="scenario-detail"),
    path("planning/scenarios/<int:pk>/edit", scenario_edit, name="scenario-edit"),
    path("planning/scenarios/<int:pk>/teams/new", team_add, name="scenario-team-add"),
    path("planning/scenarios/<int:pk>/teams/<int:team_pk>/remove", team_remove, name="scenario-team-remove"),
    path("planning/scenarios/<int:pk>/what-if", what_if, name="scenario-what-if"),
    path("planning/scenarios/<int:pk>/solve", solve, name="scenario-solve"),
    path("planning/scenarios/<int:pk>/scenario.json", scenario_export, name="scenario-export"),
]
