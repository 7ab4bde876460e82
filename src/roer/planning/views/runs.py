"""Solve-run pages: progress (refreshing itself), the plan with the frontier, downloads, the proposal
to apply the plan, and the side-by-side comparison of runs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roer.planning.models.scenarios import PlanApplication, RunState, SolveRun
from roer.planning.services import scenarios as service
from roer.planning.services.apply import may_propose, propose_plan
from roer.planning.services.runs import request_stop
from roer.planning.services.texts import skip_text
from roer.planning.views.plan_display import differences, frontier_chart, summary
from roer.planning.views.scenario_forms import CompareForm, ProposeForm
from roer.planning.views.scenarios import json_download, scenarios_filter

MAX_COMPARED = 4


def visible_runs(user: Any) -> Any:
    return SolveRun.objects.filter(scenarios_filter(user)).select_related("scenario__org_unit", "requested_by")


def get_run(request: HttpRequest, pk: int) -> SolveRun:
    if not request.user.is_authenticated:
        raise Http404
    run: SolveRun = get_object_or_404(visible_runs(request.user), pk=pk)
    return run


@require_safe
@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_run(request, pk)
    context = {
        "run": run,
        "summary": summary(run),
        "chart": frontier_chart(run),
        "applications": PlanApplication.objects.filter(run=run)
        .select_related("decision", "reverts__decision")
        .order_by("applied_at", "pk"),
        "may_propose": may_propose(run) and service.may_change(request.user, run.scenario),
        "may_stop": may_stop(request.user, run),
        "skipped": [dict(item, reason=skip_text(item)) for item in run.skipped],
    }
    return render(request, "planning/run_detail.html", context)


@require_safe
@login_required
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress block alone, for htmx to swap in while the run is queued or running."""
    run = get_run(request, pk)
    response = render(
        request, "planning/_run_progress_block.html", {"run": run, "may_stop": may_stop(request.user, run)}
    )
    if run.finished:
        response["HX-Refresh"] = "true"  # the whole page now has a plan to show
    return response


def may_stop(user: Any, run: SolveRun) -> bool:
    """The Stop button: while the run is pending and nobody asked yet, for people who may change the scenario."""
    return run.pending and not run.stopping and service.may_change(user, run.scenario)


@require_POST
@login_required
def run_stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a queued or running solve, keeping the best plan so far; asking twice is harmless."""
    run = get_run(request, pk)
    if not service.may_change(request.user, run.scenario):
        raise PermissionDenied
    if run.pending:
        run = request_stop(request.user, run)
        if run.state == RunState.STOPPED:
            messages.success(request, _("The run was stopped before the worker began; it has no plan."))
        else:
            messages.success(request, _("Stop requested: the run ends within seconds with the best plan so far."))
    return redirect(run)


@require_safe
@login_required
def run_plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_run(request, pk)
    if run.plan_json is None:
        raise Http404
    return json_download(run.plan_json, f"plan-{run.pk}.json")


@require_safe
@login_required
def run_scenario_export(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_run(request, pk)
    return json_download(run.scenario_json, f"scenario-{run.scenario_id}-run-{run.pk}.json")


@login_required
def run_propose(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_run(request, pk)
    if not service.may_change(request.user, run.scenario):
        raise PermissionDenied
    if not may_propose(run):
        messages.error(
            request, _("This plan cannot be proposed: it is not finished, not feasible, or already proposed.")
        )
        return redirect(run)
    plan = run.plan_json or {}
    initial = {
        "title": _("Apply the plan of scenario %(name)s") % {"name": run.scenario.name},
        "summary": _(
            "Fund %(count)s initiatives and set their planned starts as in solve run %(run)s "
            "(value %(value).1f, within %(gap).2f %% of the best possible)."
        )
        % {
            "count": len(plan.get("funded", [])),
            "run": run.pk,
            "value": plan.get("objective") or 0,
            "gap": 100 * (plan.get("gap") or 0),
        },
        "scope": "local",
    }
    form = ProposeForm(request.POST or None, unit=run.scenario.org_unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = propose_plan(request.user, run, form.cleaned_data)
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("You may not propose this plan."))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, list(map(str, errors)))
            else:
                form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Proposal %(reference)s submitted. The plan is applied when a decision approves it.")
                % {"reference": proposal.reference},
            )
            return redirect(run)
    return render(request, "planning/propose_form.html", {"form": form, "run": run})


@require_safe
@login_required
def compare(request: HttpRequest) -> HttpResponse:
    runs = list(visible_runs(request.user).filter(state=RunState.DONE)[:50])
    form = CompareForm(request.GET or None, runs=runs)
    compared: list[Any] = []
    if form.is_bound and form.is_valid():
        chosen = [int(pk) for pk in form.cleaned_data["run"]][:MAX_COMPARED]
        by_pk = {run.pk: run for run in runs}
        compared = [s for s in (summary(by_pk[pk]) for pk in chosen if pk in by_pk) if s is not None]
    context = {
        "form": form,
        "compared": compared,
        "differences": differences(compared) if compared else [],
        "max_compared": MAX_COMPARED,
    }
    return render(request, "planning/compare.html", context)


urlpatterns = [
    path("planning/scenarios/compare", compare, name="run-compare"),
    path("planning/scenarios/runs/<int:pk>/", run_detail, name="run-detail"),
    path("planning/scenarios/runs/<int:pk>/progress", run_progress, name="run-progress"),
    path("planning/scenarios/runs/<int:pk>/stop", run_stop, name="run-stop"),
    path("planning/scenarios/runs/<int:pk>/plan.json", run_plan_export, name="run-plan-export"),
    path("planning/scenarios/runs/<int:pk>/scenario.json", run_scenario_export, name="run-scenario-export"),
    path("planning/scenarios/runs/<int:pk>/propose", run_propose, name="run-propose"),
]
