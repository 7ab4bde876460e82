"""Sets the audit context for each request: the signed-in person and the channel."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from roer.audit.context import Source, acting


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            source = Source.API
        elif request.path.startswith("/admin/"):
            source = Source.ADMIN
        else:
            source = Source.WEB
        user = getattr(request, "user", None)
        with acting(actor=user, source=source):
            return self.get_response(request)
