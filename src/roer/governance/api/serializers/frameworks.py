"""Frameworks with their versions and requirements, and compliance statements."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.governance.api.serializers.common import _VERSION, _ref, _VisibleSlugField
from roer.governance.models import (
    ComplianceStatement,
    Framework,
    FrameworkVersion,
    Requirement,
)
from roer.governance.services.compliance import STATABLE
from roer.portfolio.models import Initiative


class RequirementSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Requirement
        fields = ["code", "statement"]
        read_only_fields = fields


class FrameworkVersionSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    effectiveOn = serializers.DateField(source="effective_on", read_only=True)
    decision = _ref(help_text=_("Reference of the decision that set this version; empty for a draft."))
    requirements = RequirementSerializer(many=True, read_only=True)

    class Meta:
        model = FrameworkVersion
        fields = ["id", "number", "summary", "effectiveOn", "decision", "requirements"]
        read_only_fields = fields


class FrameworkSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.PrimaryKeyRelatedField(source="org_unit", read_only=True)  # type: ignore[var-annotated]
    versions = FrameworkVersionSerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["code", "title", "orgUnit", "description", "versions", "version"]
        read_only_fields = fields
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}


class ComplianceStatementSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[var-annotated]
    framework = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[var-annotated]
    frameworkVersion = serializers.PrimaryKeyRelatedField(source="framework_version", read_only=True)  # type: ignore[var-annotated]
    exemptionUntil = serializers.DateField(source="exemption_until", read_only=True)
    decision = _ref(help_text=_("Reference of the decision on the exemption."))
    statedBy = serializers.PrimaryKeyRelatedField(source="stated_by", read_only=True)  # type: ignore[var-annotated]
    statedAt = serializers.DateTimeField(source="stated_at", read_only=True)

    class Meta:
        model = ComplianceStatement
        fields = [
            "id",
            "initiative",
            "framework",
            "frameworkVersion",
            "state",
            "explanation",
            "exemptionUntil",
            "decision",
            "statedBy",
            "statedAt",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}


class NewComplianceStatementSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Comply or explain: an exemption request is submitted as a proposal at once."""

    initiative = _VisibleSlugField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative that states.")
    )
    framework = _VisibleSlugField(
        slug_field="code", queryset=Framework.objects.all(), help_text=_("Code of the framework it states on.")
    )
    state = serializers.ChoiceField(choices=[(choice.value, choice.label) for choice in STATABLE])
    explanation = serializers.CharField(
        allow_blank=True, help_text=_("How the initiative complies, or why it cannot yet and what it does instead.")
    )
    exemptionUntil = serializers.DateField(
        required=False, allow_null=True, help_text=_("With an exemption request: until when it is needed.")
    )


class ChangeComplianceStatementSerializer(NewComplianceStatementSerializer):
    """A statement stays with its initiative and framework."""

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        del fields["initiative"], fields["framework"]
        return fields
