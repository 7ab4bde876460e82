"""The audit trail over the API: read-only, for auditors, about the units they audit."""

from __future__ import annotations

from typing import ClassVar

from django.db.models import QuerySet
from rest_framework import viewsets

from roer.audit.api.filters import AuditEventFilter
from roer.audit.api.serializers import AuditEventSerializer
from roer.audit.models import AuditEvent

VIEW = "audit.view_auditevent"


class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Every create, change and delete, with who, when, through which channel, and the values before and after."""

    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilter
    action_perms: ClassVar[dict[str, str]] = {"list": VIEW, "retrieve": VIEW}

    def get_queryset(self) -> QuerySet[AuditEvent]:
        return AuditEvent.objects.for_user(self.request.user).select_related("content_type")
