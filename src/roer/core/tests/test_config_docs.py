"""The configuration reference in the docs is generated, and cannot drift from the code."""

from __future__ import annotations

import importlib
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from roer.conf.environment import DECLARATIONS

config_docs = importlib.import_module("roer.core.management.commands.config-docs")

REFERENCE = Path(settings.PROJECT_DIR) / "docs" / "configuration.md"
CONF_DIR = Path(settings.PACKAGE_DIR) / "conf"


def test_committed_reference_is_up_to_date() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == config_docs.reference(), (
        "docs/configuration.md is out of date: run `make docs` (roer config-docs) and commit the result."
    )


def test_every_declared_variable_is_in_the_reference() -> None:
    """A variable declared in a settings module that base does not import would be missing from the docs."""
    pattern = re.compile(r"""config\(\s*["']([A-Z][A-Z0-9_]*)["']""")
    names = {name for path in CONF_DIR.rglob("*.py") for name in pattern.findall(path.read_text(encoding="utf-8"))}
    config_docs.reference()
    assert names, "no declarations found: has the declaration helper been renamed?"
    assert names <= set(DECLARATIONS), f"declared outside base's imports: {sorted(names - set(DECLARATIONS))}"


def test_check_reports_drift_and_writing_fixes_it(tmp_path: Path) -> None:
    target = tmp_path / "configuration.md"
    target.write_text("# stale\n", encoding="utf-8")

    with pytest.raises(CommandError, match="out of date"):
        call_command("config-docs", "--check", "--output", str(target), stdout=StringIO())
    call_command("config-docs", "--output", str(target), stdout=StringIO())
    call_command("config-docs", "--check", "--output", str(target), stdout=StringIO())

    assert target.read_text(encoding="utf-8") == config_docs.reference()
