"""The pure parts of planning stay pure Python: the optimiser, the scoring core and the CLI.

The planning app also has Django parts (models, views, services, migrations, the command
wrapper); they live outside the pure modules listed here.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
# Django is allowed in these modules of the otherwise pure packages.
DJANGO_ALLOWED = {PACKAGE / "scoring" / "services.py"}


def _pure_modules() -> list[Path]:
    modules = [PACKAGE / "cli.py", PACKAGE / "__init__.py"]
    for package in ("optimiser", "scoring"):
        modules += sorted((PACKAGE / package).rglob("*.py"))
    return [path for path in modules if path not in DJANGO_ALLOWED]


def test_the_pure_packages_are_covered() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in _pure_modules()}
    assert {"optimiser/solve.py", "scoring/criteria.py", "scoring/score.py"} <= names


def test_no_django_import_in_the_pure_modules() -> None:
    offenders = []
    for path in _pure_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            if any(n == "django" or n.startswith("django.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
