"""Audit events as the API shows them.

Snapshot keys are the audited model's field names; they are camelCased here so
that the whole response follows one naming convention.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.api.problems import camel_case
from roer.audit.models import AuditEvent

_SNAPSHOT_SCHEMA = {"type": "object", "additionalProperties": {}, "nullable": True}


@extend_schema_field(_SNAPSHOT_SCHEMA)
class SnapshotField(serializers.Field):  # type: ignore[type-arg]
    def to_representation(self, value: dict[str, Any]) -> dict[str, Any]:
        return {camel_case(key): item for key, item in value.items()}


class AuditEventSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    occurredAt = serializers.DateTimeField(source="occurred_at", read_only=True)
    actor = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        read_only=True,
        allow_null=True,
        help_text=_("Id of the person who acted; empty for the system or a removed person."),
    )
    actorLabel = serializers.CharField(
        source="actor_label", read_only=True, help_text=_("Who acted, as recorded at the time.")
    )
    objectType = serializers.SerializerMethodField(
        help_text=_("Kind of object, as `app.model`, e.g. `portfolio.initiative`.")
    )
    objectId = serializers.CharField(source="object_id", read_only=True)
    objectRepr = serializers.CharField(source="object_repr", read_only=True, help_text=_("The object, as shown then."))
    before = SnapshotField(read_only=True, help_text=_("Stored values before the change; empty on create."))
    after = SnapshotField(read_only=True, help_text=_("Stored values after the change; empty on delete."))
    changedFields = serializers.SerializerMethodField(help_text=_("Names of the fields that changed."))

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "occurredAt",
            "actor",
            "actorLabel",
            "source",
            "action",
            "objectType",
            "objectId",
            "objectRepr",
            "before",
            "after",
            "changedFields",
        ]
        read_only_fields = fields

    def get_objectType(self, event: AuditEvent) -> str:  # noqa: N802  (named after the field)
        return f"{event.content_type.app_label}.{event.content_type.model}"

    def get_changedFields(self, event: AuditEvent) -> list[str]:  # noqa: N802
        return [camel_case(name) for name in event.changed_fields]
