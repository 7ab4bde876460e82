"""The KPI list, one KPI's page with its trend and measurements, and its history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from roer.audit.models import AuditEvent
from roer.organisation.access import ancestor_paths
from roer.organisation.models import OrgUnit
from roer.strategy.analyses import kpi_view
from roer.strategy.models import KPI, Contribution, Goal
from roer.strategy.views import charts
from roer.strategy.views.common import page_of, render_results, visible_kpi
from roer.strategy.views.filters import unit_filters
from roer.strategy.views.tree import measured_kpis
from roer.strategy.views.words import reason


def _kpis_for(request: HttpRequest, unit: OrgUnit | None) -> QuerySet[KPI]:
    kpis: QuerySet[KPI] = KPI.objects.for_user(request.user)
    if unit is not None:
        kpis = kpis.filter(Q(org_unit__path__startswith=unit.path) | Q(org_unit__path__in=ancestor_paths(unit.path)))
    return kpis.select_related("org_unit").order_by("name", "pk")


@require_safe
@login_required
def kpi_list(request: HttpRequest) -> HttpResponse:
    filters = unit_filters(request)
    page = page_of(request, measured_kpis(_kpis_for(request, filters.unit)))
    today = timezone.localdate()
    views = [kpi_view(kpi, today) for kpi in page]
    context = {
        "filter": filters,
        "unit": filters.unit,
        "page": page,
        "rows": [{"view": view, "reason": reason(view)} for view in views],
        "can_add": request.user.has_perm("strategy.add_kpi"),
        "can_import": request.user.has_perm("strategy.record_measurement"),
    }
    return render_results(request, "strategy/kpi_list.html", "strategy/_kpi_results.html", context)


@require_safe
@login_required
def kpi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    kpi: KPI = get_object_or_404(measured_kpis(KPI.objects.for_user(user).select_related("org_unit")), pk=pk)
    view = kpi_view(kpi, timezone.localdate())
    newest_first = sorted(kpi.measurements.all(), key=lambda m: m.measured_on, reverse=True)
    context = {
        "kpi": kpi,
        "view": view,
        "reason": reason(view),
        "chart": charts.trend(view),
        "goals": Goal.objects.for_user(user).filter(kpis=kpi).select_related("org_unit").order_by("title"),
        "contributions": Contribution.objects.for_user(user)
        .filter(kpi=kpi)
        .select_related("initiative", "goal", "kpi")
        .order_by("initiative__code"),
        "measurements": page_of(request, newest_first),
        "can_change": user.has_perm("strategy.change_kpi", kpi),
        "can_record": user.has_perm("strategy.record_measurement", kpi),
    }
    return render(request, "strategy/kpi_detail.html", context)


@require_safe
@login_required
def kpi_history(request: HttpRequest, pk: int) -> HttpResponse:
    kpi = visible_kpi(request, pk)
    events = page_of(request, AuditEvent.objects.for_object(kpi).select_related("content_type"))
    return render(request, "strategy/kpi_history.html", {"kpi": kpi, "page": events})
