"""Decision types with their R/A/C/I letters per role: the decision-rights matrix."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.governance.api.serializers.common import _VERSION
from roer.governance.models import (
    DecisionRight,
    DecisionType,
    Responsibility,
)
from roer.organisation.roles import Role


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
