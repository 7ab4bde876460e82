"""Proposals and their reclassifications."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.governance.api.serializers.common import _VERSION, _VisibleBodyField, _VisibleSlugField
from roer.governance.models import (
    ComplianceStatement,
    DecisionType,
    Framework,
    FrameworkVersion,
    Proposal,
    ScopeChange,
    SubjectKind,
)
from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative


class ScopeChangeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    fromScope = serializers.CharField(source="from_scope", read_only=True)
    toScope = serializers.CharField(source="to_scope", read_only=True)
    changedBy = serializers.PrimaryKeyRelatedField(source="changed_by", read_only=True)  # type: ignore[var-annotated]
    changedAt = serializers.DateTimeField(source="changed_at", read_only=True)

    class Meta:
        model = ScopeChange
        fields = ["fromScope", "toScope", "reason", "changedBy", "changedAt"]
        read_only_fields = fields


class ProposalSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    subjectKind = serializers.ChoiceField(source="subject_kind", choices=SubjectKind.choices)
    initiative = _VisibleSlugField(
        slug_field="code",
        queryset=Initiative.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Code of the initiative the proposal is about."),
    )
    frameworkVersion = serializers.PrimaryKeyRelatedField(
        source="framework_version",
        queryset=FrameworkVersion.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Id of the framework version to be set (a framework proposal)."),
    )
    complianceStatement = serializers.PrimaryKeyRelatedField(
        source="compliance_statement",
        queryset=ComplianceStatement.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Id of the compliance statement whose exemption is asked (an exemption proposal)."),
    )
    policyTopic = serializers.CharField(source="policy_topic", required=False, allow_blank=True, max_length=200)
    subjectReference = serializers.CharField(
        source="subject_reference", required=False, allow_blank=True, max_length=100
    )
    budgetChange = serializers.DecimalField(
        source="budget_change", max_digits=14, decimal_places=2, required=False, allow_null=True
    )
    decisionType = serializers.SlugRelatedField(
        source="decision_type",
        slug_field="code",
        queryset=DecisionType.objects.all(),
        help_text=_("Code of the decision type; its rights decide who proposes, advises and decides."),
    )
    orgUnit = ScopedRelatedField(
        source="org_unit",
        queryset=OrgUnit.objects.all(),
        required=False,
        help_text=_("Id of the org unit the proposal belongs to; the initiative's unit when left out."),
    )
    scopeReason = serializers.CharField(
        source="scope_reason", help_text=_("Why the proposal is local or cross-cutting.")
    )
    body = _VisibleBodyField(
        required=False, allow_null=True, help_text=_("Id of the council that decides a cross-cutting proposal.")
    )
    involvesPersonalData = serializers.BooleanField(
        source="involves_personal_data", required=False, help_text=_("Then the privacy officer must advise.")
    )
    createdAt = serializers.DateTimeField(source="created_at", read_only=True)
    submittedAt = serializers.DateTimeField(source="submitted_at", read_only=True)
    adviceDue = serializers.DateTimeField(source="advice_due", read_only=True)
    voteDue = serializers.DateTimeField(source="vote_due", read_only=True)
    escalatedAt = serializers.DateTimeField(source="escalated_at", read_only=True)
    escalatedTo = serializers.PrimaryKeyRelatedField(source="escalated_to", read_only=True)  # type: ignore[var-annotated]
    decisionDue = serializers.DateTimeField(source="decision_due", read_only=True)
    withdrawalReason = serializers.CharField(source="withdrawal_reason", read_only=True)
    scopeChanges = ScopeChangeSerializer(source="scope_changes", many=True, read_only=True)
    decisions = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        many=True,
        slug_field="reference",
        read_only=True,
        help_text=_("References of the decisions taken on it, the first one first (then its corrections)."),
    )

    class Meta:
        model = Proposal
        fields = [
            "reference",
            "title",
            "summary",
            "subjectKind",
            "initiative",
            "gate",
            "frameworkVersion",
            "complianceStatement",
            "policyTopic",
            "subjectReference",
            "budgetChange",
            "decisionType",
            "orgUnit",
            "proposer",
            "scope",
            "scopeReason",
            "body",
            "involvesPersonalData",
            "state",
            "createdAt",
            "submittedAt",
            "adviceDue",
            "voteDue",
            "escalatedAt",
            "escalatedTo",
            "decisionDue",
            "withdrawalReason",
            "scopeChanges",
            "decisions",
            "version",
        ]
        read_only_fields = ["reference", "proposer", "state", "version"]
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION, "gate": {"required": False}}

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        version: Any = fields["frameworkVersion"]
        version.queryset = FrameworkVersion.objects.filter(framework__in=Framework.objects.for_user(user))
        statement: Any = fields["complianceStatement"]
        statement.queryset = ComplianceStatement.objects.filter(initiative__in=Initiative.objects.for_user(user))
        return fields


class ChangeProposalSerializer(ProposalSerializer):
    """A draft's scope changes through ``scope-changes``, not through an edit."""

    class Meta(ProposalSerializer.Meta):
        read_only_fields = ["reference", "proposer", "state", "version", "scope"]
