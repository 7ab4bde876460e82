"""The steps of a proposal as request bodies and records: advice, votes, withdrawal, reclassification, decisions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.governance.api.serializers.common import _VisibleBodyField
from roer.governance.models import (
    AdvicePosition,
    AdviceRequest,
    Body,
    Meeting,
    Outcome,
    Position,
    Scope,
    Vote,
)


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
