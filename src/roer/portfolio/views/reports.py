"""Status reports of an initiative: computed ratings, the reports with their dual rating,
recording a report, rating it (independent or CIO), and CIO opinions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.organisation.roles import Capability
from roer.portfolio.forms_reports import CioOpinionForm, CioRatingForm, IndependentRatingForm, StatusReportForm
from roer.portfolio.services import baselines, reports
from roer.portfolio.services.checks import may, may_report
from roer.portfolio.services.stale import ChangedMeanwhile, fingerprint
from roer.portfolio.views.gates import show_errors, visible_initiative


@require_safe
@login_required
def report_list(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    found = reports.reports(initiative)
    for report in found:
        report.rosier_by = reports.rosier_by(report)  # type: ignore[attr-defined]
    user = request.user
    context = {
        "initiative": initiative,
        "reports": found,
        "ratings": reports.ratings(baselines.figures(initiative), found),
        "opinions": initiative.cio_opinions.select_related("given_by").order_by("-given_on"),
        "can_report": may_report(user, initiative),
        "can_rate_independently": may(user, Capability.RATE_INDEPENDENTLY, initiative),
        "can_rate_as_cio": may(user, Capability.RATE_AS_CIO, initiative),
    }
    return render(request, "portfolio/reports/report_list.html", context)


@login_required
def report_create(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    if not may_report(request.user, initiative):
        raise PermissionDenied
    form = StatusReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.record_status_report(request.user, initiative, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Status report recorded."))
            return redirect("portfolio:report-list", code=initiative.code)
    return render(request, "portfolio/reports/report_form.html", {"initiative": initiative, "form": form})


RATINGS: dict[str, Any] = {
    "independent": (Capability.RATE_INDEPENDENTLY, IndependentRatingForm, reports.INDEPENDENT_FIELDS),
    "cio": (Capability.RATE_AS_CIO, CioRatingForm, reports.CIO_FIELDS),
}


@login_required
def report_rate(request: HttpRequest, code: str) -> HttpResponse:
    """The independent or the CIO rating of one report (``?report=<id>&as=independent|cio``)."""
    initiative = visible_initiative(request, code)
    params = request.POST if request.method == "POST" else request.GET
    kind = params.get("as", "")
    if kind not in RATINGS or not str(params.get("report", "")).isdigit():
        raise Http404
    capability, form_class, fields = RATINGS[kind]
    report = initiative.status_reports.filter(pk=int(params["report"])).select_related("initiative__org_unit").first()
    if report is None:
        raise Http404
    if not may(request.user, capability, initiative):
        raise PermissionDenied
    initial = {name: getattr(report, name) for name in fields if not name.endswith("_id")}
    initial["fingerprint"] = fingerprint(report, fields)
    form: forms.Form = form_class(request.POST or None, initial=initial)
    context: dict[str, Any] = {"initiative": initiative, "report": report, "form": form, "kind": kind}
    if request.method == "POST" and form.is_valid():
        rate = reports.rate_independently if kind == "independent" else reports.rate_as_cio
        try:
            rate(request.user, report, form.cleaned_data, form.cleaned_data["fingerprint"])
        except ChangedMeanwhile as stale:
            context["stored"] = stale.current
            data = request.POST.copy()
            data["fingerprint"] = fingerprint(stale.current, fields)
            form.data = data
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Rating recorded."))
            return redirect("portfolio:report-list", code=initiative.code)
    return render(request, "portfolio/reports/rating_form.html", context)


@login_required
def opinion_create(request: HttpRequest, code: str) -> HttpResponse:
    initiative = visible_initiative(request, code)
    if not may(request.user, Capability.RATE_AS_CIO, initiative):
        raise PermissionDenied
    form = CioOpinionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.record_cio_opinion(request.user, initiative, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("CIO opinion recorded."))
            return redirect("portfolio:report-list", code=initiative.code)
    return render(request, "portfolio/reports/opinion_form.html", {"initiative": initiative, "form": form})


urlpatterns = [
    path("<str:code>/reports/", report_list, name="report-list"),
    path("<str:code>/reports/new", report_create, name="report-create"),
    path("<str:code>/reports/rate", report_rate, name="report-rate"),
    path("<str:code>/reports/opinion", opinion_create, name="opinion-create"),
]
