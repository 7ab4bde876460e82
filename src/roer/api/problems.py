"""Every API error as RFC 9457 problem details, served as ``application/problem+json``.

``type`` points to the definition of the HTTP status; ``code`` says which
problem it is, for programs; ``invalidParams`` lists each invalid input.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

CONTENT_TYPE = "application/problem+json"

_TITLES = {
    400: _("Invalid request"),
    401: _("Authentication required"),
    403: _("Not allowed"),
    404: _("Not found"),
    405: _("Method not allowed"),
    406: _("Not acceptable"),
    412: _("Changed in the meantime"),
    415: _("Unsupported media type"),
    428: _("Version required"),
    429: _("Too many requests"),
    500: _("Server error"),
}
_DEFINED_ELSEWHERE = {
    428: "https://www.rfc-editor.org/rfc/rfc6585#section-3",
    429: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
}
_DJANGO_CODES = {404: "not_found", 405: "method_not_allowed", 500: "server_error"}


def camel_case(name: str) -> str:
    head, *rest = name.strip("_").split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def problem_type(status: int) -> str:
    return _DEFINED_ELSEWHERE.get(status, f"https://www.rfc-editor.org/rfc/rfc9110#status.{status}")


def problem_title(status: int) -> str:
    title = _TITLES.get(status)
    return force_str(title) if title is not None else HTTPStatus(status).phrase


def problem(status: int, code: str, detail: Any, instance: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": problem_type(status),
        "code": camel_case(code),
        "title": problem_title(status),
        "status": status,
        "detail": force_str(detail),
        "instance": instance,
        **extra,
    }


def invalid_params(detail: Any, name: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error detail into ``[{name, code, reason}]`` with dotted camelCase names."""
    if isinstance(detail, dict):
        found: list[dict[str, str]] = []
        for key, value in detail.items():
            key = camel_case(str(key)) if key != "__all__" else api_settings.NON_FIELD_ERRORS_KEY
            found += invalid_params(value, f"{name}.{key}" if name else key)
        return found
    if isinstance(detail, list):
        found = []
        for index, item in enumerate(detail):
            nested = isinstance(item, (dict, list))
            found += invalid_params(item, f"{name}[{index}]" if nested else name)
        return found
    return [
        {
            "name": name or api_settings.NON_FIELD_ERRORS_KEY,
            "code": camel_case(getattr(detail, "code", None) or "invalid"),
            "reason": force_str(detail),
        }
    ]


def _as_api_exception(exc: Exception) -> exceptions.APIException | None:
    if isinstance(exc, exceptions.APIException):
        return exc
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        # Services refuse with a message meant for the person; keep it.
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, DjangoValidationError):
        # Model validation inside a service: field names become the API's camelCase names.
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        )
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's exception handler, answering with problem details; unknown errors stay 500s."""
    api_exc = _as_api_exception(exc)
    if api_exc is None:
        return None
    request = context["request"]
    status = api_exc.status_code
    extra: dict[str, Any] = dict(getattr(api_exc, "problem_extra", {}))
    if isinstance(api_exc, exceptions.ValidationError):
        detail: Any = _("One or more values are invalid; see invalidParams.")
        extra["invalidParams"] = invalid_params(api_exc.detail)
        code = "invalid"
    else:
        detail = api_exc.detail
        code = str(getattr(api_exc.detail, "code", None) or api_exc.default_code)
    headers: dict[str, str] = dict(getattr(api_exc, "headers", {}))
    if getattr(api_exc, "auth_header", None):
        headers["WWW-Authenticate"] = str(api_exc.auth_header)  # type: ignore[attr-defined]
    if getattr(api_exc, "wait", None):
        headers["Retry-After"] = str(int(api_exc.wait))  # type: ignore[attr-defined]
    set_rollback()
    body = problem(status, code, detail, request.path, **extra)
    return Response(body, status=status, headers=headers, content_type=CONTENT_TYPE)


def django_problem_response(request: HttpRequest, status: int) -> JsonResponse:
    """Problem details for an error Django answered before or outside DRF (an unknown URL, a crash)."""
    code = _DJANGO_CODES.get(status, "error")
    body = problem(status, code, problem_title(status), request.path)
    return JsonResponse(body, status=status, content_type=CONTENT_TYPE)
