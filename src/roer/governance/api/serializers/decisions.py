"""Decisions with the dissent recorded when they were taken."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.governance.api.serializers.common import _ref
from roer.governance.models import (
    Decision,
    Dissent,
)


class DissentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Dissent
        fields = ["member", "position", "reason"]
        read_only_fields = fields


class DecisionSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    proposal = _ref(help_text=_("Reference of the proposal decided."))
    decidedBy = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        source="decided_by", read_only=True, help_text=_("Empty for a consensus: the council decided together.")
    )
    decidedAt = serializers.DateTimeField(source="decided_at", read_only=True)
    supersedes = _ref(help_text=_("Reference of the decision this one corrects."))
    supersededBy = serializers.SerializerMethodField(help_text=_("Reference of the decision that corrects this one."))
    inForce = serializers.SerializerMethodField(help_text=_("False once a correction superseded it."))
    validUntil = serializers.DateField(source="valid_until", read_only=True)
    adviceSummary = serializers.CharField(source="advice_summary", read_only=True)
    dissent = DissentSerializer(many=True, read_only=True, help_text=_("Every objection and abstention."))

    class Meta:
        model = Decision
        fields = [
            "reference",
            "proposal",
            "outcome",
            "basis",
            "rationale",
            "conditions",
            "decidedBy",
            "body",
            "decidedAt",
            "meeting",
            "supersedes",
            "supersededBy",
            "inForce",
            "validUntil",
            "adviceSummary",
            "dissent",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_supersededBy(self, decision: Decision) -> str | None:  # noqa: N802 (DRF names it after the field)
        successor = getattr(decision, "superseded_by", None)
        return successor.reference if successor is not None else None

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_inForce(self, decision: Decision) -> bool:  # noqa: N802
        return getattr(decision, "superseded_by", None) is None
