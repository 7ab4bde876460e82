"""The OpenAPI document as committed in ``docs/api/openapi.json``.

Generated the same way everywhere: in English, with the declared default
contact (not this machine's environment), pretty-printed with sorted keys, so
that a test can tell when the code and the committed file disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test.utils import override_settings
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

from roer.conf.environment import DECLARATIONS

REGENERATE = "make openapi  (or: .venv/bin/roer openapi)"


def committed_path() -> Path:
    return Path(settings.PROJECT_DIR) / "docs" / "api" / "openapi.json"


def _declared_contact() -> dict[str, Any]:
    return {key: DECLARATIONS[f"ROER_API_CONTACT_{key.upper()}"].default for key in ("name", "email", "url")}


def generate() -> dict[str, Any]:
    with translation.override("en"), override_settings(ROER_API_CONTACT=_declared_contact()):
        generator = SchemaGenerator()  # type: ignore[no-untyped-call]
        document: dict[str, Any] = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    return document


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
