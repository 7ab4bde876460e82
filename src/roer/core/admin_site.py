"""The Django admin, closed to signed-in people who are not staff (403 instead of a login form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver


def _refuse_signed_in_outsiders(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not admin.site.has_permission(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def protect_admin() -> tuple[list[URLPattern | URLResolver], str, str]:
    urls, app_name, namespace = admin.site.urls
    return [_wrap(pattern) for pattern in urls], app_name, namespace


def _wrap(pattern: URLPattern | URLResolver) -> URLPattern | URLResolver:
    if isinstance(pattern, URLResolver):
        pattern.url_patterns[:] = [_wrap(p) for p in pattern.url_patterns]
        return pattern
    pattern.callback = _refuse_signed_in_outsiders(pattern.callback)
    return pattern
