from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from roer.core.home import home_context


@require_safe
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", home_context(request.user))


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Liveness and database check for load balancers; reveals nothing about the data."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
