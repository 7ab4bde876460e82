"""Bodies, their members, and their meetings with agenda items."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.governance.api.serializers.common import _VERSION, _ref
from roer.governance.models import (
    AgendaItem,
    Body,
    ConsensusRule,
    Meeting,
    Membership,
)
from roer.organisation.models import OrgUnit, Person


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
    # Explicit bounds: derived from the model, the maximum would be the database's small-integer range,
    # and the OpenAPI document would differ between SQLite and PostgreSQL.
    quorum = serializers.IntegerField(
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("How many voting members must state a position (agree, object or abstain) for a valid vote."),
    )

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
