"""Recording one measurement, and importing many from a CSV or xlsx file (all or nothing)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from roer.strategy.forms import MeasurementForm, MeasurementImportForm
from roer.strategy.imports import ImportFailed, import_measurements
from roer.strategy.services import add_measurement
from roer.strategy.views.common import visible_kpi
from roer.strategy.views.editing import show_errors


@login_required
def measurement_create(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = visible_kpi(request, pk)
    if not request.user.has_perm("strategy.record_measurement", kpi):
        raise PermissionDenied
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_measurement(request.user, kpi, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Measurement of %(name)s recorded.") % {"name": kpi.name})
            return redirect(kpi)
    context = {
        "form": form,
        "title": _("Record a measurement of %(name)s") % {"name": kpi.name},
        "crumbs": [
            {"label": pgettext("heading", "KPIs"), "url": reverse("strategy:kpi-list")},
            {"label": kpi.name, "url": kpi.get_absolute_url()},
            {"label": _("New measurement"), "url": None},
        ],
        "submit": _("Record measurement"),
        "cancel": kpi.get_absolute_url(),
        "intro": _("Unit of measure: %(unit)s. %(direction)s.")
        % {"unit": kpi.unit_of_measure, "direction": kpi.get_direction_display()},
    }
    return render(request, "strategy/form.html", context)


def _stored_message(result: Any) -> str:
    return ngettext(
        "Import done for %(kpis)d KPI: %(created)d added, %(replaced)d replaced, %(unchanged)d unchanged.",
        "Import done for %(kpis)d KPIs: %(created)d added, %(replaced)d replaced, %(unchanged)d unchanged.",
        result.kpis,
    ) % {"kpis": result.kpis, "created": result.created, "replaced": result.replaced, "unchanged": result.unchanged}


@login_required
def measurement_import(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("strategy.record_measurement"):
        raise PermissionDenied
    form = MeasurementImportForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_measurements(request.user, upload.read(), upload.name, replace=form.cleaned_data["replace"])
        except ImportFailed as failed:
            problems = failed.problems
        else:
            messages.success(request, _stored_message(result))
            return redirect("strategy:kpi-list")
    return render(request, "strategy/measurement_import.html", {"form": form, "problems": problems})
