"""Solve runs: read-only; a run is queued through its scenario (``POST /planning/scenarios/{id}/runs``)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import mixins, viewsets

from roer.planning.api.filters import SolveRunFilter
from roer.planning.api.serializers import SolveRunSerializer
from roer.planning.models.scenarios import Scenario, SolveRun


class SolveRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """Solve runs of the scenarios you can see, newest first: state (queued, running, done, failed),
    progress, and once done the plan and the efficient frontier (value against budget from 60 % to
    140 %); a failed run says why. `?scenario=` lists one scenario's runs.

    Runs are derived records: they are not changed or deleted (PUT, PATCH and DELETE answer 405).
    """

    serializer_class = SolveRunSerializer
    filterset_class = SolveRunFilter

    def get_queryset(self) -> QuerySet[SolveRun]:
        scenarios = Scenario.objects.for_user(self.request.user)
        return SolveRun.objects.filter(scenario__in=scenarios).select_related("proposal")
