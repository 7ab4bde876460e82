"""Test helpers for the API: clients that sign in by session or token, and problem checks."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.test import APIClient

from roer.api.models import ApiToken

BASE = "/api/v1"


def session_client(user: Any = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def token_client(user: Any) -> APIClient:
    _record, token = ApiToken.objects.issue(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def call(client: APIClient, method: str, url: str, data: Any = None, **headers: str) -> Any:
    """``client.get/post/…`` by method name, with a JSON body for changes."""
    if method in ("GET", "DELETE"):
        return getattr(client, method.lower())(url, data, **headers)
    return getattr(client, method.lower())(url, data, format="json", **headers)


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is problem details (RFC 9457) with ``status``; returns the body."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == settings.API_VERSION
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance", "code"} <= set(body)
    assert body["title"] and body["detail"]
    return body


def invalid_names(response: Any) -> set[str]:
    """Names in ``invalidParams`` of a 400 problem."""
    body = assert_problem(response, 400)
    return {param["name"] for param in body["invalidParams"]}
