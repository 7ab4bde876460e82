"""Org units, people and role assignments as the API shows them: camelCase, no secrets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.api.fields import ScopedRelatedField
from roer.organisation.models import OrgUnit, Person, RoleAssignment


class OrgUnitSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = OrgUnit
        fields = ["id", "code", "name", "kind", "parent", "description"]
        read_only_fields = fields
        extra_kwargs = {"parent": {"help_text": _("Id of the unit above this one; empty for an organisation.")}}


class PersonSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    # Listed one by one: a person's password, permissions and log-in data never leave Roer.
    firstName = serializers.CharField(source="first_name", read_only=True)
    lastName = serializers.CharField(source="last_name", read_only=True)
    jobTitle = serializers.CharField(source="job_title", read_only=True)
    homeUnit = serializers.PrimaryKeyRelatedField(  # type: ignore[var-annotated]
        source="home_unit", read_only=True, allow_null=True, help_text=_("Id of the org unit this person works in.")
    )

    class Meta:
        model = Person
        fields = ["id", "username", "firstName", "lastName", "email", "jobTitle", "homeUnit"]
        read_only_fields = fields
        extra_kwargs = {"username": {"help_text": _("Log-in name.")}}


class RoleAssignmentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    person = ScopedRelatedField(queryset=Person.objects.all(), help_text=_("Id of the person who holds the role."))
    orgUnit = ScopedRelatedField(
        source="org_unit",
        queryset=OrgUnit.objects.all(),
        help_text=_("Id of the org unit; the role applies to it and every unit below it."),
    )
    validFrom = serializers.DateField(source="valid_from", help_text=_("First day the role applies."))
    validUntil = serializers.DateField(
        source="valid_until",
        required=False,
        allow_null=True,
        help_text=_("Last day the role applies; empty for no end date."),
    )

    class Meta:
        model = RoleAssignment
        fields = ["id", "person", "role", "orgUnit", "validFrom", "validUntil"]


class EndRoleAssignmentSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A role assignment changes in one way only: its last day. Anything else is a new assignment."""

    validUntil = serializers.DateField(source="valid_until", help_text=_("Last day the role applies."))
