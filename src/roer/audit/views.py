"""The global audit page for auditors, its CSV export, and the history page of one object."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.audit.exports import csv_lines
from roer.audit.filters import AuditEventFilter
from roer.audit.models import AuditEvent


def _require_auditor(request: HttpRequest) -> None:
    # "audit.view_auditevent" without an object: an auditor somewhere; the query set narrows to where.
    if not request.user.has_perm("audit.view_auditevent"):
        raise PermissionDenied


def _filtered(request: HttpRequest) -> AuditEventFilter:
    events = AuditEvent.objects.for_user(request.user).select_related("content_type")
    return AuditEventFilter(request.GET or None, queryset=events)


@require_safe
@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    _require_auditor(request)
    filterset = _filtered(request)
    valid = not filterset.is_bound or filterset.is_valid()
    events = filterset.qs if valid else filterset.queryset.none()
    page = Paginator(events, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "valid": valid, "export_query": query.urlencode()}
    # The filter bar refreshes only the results region through htmx.
    partial = request.headers.get("HX-Request")
    return render(request, "audit/_event_results.html" if partial else "audit/event_list.html", context)


@require_safe
@login_required
def event_export(request: HttpRequest) -> HttpResponseBase:
    _require_auditor(request)
    filterset = _filtered(request)
    if filterset.is_bound and not filterset.is_valid():
        # Never export more than was asked for because a filter could not be read.
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponse(
            _("The filters are not valid: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(csv_lines(filterset.qs), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="roer-audit-{stamp}.csv"'
    return response


def render_history(
    request: HttpRequest, obj: models.Model, template: str, context: dict[str, Any] | None = None
) -> HttpResponse:
    """The history page of ``obj``, after checking ``audit.view_history`` (see ``audit/rules.py``).

    Callers look ``obj`` up in their ``for_user`` query set first, so an outsider gets 404.
    """
    if not request.user.has_perm("audit.view_history", obj):
        raise PermissionDenied
    events = AuditEvent.objects.for_object(obj).select_related("content_type")
    page = Paginator(events, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {**(context or {}), "object": obj, "page": page})
