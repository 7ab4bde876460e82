"""Shared pieces for writing the records below an initiative over the API.

A write goes through the same service as the page, so the same permissions and checks
apply; a service's ``ValidationError`` names model fields, which become the API's
names here, so ``invalidParams`` names what the caller sent.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.models import Initiative


def api_names(serializer: serializers.Serializer) -> dict[str, str]:  # type: ignore[type-arg]
    """Model field name → API field name, from the serializer's ``source`` attributes."""
    return {str(field.source): name for name, field in serializer.fields.items() if field.source != "*"}


def invalid(error: DjangoValidationError, names: dict[str, str]) -> ValidationError:
    """A service's refusal as a 400 whose ``invalidParams`` use the API's field names."""
    if not hasattr(error, "error_dict"):
        return ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})
    detail: dict[str, list[str]] = {}
    for field, messages in error.message_dict.items():
        name = names.get(field, api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field)
        detail.setdefault(name, []).extend(messages)
    return ValidationError(detail)


def changes_initiatives_somewhere(user: Any) -> bool:
    """Whoever may change some initiative: a role with the capability, or a sponsor or manager."""
    if has_capability(user, Capability.CHANGE_INITIATIVE):
        return True
    return bool(Initiative.objects.filter(Q(sponsor=user) | Q(manager=user)).exists())
