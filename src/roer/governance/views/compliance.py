"""Comply or explain: an initiative's statements per framework, and the portfolio-wide compliance view."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.governance.forms_frameworks import StatementForm
from roer.governance.models import Framework
from roer.governance.services import compliance
from roer.organisation.models import OrgUnit
from roer.portfolio.views.gates import show_errors, visible_initiative


def _forms(rows: list[compliance.Row], data: Any = None, posted: str = "") -> list[dict[str, Any]]:
    result = []
    for row in rows:
        prefix = f"f{row.framework.pk}"
        statement = row.statement
        initial: dict[str, Any] = {"version": statement.version if statement else None}
        if statement is not None:
            initial.update(explanation=statement.explanation, exemption_until=statement.exemption_until)
            if statement.state in compliance.STATABLE:
                initial["state"] = statement.state
        form = StatementForm(data if posted == prefix else None, prefix=prefix, initial=initial)
        result.append({"row": row, "form": form, "prefix": prefix})
    return result


@login_required
def initiative_compliance(request: HttpRequest, code: str) -> HttpResponse:
    """Per framework in force that binds the initiative: its statement, and the form to state or revise it."""
    initiative = visible_initiative(request, code)
    may_state = compliance.may_state(request.user, initiative)
    if request.method == "POST" and not may_state:
        raise PermissionDenied
    rows = compliance.rows_for(initiative)
    posted = str(request.POST.get("framework") or "") if request.method == "POST" else ""
    entries = _forms(rows, request.POST, posted)
    conflict = None
    if posted:
        entry = next((e for e in entries if e["prefix"] == posted), None)
        if entry is None:
            messages.error(request, _("This framework does not bind the initiative."))
            return redirect("governance:initiative-compliance", code=initiative.code)
        form, row = entry["form"], entry["row"]
        if form.is_valid():
            try:
                statement = compliance.state(
                    request.user, initiative, row.framework, form.values(), form.cleaned_data.get("version")
                )
            except compliance.StaleStatement as stale:
                conflict = stale.current
                data = request.POST.copy()
                data[f"{posted}-version"] = str(stale.current.version)
                form.data = data
                form.add_error(
                    None,
                    _("Someone changed this statement meanwhile; it now reads as shown. Save again to replace it."),
                )
            except ValidationError as error:
                show_errors(form, error)
            except PermissionDenied as refusal:  # may state, but not propose an exemption
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _("Statement on %(framework)s recorded: %(state)s.")
                    % {"framework": row.framework.title, "state": statement.get_state_display()},
                )
                return redirect("governance:initiative-compliance", code=initiative.code)
    context = {
        "initiative": initiative,
        "entries": entries,
        "may_state": may_state,
        "posted": posted,
        "conflict": conflict,
        "today": timezone.localdate(),
    }
    return render(request, "governance/compliance/initiative_compliance.html", context)


@require_safe
@login_required
def compliance_overview(request: HttpRequest) -> HttpResponse:
    units = OrgUnit.objects.for_user(request.user).order_by("path")
    unit = None
    chosen = request.GET.get("unit") or ""
    if chosen.isdigit():
        unit = get_object_or_404(units, pk=int(chosen))
    today = timezone.localdate()
    context = {
        "summaries": compliance.overview(request.user, unit, today),
        "exemptions": compliance.exemptions(request.user, unit, today),
        "units": units,
        "unit": unit,
        "today": today,
        "expiry_days": compliance.EXPIRY_WINDOW.days,
        "frameworks_exist": Framework.objects.for_user(request.user).exists(),
    }
    return render(request, "governance/compliance/overview.html", context)


urlpatterns = [
    path("compliance/", compliance_overview, name="compliance-overview"),
    path("initiatives/<str:code>/compliance", initiative_compliance, name="initiative-compliance"),
]
