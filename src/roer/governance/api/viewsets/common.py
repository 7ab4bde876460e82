"""What the governance viewsets share: read-only lists, error field names, the created decision."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.governance.api.serializers import (
    DecisionSerializer,
)
from roer.governance.models import (
    Decision,
)

_REFERENCE = "[A-Za-z0-9-]+"


class _ReadOnlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """List and read."""


def _renamed(error: DjangoValidationError, names: dict[str, str]) -> Exception:
    """A service's field error under the name the API's input uses."""
    if not hasattr(error, "error_dict"):
        return error
    renamed: dict[str, list[str]] = {}
    for key, messages in error.message_dict.items():
        renamed.setdefault(names.get(key, key), []).extend(messages)
    return ValidationError(renamed)


def _decision_created(view: Any, decision: Decision) -> Response:
    fresh = Decision.objects.select_related("proposal", "supersedes").get(pk=decision.pk)
    response = Response(DecisionSerializer(fresh).data, status=status.HTTP_201_CREATED)
    response["Location"] = reverse(
        "api-governance-decision-detail", kwargs={"reference": fresh.reference}, request=view.request
    )
    return response
