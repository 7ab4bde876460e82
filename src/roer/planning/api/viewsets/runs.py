"""Solve runs: read, and stop; a run is queued through its scenario (``POST /planning/scenarios/{id}/runs``)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from roer.planning.api.filters import SolveRunFilter
from roer.planning.api.serializers import SolveRunSerializer
from roer.planning.models.scenarios import Scenario, SolveRun
from roer.planning.services.runs import request_stop


class SolveRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """Solve runs of the scenarios you can see, newest first: state (queued, running, done, failed),
    progress, and once done the plan and the efficient frontier (value against budget from 60 % to
    140 %); a failed run says why. `?scenario=` lists one scenario's runs.

    Those who may change the scenario ask to stop a queued or running run (`stop-requests`). Runs
    are derived records: they are not changed or deleted (PUT, PATCH and DELETE answer 405).
    """

    serializer_class = SolveRunSerializer
    filterset_class = SolveRunFilter

    def get_queryset(self) -> QuerySet[SolveRun]:
        scenarios = Scenario.objects.for_user(self.request.user)
        return SolveRun.objects.filter(scenario__in=scenarios).select_related("proposal", "stop_request")

    @extend_schema(request=None, responses={201: SolveRunSerializer})
    @action(detail=True, methods=["post"], url_path="stop-requests")
    def stop_requests(self, request: Request, pk: str) -> Response:
        """Ask to stop the run, as on its page: a queued run ends at once as `stopped`, without a plan; a
        running one ends `done` within about a second with the best plan so far, skipping the rest of the
        frontier. Asking again, or once the run has finished, changes nothing. For those who may change
        the scenario."""
        run = request_stop(request.user, self.get_object())
        fresh = self.get_queryset().get(pk=run.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
