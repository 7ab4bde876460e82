"""The ``roer`` entry point: Django's commands work, and mistakes read as messages, not stack traces."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def roer(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "roer.conf.test", **(env or {})}
    return subprocess.run(  # noqa: S603  (our own interpreter and module)
        [sys.executable, "-m", "roer.cli", *args],
        env=environment,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_django_commands_are_available() -> None:
    result = roer("help")
    assert result.returncode == 0
    for command in ("migrate", "shell", "serve", "demo", "config-docs"):
        assert command in result.stdout


def test_bad_choice_exits_non_zero_with_a_message() -> None:
    result = roer("demo", "--size", "huge")
    assert result.returncode != 0
    assert "invalid choice: 'huge'" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_environment_variable_is_one_line() -> None:
    result = roer("check", env={"DEBUG": "maybe"})
    assert result.returncode == 2
    assert "Environment variable DEBUG" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_secrets_is_refused_plainly() -> None:
    env = {"DJANGO_SETTINGS_MODULE": "roer.conf.production", "SECRET_KEY": "", "DATABASE_URL": ""}
    result = roer("check", env=env)
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_unmigrated_database_gets_advice(tmp_path: Path) -> None:
    result = roer("demo", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    assert result.returncode == 1
    assert "roer migrate" in result.stderr
    assert "Traceback" not in result.stderr
