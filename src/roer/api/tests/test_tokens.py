"""Token authentication and the ``roer token`` command."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from roer.api.management.commands.token import Command
from roer.api.models import ApiToken, hash_token
from roer.api.tests.helpers import BASE, assert_problem
from roer.audit.models import AuditEvent
from roer.conftest import World


def _issue(username: str) -> str:
    out = io.StringIO()
    call_command("token", username, stdout=out)
    return out.getvalue().strip()


def _get(token: str, path: str = "/initiatives") -> object:
    return APIClient().get(BASE + path, HTTP_AUTHORIZATION=f"Token {token}")


def test_roer_token_prints_a_token_that_authenticates_as_that_person(world: World) -> None:
    token = _issue("alice")
    response = _get(token)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert [item["code"] for item in response.json()["results"]] == ["MINBZ-0001"]  # type: ignore[attr-defined]
    stored = ApiToken.objects.get(user=world.alice)
    assert stored.last_used_at is not None


def test_only_a_hash_and_a_short_prefix_are_stored(world: World) -> None:
    token = _issue("alice")
    stored = ApiToken.objects.get(user=world.alice)
    assert stored.key_hash == hash_token(token) != token
    assert token.startswith(stored.prefix) and len(stored.prefix) < 16
    assert not ApiToken.objects.filter(key_hash=token).exists()


def test_issuing_a_token_is_audited_without_its_hash(world: World) -> None:
    _issue("alice")
    event = AuditEvent.objects.for_object(ApiToken.objects.get()).get()
    assert event.source == "command" and event.action == "create"
    assert event.after is not None and event.after["key_hash"] == "********"


@pytest.mark.parametrize(
    "header",
    ["Token roer_wrong", "Token", "Token two parts", "Bearer roer_wrong"],
    ids=["wrong", "empty", "spaces", "other-scheme"],
)
def test_a_wrong_or_malformed_token_gets_401_problem(world: World, header: str) -> None:
    response = APIClient().get(BASE + "/initiatives", HTTP_AUTHORIZATION=header)
    body = assert_problem(response, 401)
    assert response["WWW-Authenticate"] == "Token"
    assert body["code"] in {"authenticationFailed", "notAuthenticated"}


def test_a_revoked_token_gets_401(world: World) -> None:
    token = _issue("alice")
    call_command("token", "alice", "--revoke", token[:8], stdout=io.StringIO())
    assert_problem(_get(token), 401)


def test_the_token_of_a_deactivated_person_gets_401(world: World) -> None:
    token = _issue("alice")
    world.alice.is_active = False
    world.alice.save()
    assert_problem(_get(token), 401)


def test_list_and_revoke_all(world: World) -> None:
    _issue("alice")
    _issue("alice")
    out = io.StringIO()
    call_command("token", "alice", "--revoke-all", stdout=out)
    assert "2" in out.getvalue()
    assert not ApiToken.objects.active().exists()
    out = io.StringIO()
    call_command("token", "alice", "--list", stdout=out)
    assert out.getvalue().count("revoked") == 2


def test_an_unknown_person_is_a_clear_error_with_exit_status_1(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["roer", "token", "nobody"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "nobody" in err and "Traceback" not in err


def test_no_token_for_a_deactivated_person(world: World) -> None:
    world.bob.is_active = False
    world.bob.save()
    with pytest.raises(CommandError):
        _issue("bob")
    assert not ApiToken.objects.exists()
