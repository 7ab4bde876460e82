"""A scenario's links between candidates, read-only here (they are changed on the scenario's page):
dependencies, and groups funded at most one of them (exclusive) or all or none (together)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.planning.models.links import GroupKind, ScenarioGroup, ScenarioLink


class ScenarioDependencySerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    before = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        slug_field="code", read_only=True, help_text=_("Code of the initiative that must be finished first.")
    )
    after = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        slug_field="code", read_only=True, help_text=_("Code of the initiative that starts after it.")
    )

    class Meta:
        model = ScenarioLink
        fields = ["id", "before", "after"]
        read_only_fields = fields


class ScenarioGroupSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=GroupKind.choices, read_only=True)
    members = serializers.SerializerMethodField(help_text=_("Codes of the initiatives in the group."))

    class Meta:
        model = ScenarioGroup
        fields = ["id", "kind", "name", "members"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_members(self, group: ScenarioGroup) -> list[str]:
        return [member.initiative.code for member in group.members.all()]
