"""Query parameters (camelCase) for the audit trail."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter
from roer.audit.context import Source
from roer.audit.models import Action, AuditEvent


class AuditEventFilter(django_filters.FilterSet):
    objectType = django_filters.CharFilter(method="of_type", label=_("Kind of object, as `app.model`."))
    objectId = django_filters.CharFilter(field_name="object_id", label=_("Id of the object."))
    actor = IdFilter(field_name="actor_id", label=_("Id of the person who acted."))
    action = django_filters.ChoiceFilter(choices=Action.choices, label=_("What happened."))
    source = django_filters.ChoiceFilter(choices=Source.choices, label=_("Channel of the change."))
    occurredAfter = django_filters.IsoDateTimeFilter(
        field_name="occurred_at", lookup_expr="gte", label=_("From this moment on (ISO 8601, with time zone).")
    )
    occurredBefore = django_filters.IsoDateTimeFilter(
        field_name="occurred_at", lookup_expr="lt", label=_("Before this moment (ISO 8601, with time zone).")
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    def of_type(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        app_label, _dot, model = value.lower().partition(".")
        return queryset.filter(content_type__app_label=app_label, content_type__model=model)
