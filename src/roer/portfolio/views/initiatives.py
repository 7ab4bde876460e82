"""Pages of the initiative register. Thin: queries in querysets and filters, changes in services."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.audit.models import AuditEvent
from roer.core.stale import differences, retry_with
from roer.portfolio.filters import SIZE_CHOICES, InitiativeFilter, apply_sort
from roer.portfolio.forms import EditInitiativeForm, NewInitiativeForm
from roer.portfolio.models import Initiative, Rag
from roer.portfolio.overview import SEVERITY_RANK, with_size_and_warnings
from roer.portfolio.overview_ratings import with_computed_rating
from roer.portfolio.services import EDITABLE_FIELDS, Refused, StaleVersion, create_initiative, update_initiative
from roer.portfolio.warning_text import SEVERITY_LABELS


def _visible(request: HttpRequest) -> QuerySet[Initiative]:
    return Initiative.objects.for_user(request.user)


def _get(request: HttpRequest, code: str) -> Initiative:
    return get_object_or_404(_visible(request).select_related("org_unit", "sponsor", "manager"), code=code)


def _filtered(request: HttpRequest) -> tuple[InitiativeFilter, QuerySet[Initiative]]:
    filterset = InitiativeFilter(request.GET or None, queryset=_visible(request), user=request.user)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else _visible(request)
    queryset = apply_sort(with_computed_rating(with_size_and_warnings(queryset)), request.GET.get("sort", ""))
    return filterset, queryset.select_related("org_unit", "sponsor", "manager")


@require_safe
@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    filterset, queryset = _filtered(request)
    page = Paginator(queryset, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page": page,
        "can_add": request.user.has_perm("portfolio.add_initiative"),
        "export_query": request.GET.urlencode(),
    }
    # htmx swaps just the results region when the filter bar changes.
    template = "portfolio/_initiative_results.html" if request.headers.get("HX-Request") else None
    return render(request, template or "portfolio/initiative_list.html", context)


@require_safe
@login_required
def initiative_export(request: HttpRequest) -> StreamingHttpResponse:
    queryset = _filtered(request)[1]
    columns = [
        _("Code"),
        _("Name"),
        _("Org unit"),
        _("Phase"),
        _("Sponsor"),
        _("Manager"),
        _("Problem statement"),
        _("Size class"),
        _("Current cost estimate (EUR)"),
        _("Early warnings"),
        _("Worst warning"),
        _("Computed overall rating"),
    ]
    sizes = dict(SIZE_CHOICES)
    severities = {rank: str(SEVERITY_LABELS[name]) for name, rank in SEVERITY_RANK.items()}
    colours = dict(Rag.choices)

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(columns)
        item: Any  # annotated by with_size_and_warnings
        for item in queryset.iterator(chunk_size=1000):
            yield writer.writerow(
                [
                    item.code,
                    item.name,
                    item.org_unit.name,
                    item.get_phase_display(),
                    str(item.sponsor or ""),
                    str(item.manager or ""),
                    item.problem_statement,
                    str(sizes[item.size_class]),
                    f"{item.current_cost:.2f}",
                    item.warning_count,
                    severities.get(item.worst_warning, ""),
                    str(colours.get(item.computed_rating, "")),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatives.csv"'
    return response


@require_safe
@login_required
def initiative_detail(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _get(request, code)
    return render(
        request,
        "portfolio/initiative_detail.html",
        {"initiative": initiative, "can_change": request.user.has_perm("portfolio.change_initiative", initiative)},
    )


@require_safe
@login_required
def initiative_history(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _get(request, code)
    events = Paginator(AuditEvent.objects.for_object(initiative), settings.ROER_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "portfolio/initiative_history.html", {"initiative": initiative, "page": events})


@login_required
def initiative_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("portfolio.add_initiative"):
        raise PermissionDenied
    form = NewInitiativeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = create_initiative(request.user, form.cleaned_data)
        except Refused as refusal:
            form.add_error(refusal.field, str(refusal.message))
        else:
            messages.success(request, _("Initiative %(code)s registered.") % {"code": initiative.code})
            return redirect(initiative)
    return render(request, "portfolio/initiative_form.html", {"form": form, "initiative": None})


@login_required
def initiative_edit(request: HttpRequest, code: str) -> HttpResponse:
    initiative = _get(request, code)
    if not request.user.has_perm("portfolio.change_initiative", initiative):
        raise PermissionDenied
    initial = {"version": initiative.version}
    form = EditInitiativeForm(request.POST or None, instance=initiative, initial=initial, user=request.user)
    context: dict[str, Any] = {"form": form, "initiative": initiative, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        # A form's instance is changed by is_valid(); the service reloads the stored row itself.
        try:
            saved = update_initiative(request.user, initiative, form.cleaned_data, form.cleaned_data["version"])
        except StaleVersion as stale:
            context["conflicts"] = differences(stale.current, form.cleaned_data, EDITABLE_FIELDS)
            context["stored"] = stale.current
            retry_with(form, request.POST, stale.current.version)
        except Refused as refusal:
            form.add_error(refusal.field, str(refusal.message))
        else:
            messages.success(request, _("Changes to %(code)s saved.") % {"code": saved.code})
            return redirect(saved)
    return render(request, "portfolio/initiative_form.html", context)
