"""Errors under /api/ are problem details with the API-Version header, whoever produced them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.test import RequestFactory
from rest_framework.exceptions import ErrorDetail

from roer.api.middleware import ApiVersionHeaderMiddleware
from roer.api.problems import invalid_params
from roer.api.tests.helpers import BASE, assert_problem, session_client
from roer.conftest import World


def test_an_unknown_url_under_the_api_is_a_404_problem(db: None) -> None:
    body = assert_problem(session_client().get(BASE + "/nothing-here"), 404)
    assert body["instance"] == BASE + "/nothing-here"
    assert body["type"].startswith("https://www.rfc-editor.org/rfc/rfc9110")


def test_a_trailing_slash_is_not_a_resource(world: World) -> None:
    assert_problem(session_client(world.alice).get(BASE + "/initiatives/"), 404)


def test_an_unsupported_method_is_a_405_problem_with_allow(world: World) -> None:
    response = session_client(world.alice).delete(f"{BASE}/initiatives/{world.initiative.code}")
    assert_problem(response, 405)
    assert "DELETE" not in response["Allow"] and "PATCH" in response["Allow"]


def test_malformed_json_is_a_400_problem(world: World) -> None:
    response = session_client(world.alice).post(BASE + "/initiatives", "{nope", content_type="application/json")
    assert assert_problem(response, 400)["code"] == "parseError"


def test_a_crash_is_a_500_problem_without_details() -> None:
    def crash(request: HttpRequest) -> HttpResponse:
        return HttpResponseServerError("<h1>Server Error</h1> secret stack")

    response = ApiVersionHeaderMiddleware(crash)(RequestFactory().get(BASE + "/initiatives"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert b"secret" not in response.content  # type: ignore[attr-defined]
    assert response["API-Version"]


def test_pages_outside_the_api_are_left_alone() -> None:
    response = ApiVersionHeaderMiddleware(lambda request: HttpResponse("x", status=404))(RequestFactory().get("/nope"))
    assert response["Content-Type"].startswith("text/html")
    assert "API-Version" not in response


def test_invalid_params_are_flattened_with_camel_case_names() -> None:
    detail = {
        "org_unit": [ErrorDetail("Invalid pk.", code="does_not_exist")],
        "nonFieldErrors": [ErrorDetail("Wrong.", code="invalid")],
        "items": [{}, {"valid_from": [ErrorDetail("Bad date.", code="invalid")]}],
    }
    assert invalid_params(detail) == [
        {"name": "orgUnit", "code": "doesNotExist", "reason": "Invalid pk."},
        {"name": "nonFieldErrors", "code": "invalid", "reason": "Wrong."},
        {"name": "items[1].validFrom", "code": "invalid", "reason": "Bad date."},
    ]


def test_success_responses_carry_the_api_version(world: World) -> None:
    response = session_client(world.alice).get(BASE + "/initiatives")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"


def test_errors_are_translated(world: World) -> None:
    response = session_client().get(BASE + "/initiatives", HTTP_ACCEPT_LANGUAGE="nl")
    body = assert_problem(response, 401)
    assert body["detail"] != "Authentication credentials were not provided."
