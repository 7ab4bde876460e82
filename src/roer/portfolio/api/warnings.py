"""Early warnings over the API, read-only: what the rules found, in a sentence per warning."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.portfolio.api.parts import InitiativeCodeField, PartFilter, PartViewSet
from roer.portfolio.models import EarlyWarning
from roer.portfolio.warning_text import SEVERITY_LABELS, STORED_RULES, describe


class EarlyWarningSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = InitiativeCodeField()
    rule = serializers.ChoiceField(choices=list(STORED_RULES.items()), read_only=True, help_text=_("The rule."))
    severity = serializers.ChoiceField(
        choices=list(SEVERITY_LABELS.items()), read_only=True, help_text=_("How serious it is.")
    )
    message = serializers.SerializerMethodField(help_text=_("What the warning says, in the language asked for."))
    firstSeen = serializers.DateField(source="first_seen", read_only=True, help_text=_("When it was first found."))

    class Meta:
        model = EarlyWarning
        fields = ["id", "initiative", "rule", "severity", "message", "firstSeen"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_message(self, warning: EarlyWarning) -> str:
        return describe(warning.rule, warning.params)


class EarlyWarningFilter(PartFilter):
    rule = django_filters.ChoiceFilter(choices=list(STORED_RULES.items()), label=_("Rule."))
    severity = django_filters.ChoiceFilter(choices=list(SEVERITY_LABELS.items()), label=_("Severity."))

    class Meta:
        model = EarlyWarning
        fields: list[str] = []


class EarlyWarningViewSet(PartViewSet):
    """Early warnings of the initiatives you can see."""

    model = EarlyWarning
    serializer_class = EarlyWarningSerializer
    filterset_class = EarlyWarningFilter
