"""Rules that hold for every response under ``/api/``, whoever produced it (Dutch API Design Rules).

- the ``API-Version`` header (/core/version-header);
- errors as problem details, also when Django answered instead of DRF, such
  as for an unknown URL or an unexpected crash (/core/error-handling/problem-details).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from roer.api.problems import CONTENT_TYPE, django_problem_response

API_PREFIX = "/api/"


class ApiVersionHeaderMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code >= 400 and not _is_problem(response):
            allow = response.headers.get("Allow")
            response = django_problem_response(request, response.status_code)
            if allow:
                response.headers["Allow"] = allow
        response.headers["API-Version"] = settings.API_VERSION
        return response


def _is_problem(response: HttpResponseBase) -> bool:
    return str(response.headers.get("Content-Type", "")).startswith(CONTENT_TYPE)
