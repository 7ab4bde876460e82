"""The audit trail in the Django admin: read-only for everyone, superusers included."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from roer.audit.models import AuditEvent

_FIELDS = (
    "occurred_at",
    "actor_label",
    "source",
    "request_id",
    "action",
    "content_type",
    "object_id",
    "object_repr",
    "changed_fields",
    "before_pretty",
    "after_pretty",
)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["occurred_at", "actor_label", "source", "action", "content_type", "object_repr"]
    list_filter = ["source", "action", "content_type"]
    search_fields = ["object_repr", "object_id", "actor_label", "request_id"]
    date_hierarchy = "occurred_at"
    list_select_related = ["content_type"]
    fields = _FIELDS
    readonly_fields = _FIELDS

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        return super().get_queryset(request).for_user(request.user)  # type: ignore[attr-defined,no-any-return]

    # An audit trail that can be edited is no audit trail.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("before"))
    def before_pretty(self, event: AuditEvent) -> SafeString:
        return _pretty(event.before)

    @admin.display(description=_("after"))
    def after_pretty(self, event: AuditEvent) -> SafeString:
        return _pretty(event.after)


def _pretty(value: Any) -> SafeString:
    if value is None:
        return format_html("{}", "—")
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))
