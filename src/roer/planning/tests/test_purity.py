"""The planning package stays pure Python: Django only in the app config and the command wrapper."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ALLOWED = {PACKAGE / "apps.py"}


def test_no_django_import_outside_the_wrappers() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in ALLOWED or "management" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            if any(n == "django" or n.startswith("django.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
