"""OpenAPI generation that follows the Dutch API Design Rules (the Logius Spectral ruleset).

Per operation (``AutoSchema``): the ``API-Version`` header on every success,
problem-details responses for each error the operation can give, and the
``If-Match``/``ETag`` pair for resources under optimistic concurrency control.
For the document (``add_nl_api_rules``): the contact and the relative server URL.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.openapi import AutoSchema as _Base
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from roer.api.problems import CONTENT_TYPE

_PROBLEM_PROPERTIES: dict[str, Any] = {
    "type": {"type": "string", "format": "uri", "description": _("Where this kind of problem is defined.")},
    "code": {"type": "string", "description": _("Which problem this is, for programs, e.g. `notFound`.")},
    "title": {"type": "string", "description": _("Short summary of this kind of problem.")},
    "status": {"type": "integer", "description": _("The HTTP status code."), "minimum": 400, "maximum": 599},
    "detail": {"type": "string", "description": _("What went wrong this time.")},
    "instance": {"type": "string", "description": _("The path of the request.")},
}
_PROBLEM = {"type": "object", "properties": _PROBLEM_PROPERTIES, "required": list(_PROBLEM_PROPERTIES)}
_INVALID_PARAM = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "description": _("The field or query parameter, e.g. `orgUnit`.")},
        "code": {"type": "string", "description": _("Which rule the value breaks, e.g. `required`.")},
        "reason": {"type": "string", "description": _("Explanation for people.")},
    },
    "required": ["name", "code", "reason"],
}
_ERRORS: dict[int, tuple[str, Any]] = {
    400: ("ValidationProblem", _("The request is invalid; `invalidParams` lists each invalid value.")),
    401: ("Problem", _("Not signed in, or the token is wrong or revoked.")),
    403: ("Problem", _("Not allowed to do this.")),
    404: ("Problem", _("Not found, or outside what you may see.")),
    428: ("Problem", _("The `If-Match` header is missing.")),
}
_RESPONSE_NAMES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 428: "VersionRequired"}
_CHANGES = ("POST", "PUT", "PATCH", "DELETE")


class AutoSchema(_Base):
    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if not getattr(self.view, "concurrency_control", False):
            return parameters
        if self.method in ("PUT", "PATCH"):
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    required=True,
                    description=_('The `ETag` of the version this change is based on, e.g. `"3"`.'),
                )
            )
        if self.method != "DELETE" and not self._is_list_view():
            parameters.append(
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=["200", "201"],
                    description=_("The version of the returned representation; send it back in `If-Match`."),
                )
            )
        return parameters

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation: dict[str, Any] | None = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses: dict[str, Any] = operation["responses"]
        version_header = self._component(ResolvedComponent.HEADER, "API-Version", _version_header())
        for status, response in responses.items():
            if status[0] in "23":
                response.setdefault("headers", {})["API-Version"] = version_header
        for error in self._error_statuses(operation):
            responses[str(error)] = self._error_response(error)
        if getattr(self.view, "concurrency_control", False) and self.method in ("PUT", "PATCH"):
            responses["412"] = self._stale_response()
        return operation

    def _error_statuses(self, operation: dict[str, Any]) -> list[int]:
        statuses = []
        if self.method in ("POST", "PUT", "PATCH") or operation.get("parameters"):
            statuses.append(400)
        statuses.append(401)
        action = getattr(self.view, "action", None)
        perms = {**getattr(self.view, "action_perms", {}), **getattr(self.view, "object_perms", {})}
        if self.method in _CHANGES or action in perms:
            statuses.append(403)
        if "{" in self.path:
            statuses.append(404)
        if getattr(self.view, "concurrency_control", False) and self.method in ("PUT", "PATCH"):
            statuses.append(428)
        return statuses

    def _component(self, kind: str, name: str, schema: dict[str, Any]) -> dict[str, str]:
        component = ResolvedComponent(  # type: ignore[no-untyped-call]
            name=name, type=kind, schema=schema, object=f"roer-{kind}-{name}"
        )
        self.registry.register_on_missing(component)
        ref: dict[str, str] = component.ref
        return ref

    def _problem_schema(self, name: str) -> dict[str, str]:
        if name == "ValidationProblem":
            invalid_param = self._component(ResolvedComponent.SCHEMA, "InvalidParam", _INVALID_PARAM)
            properties = {**_PROBLEM_PROPERTIES, "invalidParams": {"type": "array", "items": invalid_param}}
            return self._component(ResolvedComponent.SCHEMA, name, {**_PROBLEM, "properties": properties})
        return self._component(ResolvedComponent.SCHEMA, name, _PROBLEM)

    def _error_response(self, status: int) -> dict[str, str]:
        schema_name, description = _ERRORS[status]
        response = {
            "description": description,
            "content": {CONTENT_TYPE: {"schema": self._problem_schema(schema_name)}},
        }
        return self._component(ResolvedComponent.RESPONSE, _RESPONSE_NAMES[status], response)

    def _stale_response(self) -> dict[str, Any]:
        """412 with the stored representation in ``current``, so the client sees what changed."""
        serializer = self.get_response_serializers()
        assert serializer is not None, "a resource under concurrency control has a serializer"
        current = self.resolve_serializer(serializer, "response").ref
        properties = {**_PROBLEM_PROPERTIES, "current": current}
        schema = {"type": "object", "properties": properties, "required": [*_PROBLEM["required"], "current"]}
        return {
            "description": _(
                "Changed since the version in `If-Match`; nothing was saved. `current` has the stored values."
            ),
            "headers": {"ETag": {"schema": {"type": "string"}, "description": _("The stored version.")}},
            "content": {CONTENT_TYPE: {"schema": schema}},
        }


class RoerSessionScheme(SessionScheme):  # type: ignore[no-untyped-call]
    """Documents Roer's session authentication (a subclass, which drf-spectacular does not match itself)."""

    target_class = "roer.api.authentication.SessionAuthentication"
    priority = 0


def _version_header() -> dict[str, Any]:
    return {
        "description": _("The full version of the API (Dutch API Design Rules /core/version-header)."),
        "schema": {"type": "string", "example": settings.API_VERSION},
    }


def add_nl_api_rules(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Document-wide rules: who to contact, and the server URL relative to this installation."""
    result["info"]["contact"] = dict(settings.ROER_API_CONTACT)
    result["info"]["version"] = settings.API_VERSION
    result["servers"] = [{"url": "/api/v1", "description": _("This installation")}]
    return result
