"""The OpenAPI document: served publicly, and the committed copy matches the code."""

from __future__ import annotations

import difflib

from django.urls import reverse

from roer.api.openapi import REGENERATE, committed_path, generate, render
from roer.api.tests.helpers import BASE, session_client


def test_the_committed_openapi_file_matches_the_code(db: None) -> None:
    path = committed_path()
    assert path.exists(), f"{path} is missing; run {REGENERATE}"
    committed, current = path.read_text(encoding="utf-8"), render(generate())
    if committed != current:
        diff = "".join(list(difflib.unified_diff(committed.splitlines(True), current.splitlines(True), n=1))[:40])
        raise AssertionError(f"docs/api/openapi.json is out of date; run {REGENERATE}\n{diff}")


def test_the_openapi_document_is_public(db: None) -> None:
    assert reverse("api-schema") == BASE + "/openapi.json"
    response = session_client().get(reverse("api-schema"), HTTP_AUTHORIZATION="Token stale-token")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert response.json()["info"]["contact"]["email"]


def test_every_success_documents_the_version_header_and_every_error_is_a_problem(db: None) -> None:
    for path, operations in generate()["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("2", "3")):
                    assert "API-Version" in response["headers"], (method, path, status)
                else:
                    assert "$ref" in response or "application/problem+json" in response["content"], (method, path)
