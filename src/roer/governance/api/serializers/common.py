"""What the governance serializers share: references by slug, visibility-limited choices, the version."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.governance.models import (
    Body,
)

_VERSION = {"help_text": _("Goes up by one with every change; the ETag carries it too.")}


def _ref(**kwargs: Any) -> serializers.SlugRelatedField:  # type: ignore[type-arg]
    """A related proposal or decision by its reference (B-2026-0001, D-2026-0001)."""
    return serializers.SlugRelatedField(slug_field="reference", read_only=True, **kwargs)


class _VisibleSlugField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """A related object by a readable key, among those the caller can see."""

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        queryset: Any = super().get_queryset()
        return queryset.for_user(getattr(request, "user", None))


@extend_schema_field(OpenApiTypes.INT)
class _VisibleBodyField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return Body.objects.for_user(getattr(request, "user", None))
