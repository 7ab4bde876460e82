"""Scores of initiatives with their breakdown per criterion, as on the scoring pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from roer.planning.scoring import CRITERIA, Part
from roer.planning.scoring.services import LABELS


def _points(help_text: Any) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=5, decimal_places=2, coerce_to_string=True, help_text=help_text)


class ScorePartSerializer(serializers.Serializer):  # type: ignore[type-arg]
    # Only describes the output (to_representation builds it); `source` clashes with Field.source in the stubs.
    criterion = serializers.ChoiceField(choices=[(criterion.value, LABELS[criterion]) for criterion in CRITERIA])
    enabled = serializers.BooleanField(help_text=_("Whether the organisation scores on this criterion."))
    weight = serializers.IntegerField(min_value=0, max_value=100, help_text=_("The weight; 0 when it is off."))
    share = serializers.DecimalField(
        max_digits=5, decimal_places=4, coerce_to_string=True, help_text=_("The weight as a share of all weights.")
    )
    raw = serializers.CharField(
        allow_null=True,
        help_text=_(
            "The measured fact: points of the contributions, days to the end date, the risk rating, or the cost "
            "estimate in euro (only for those who may see cost details); empty without data."
        ),
    )
    source = serializers.CharField(help_text=_("Where the fact comes from, e.g. `forecast` or `cio`."))  # type: ignore[assignment]
    missing = serializers.BooleanField(help_text=_("No data: the criterion counts half, or nothing."))
    normalised = serializers.DecimalField(
        max_digits=5, decimal_places=4, coerce_to_string=True, help_text=_("The fact on a scale from 0 to 1.")
    )
    points = _points(_("Points towards the score."))

    def to_representation(self, part: Part) -> dict[str, Any]:
        hide_cost = part.criterion.value == "cost" and not self.context.get("cost_details", False)
        return {
            "criterion": part.criterion.value,
            "enabled": part.enabled,
            "weight": part.weight,
            "share": str(part.share),
            "raw": None if part.raw is None or hide_cost else str(part.raw),
            "source": part.source,
            "missing": part.missing,
            "normalised": str(part.normalised),
            "points": str(part.points),
        }


class ScoreSerializer(serializers.Serializer):  # type: ignore[type-arg]
    initiative = serializers.CharField(help_text=_("Code of the initiative."))
    name = serializers.CharField()
    value = _points(_("The score, 0–100: the initiative's value as a scenario candidate."))
    parts = ScorePartSerializer(many=True, help_text=_("Per criterion, in a fixed order."))
