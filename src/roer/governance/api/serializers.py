"""Governance as the API shows it (camelCase): bodies, proposals and their steps, decisions,
frameworks, compliance statements, the decision-rights matrix and meetings.

Every change goes through ``roer.governance.services``; these serializers only read and
check the shape of the input. Related objects are chosen among those the caller can see.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.governance.models import (
    AdvicePosition,
    AdviceRequest,
    AgendaItem,
    Body,
    ComplianceStatement,
    ConsensusRule,
    Decision,
    DecisionRight,
    DecisionType,
    Dissent,
    Framework,
    FrameworkVersion,
    Meeting,
    Membership,
    Outcome,
    Position,
    Proposal,
    Requirement,
    Responsibility,
    Scope,
    ScopeChange,
    SubjectKind,
    Vote,
)
from roer.governance.services.compliance import STATABLE
from roer.organisation.models import OrgUnit, Person
from roer.organisation.roles import Role
from roer.portfolio.models import Initiative

_VERSION = {"help_text": _("Goes up by one with every change; the ETag carries it too.")}


def _ref(**kwargs: Any) -> serializers.SlugRelatedField:  # type: ignore[type-arg]
    """A related proposal or decision by its reference (B-2026-0001, D-2026-0001)."""
    return serializers.SlugRelatedField(slug_field="reference", read_only=True, **kwargs)


class _VisibleSlugField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """A related object by a readable key, among those the caller can see."""

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        queryset: Any = super().get_queryset()
        return queryset.for_user(getattr(request, "user", None))


@extend_schema_field(OpenApiTypes.INT)
class _VisibleBodyField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return Body.objects.for_user(getattr(request, "user", None))


# --- bodies ---------------------------------------------------------------------------------------


class BodySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = ScopedRelatedField(
        source="org_unit",
        queryset=OrgUnit.objects.all(),
        help_text=_("Id of the org unit whose cross-cutting matters the body decides."),
    )
    chair = ScopedRelatedField(queryset=Person.objects.filter(is_active=True), help_text=_("Id of the chair."))
    secretary = ScopedRelatedField(
        queryset=Person.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text=_("Id of the secretary."),
    )
    mandateHolder = ScopedRelatedField(
        source="mandate_holder",
        queryset=Person.objects.filter(is_active=True),
        help_text=_("Id of the mandate holder, who decides when the members reach no consensus."),
    )
    consensusRule = serializers.ChoiceField(source="consensus_rule", choices=ConsensusRule.choices, required=False)

    class Meta:
        model = Body
        fields = [
            "id",
            "name",
            "kind",
            "orgUnit",
            "chair",
            "secretary",
            "mandateHolder",
            "quorum",
            "consensusRule",
            "cadence",
            "description",
            "version",
        ]
        read_only_fields = ["id", "version"]
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}
        # The service checks the name's uniqueness and says so at the field.
        validators: list[Any] = []

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        fields["name"].validators = [v for v in fields["name"].validators if not hasattr(v, "queryset")]
        return fields


class MembershipSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Membership
        fields = ["id", "body", "person", "capacity", "since", "until"]
        read_only_fields = fields


# --- proposals ------------------------------------------------------------------------------------


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


class AdviceSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    requestedAt = serializers.DateTimeField(source="requested_at", read_only=True)
    givenAt = serializers.DateTimeField(source="given_at", read_only=True)
    lapsedAt = serializers.DateTimeField(source="lapsed_at", read_only=True)

    class Meta:
        model = AdviceRequest
        fields = ["role", "state", "requestedAt", "due", "adviser", "position", "text", "givenAt", "lapsedAt"]
        read_only_fields = fields


class GiveAdviceSerializer(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.CharField(help_text=_("The consulted role you advise as, e.g. privacy_officer."))
    position = serializers.ChoiceField(choices=AdvicePosition.choices)
    text = serializers.CharField(allow_blank=True, help_text=_("What you advise, and why."))


class VoteSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    castAt = serializers.DateTimeField(source="cast_at", read_only=True)

    class Meta:
        model = Vote
        fields = ["member", "position", "reason", "castAt"]
        read_only_fields = fields


class CastVoteSerializer(serializers.Serializer):  # type: ignore[type-arg]
    position = serializers.ChoiceField(choices=Position.choices)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Required with an objection.")
    )


class WithdrawalSerializer(serializers.Serializer):  # type: ignore[type-arg]
    reason = serializers.CharField(allow_blank=True, help_text=_("Why the proposal is withdrawn."))


class ReclassificationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scope = serializers.ChoiceField(choices=Scope.choices, help_text=_("The new scope."))
    reason = serializers.CharField(allow_blank=True, help_text=_("Why the proposal is reclassified."))
    body = _VisibleBodyField(
        required=False, allow_null=True, help_text=_("Id of the council that decides a cross-cutting proposal.")
    )


class DecideSerializer(serializers.Serializer):  # type: ignore[type-arg]
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    rationale = serializers.CharField(allow_blank=True, help_text=_("Why; every decision states its rationale."))
    conditions = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Required when approved with conditions.")
    )
    validUntil = serializers.DateField(required=False, allow_null=True, help_text=_("For an exemption."))
    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True, help_text=_("Id of the meeting.")
    )

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        meeting: Any = fields["meeting"]
        meeting.queryset = Meeting.objects.filter(body__in=Body.objects.for_user(getattr(request, "user", None)))
        return fields


class CorrectionSerializer(DecideSerializer):
    """A correction is not taken at a meeting of its own."""

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        del fields["meeting"]
        return fields


# --- decisions ------------------------------------------------------------------------------------


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


# --- frameworks -----------------------------------------------------------------------------------


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


# --- the decision-rights matrix -------------------------------------------------------------------


class DecisionRightSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = DecisionRight
        fields = ["role", "responsibility"]
        read_only_fields = fields


class DecisionTypeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    label = serializers.CharField(read_only=True, help_text=_("The name in the language asked for."))  # type: ignore[assignment]
    adviceDays = serializers.IntegerField(source="advice_days", read_only=True)
    voteDays = serializers.IntegerField(source="vote_days", read_only=True)
    escalationDays = serializers.IntegerField(source="escalation_days", read_only=True)
    escalationRole = serializers.CharField(source="escalation_role", read_only=True)
    rights = DecisionRightSerializer(
        many=True,
        read_only=True,
        help_text=_("Per role: R (responsible), A (accountable), C (consulted), I (informed)."),
    )

    class Meta:
        model = DecisionType
        fields = [
            "code",
            "name",
            "label",
            "description",
            "adviceDays",
            "voteDays",
            "escalationDays",
            "escalationRole",
            "rights",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}


class RightInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.ChoiceField(choices=Role.choices)
    responsibility = serializers.ChoiceField(
        choices=Responsibility.choices, allow_blank=True, help_text=_("R, A, C or I; empty removes the letter.")
    )


class ChangeDecisionTypeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A change of the matrix: deadlines, escalation and letters; a role left out keeps its letter."""

    adviceDays = serializers.IntegerField(min_value=1, max_value=180, required=False)
    voteDays = serializers.IntegerField(min_value=1, max_value=180, required=False)
    escalationDays = serializers.IntegerField(min_value=1, max_value=180, required=False)
    escalationRole = serializers.ChoiceField(
        choices=[(Role.MANDATE_HOLDER.value, Role.MANDATE_HOLDER.label), (Role.CIO.value, Role.CIO.label)],
        required=False,
        help_text=_("Where a failed consensus goes; the role must be accountable (A)."),
    )
    rights = RightInputSerializer(many=True, required=False)


# --- meetings -------------------------------------------------------------------------------------


class AgendaItemSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    proposal = _ref()
    initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[var-annotated]
    complianceStatement = serializers.PrimaryKeyRelatedField(source="compliance_statement", read_only=True)  # type: ignore[var-annotated]

    class Meta:
        model = AgendaItem
        fields = ["position", "kind", "title", "proposal", "initiative", "complianceStatement"]
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    startsAt = serializers.DateTimeField(source="starts_at", read_only=True)
    agendaFixedAt = serializers.DateTimeField(source="agenda_fixed_at", read_only=True)
    items = AgendaItemSerializer(many=True, read_only=True, help_text=_("The agenda, in order."))
    decisions = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        many=True, slug_field="reference", read_only=True, help_text=_("References of the decisions taken.")
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "startsAt",
            "location",
            "state",
            "minutes",
            "agendaFixedAt",
            "items",
            "decisions",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs: dict[str, dict[str, Any]] = {"version": _VERSION}
