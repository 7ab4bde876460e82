"""Solve runs: their state and progress, the plan, the efficient frontier and the error."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from roer.planning.models.scenarios import RunState, SolveRun, StopRequest
from roer.planning.services.texts import progress_line

MIN_TIME_LIMIT = 5
MAX_TIME_LIMIT = 600


class FrontierPointSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """One budget level of the efficient frontier."""

    factor = serializers.FloatField(help_text=_("The budget level as a share of the scenario's budget (1.0 = 100 %)."))
    budget = serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=True, help_text=_("Total budget at this level (euro).")
    )
    bound = serializers.FloatField(
        allow_null=True, help_text=_("Upper bound on the value (LP relaxation); empty when it was not found.")
    )
    objective = serializers.FloatField(
        allow_null=True, help_text=_("Value of a quick plan at this level; empty when none is feasible.")
    )
    funded = serializers.IntegerField(help_text=_("Number of initiatives that quick plan funds."))
    status = serializers.CharField(help_text=_("The optimiser's status of that plan."))


@extend_schema_field({"type": "object", "additionalProperties": True})
class PlanField(serializers.JSONField):
    """The plan exactly as the optimiser wrote it."""


class StopRequestSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    requestedBy = serializers.PrimaryKeyRelatedField(source="requested_by", read_only=True)  # type: ignore[var-annotated]
    requestedAt = serializers.DateTimeField(source="requested_at", read_only=True)

    class Meta:
        model = StopRequest
        fields = ["requestedBy", "requestedAt"]
        read_only_fields = fields


class SolveRunSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    scenario = serializers.PrimaryKeyRelatedField(read_only=True)  # type: ignore[var-annotated]
    requestedBy = serializers.PrimaryKeyRelatedField(source="requested_by", read_only=True)  # type: ignore[var-annotated]
    state = serializers.ChoiceField(choices=RunState.choices, read_only=True)
    timeLimit = serializers.IntegerField(
        source="time_limit",
        min_value=MIN_TIME_LIMIT,
        max_value=MAX_TIME_LIMIT,
        read_only=True,
        help_text=_("Seconds the worker may search."),
    )
    progressPercent = serializers.IntegerField(
        source="progress_percent", min_value=0, max_value=100, read_only=True, help_text=_("Progress, 0–100.")
    )
    progress = serializers.SerializerMethodField(help_text=_("What the worker is doing, in the language asked for."))
    plan = PlanField(
        source="plan_json",
        read_only=True,
        allow_null=True,
        help_text=_(
            "The optimiser's plan: status, objective, the funded initiatives with their start quarter, and what "
            "was left out and why; empty until the worker has a plan."
        ),
    )
    frontier = FrontierPointSerializer(many=True, read_only=True)
    error = serializers.CharField(read_only=True, help_text=_("Why the run failed; empty otherwise."))
    skipped = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        read_only=True,
        help_text=_("Initiatives that could not be candidates: code, name and reason."),
    )
    queuedAt = serializers.DateTimeField(source="created_at", read_only=True)
    startedAt = serializers.DateTimeField(source="started_at", read_only=True, allow_null=True)
    finishedAt = serializers.DateTimeField(source="finished_at", read_only=True, allow_null=True)
    stopRequest = StopRequestSerializer(
        source="stop_request",
        read_only=True,
        allow_null=True,
        help_text=_("Who asked to stop the run, and when; empty when nobody did."),
    )
    proposal = serializers.SlugRelatedField(  # type: ignore[var-annotated]
        slug_field="reference",
        read_only=True,
        allow_null=True,
        help_text=_("Reference of the proposal to apply this plan, once made."),
    )

    class Meta:
        model = SolveRun
        fields = [
            "id",
            "scenario",
            "requestedBy",
            "state",
            "timeLimit",
            "progressPercent",
            "progress",
            "plan",
            "frontier",
            "error",
            "skipped",
            "queuedAt",
            "startedAt",
            "finishedAt",
            "stopRequest",
            "proposal",
        ]
        read_only_fields = fields

    def get_progress(self, run: SolveRun) -> str:
        # Stored in English with its numbers apart; shown in the caller's language, like the run page.
        return progress_line(run.progress_text) if run.progress_text else ""


class QueueRunSerializer(serializers.Serializer):  # type: ignore[type-arg]
    timeLimit = serializers.IntegerField(
        min_value=MIN_TIME_LIMIT,
        max_value=MAX_TIME_LIMIT,
        required=False,
        default=30,
        help_text=_(
            "Seconds the worker may search; it returns the best plan found by then, and traces the frontier "
            "in the last quarter."
        ),
    )
