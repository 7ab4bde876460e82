"""Serializer fields shared by the API's resources."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    """A related object by id, chosen among those the requesting user may see.

    An id outside the user's scope gets the same answer as one that does not
    exist, so the API never confirms that it does.
    """

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        queryset: Any = super().get_queryset()
        return queryset.for_user(getattr(request, "user", None))  # type: ignore[no-any-return]
