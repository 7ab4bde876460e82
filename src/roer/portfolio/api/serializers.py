"""Initiatives as the API shows them (camelCase). Changes go through ``portfolio.services``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.organisation.models import OrgUnit, Person
from roer.portfolio.models import Initiative


class InitiativeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = ScopedRelatedField(
        source="org_unit", queryset=OrgUnit.objects.all(), help_text=_("Id of the org unit that owns the initiative.")
    )
    sponsor = ScopedRelatedField(
        queryset=Person.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text=_("Id of the sponsor (person); empty when not yet known."),
    )
    manager = ScopedRelatedField(
        queryset=Person.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text=_("Id of the project manager (person); empty when not yet known."),
    )
    problemStatement = serializers.CharField(
        source="problem_statement",
        required=False,
        allow_blank=True,
        help_text=_("What is this initiative the solution for?"),
    )
    legalBasis = serializers.CharField(
        source="legal_basis",
        required=False,
        allow_blank=True,
        help_text=_("The law or regulation that makes this initiative mandatory."),
    )
    createdAt = serializers.DateTimeField(source="created_at", read_only=True, help_text=_("When it was registered."))
    updatedAt = serializers.DateTimeField(source="updated_at", read_only=True, help_text=_("When it last changed."))

    class Meta:
        model = Initiative
        fields = [
            "code",
            "name",
            "orgUnit",
            "sponsor",
            "manager",
            "phase",
            "problemStatement",
            "description",
            "mandatory",
            "legalBasis",
            "version",
            "createdAt",
            "updatedAt",
        ]
        read_only_fields = ["code", "version"]
        extra_kwargs: dict[str, dict[str, Any]] = {
            "version": {"help_text": _("Goes up by one with every change; the ETag carries it too.")},
            "mandatory": {"help_text": _("Required by a law or regulation, whatever its goals.")},
        }


class NewInitiativeSerializer(InitiativeSerializer):
    """On registration the code may be chosen; it never changes afterwards."""

    class Meta(InitiativeSerializer.Meta):
        read_only_fields = ["version"]
        extra_kwargs: dict[str, dict[str, Any]] = {
            **InitiativeSerializer.Meta.extra_kwargs,
            "code": {
                "required": False,
                "help_text": _(
                    "Stable identifier in capitals, e.g. MINBZ-0042. Leave out to have the next free code assigned."
                ),
            },
        }
