"""Cost pages: an initiative's cost sheet and its editing, and the roll-up of an org unit.

Thin: sums in ``services.costs`` and ``services.cost_rollup``, changes in ``save_sheet``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.organisation.models import OrgUnit
from roer.portfolio.forms_costs import BaseCostSheetFormSet, CostSheetFormSet, SheetMetaForm, initial_rows
from roer.portfolio.models import CostKind, Initiative
from roer.portfolio.services import cost_rollup
from roer.portfolio.services.costs import (
    SheetInvalid,
    StaleSheet,
    can_see_details,
    grids,
    lines_of,
    save_sheet,
    sheet_version,
    totals,
)


def _get(request: HttpRequest, code: str) -> Initiative:
    visible = Initiative.objects.for_user(request.user).select_related("org_unit", "sponsor", "manager")
    initiative: Initiative = get_object_or_404(visible, code=code)
    return initiative


def _may_edit(request: HttpRequest, initiative: Initiative) -> bool:
    return bool(request.user.has_perm("portfolio.change_initiative", initiative)) and can_see_details(
        request.user, initiative
    )


@require_safe
@login_required
def initiative_costs(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _get(request, code)
    details = can_see_details(request.user, initiative)
    context = {
        "initiative": initiative,
        "totals": totals(initiative.cost_lines.all()),
        "grids": grids(initiative) if details else None,
        "can_see_details": details,
        "can_edit": _may_edit(request, initiative),
        "kinds": CostKind.choices,
    }
    return render(request, "portfolio/costs/initiative_costs.html", context)


def _kind(request: HttpRequest) -> str:
    kind = request.POST.get("kind") or request.GET.get("kind") or CostKind.PLAN
    if kind not in CostKind.values:
        raise Http404
    return kind


@login_required
def initiative_costs_edit(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _get(request, code)
    if not _may_edit(request, initiative):
        raise PermissionDenied
    kind = _kind(request)
    context: dict[str, Any] = {"initiative": initiative, "kind": kind, "kind_label": CostKind(kind).label}
    if request.method != "POST":
        meta = SheetMetaForm(initial={"version": sheet_version(initiative)})
        blank = CostSheetFormSet(prefix="lines", initial=initial_rows(lines_of(initiative, kind)))
        return render(request, "portfolio/costs/sheet_form.html", {**context, "meta": meta, "formset": blank})
    meta = SheetMetaForm(request.POST)
    formset = CostSheetFormSet(request.POST, prefix="lines")
    assert isinstance(formset, BaseCostSheetFormSet)
    context.update(meta=meta, formset=formset)
    if meta.is_valid() and formset.is_valid():
        try:
            save_sheet(request.user, initiative, kind, formset.rows(), meta.cleaned_data["version"])
        except StaleSheet as stale:
            # Nothing is saved; the next save is a choice made after seeing the newer values.
            context["stale"] = True
            context["stored_lines"] = lines_of(initiative, kind)
            data = request.POST.copy()
            data["version"] = stale.version
            meta.data = data
        except SheetInvalid as invalid:
            filled = formset.filled_forms()
            for problem in invalid.problems:
                if 1 <= problem.row <= len(filled):
                    filled[problem.row - 1].add_error(problem.field, problem.message)
        else:
            messages.success(
                request, _("The %(kind)s costs of %(code)s are saved.") % {"kind": kind_label(kind), "code": code}
            )
            return redirect(reverse("portfolio:initiative-costs", args=[initiative.code]))
    _describe_errors(formset)
    return render(request, "portfolio/costs/sheet_form.html", context)


def _describe_errors(formset: BaseCostSheetFormSet) -> None:
    """Tie each cell's error message to its input, so a screen reader announces it with the field."""
    for form in formset.forms:
        for name in form.errors:
            if name in form.fields:
                attrs = form.fields[name].widget.attrs
                attrs["aria-describedby"] = f"{form[name].auto_id}_error"
                attrs["aria-invalid"] = "true"


def kind_label(kind: str) -> str:
    return str(CostKind(kind).label).lower()


@require_safe
@login_required
def unit_costs(request: HttpRequest, pk: int) -> HttpResponse:
    """The roll-up of one unit: totals per year, and per unit below it (optionally for one year)."""
    unit = get_object_or_404(OrgUnit.objects.for_user(request.user), pk=pk)
    unit_totals = cost_rollup.unit_totals(request.user, unit)
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and int(year_text) in unit_totals.years else None
    children = OrgUnit.objects.for_user(request.user).filter(parent=unit)
    context = {
        "unit": unit,
        "totals": unit_totals,
        "year": year,
        "rows": cost_rollup.children_totals(request.user, unit, children, year),
        "kinds": CostKind.choices,
    }
    return render(request, "portfolio/costs/unit_costs.html", context)


urlpatterns = [
    path("<str:code>/costs", initiative_costs, name="initiative-costs"),
    path("<str:code>/costs/edit", initiative_costs_edit, name="initiative-costs-edit"),
]
