"""Scores of the initiatives you can see, with their breakdown: read-only, as the scoring pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from roer.planning.api.filters import ScoreFilter
from roer.planning.api.serializers import ScoreSerializer
from roer.planning.scoring import rank
from roer.planning.scoring.score import ScoreBreakdown
from roer.planning.scoring.services import scores_for
from roer.portfolio.models import Initiative


class ScoreViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    """The score (0–100) of each initiative you can see, best first, with its parts per criterion
    (strategic contribution, legal obligation, risk, urgency, cost) under the weights of its
    organisation. Closed and stopped initiatives only with `finished=true`. The score is a
    scenario candidate's value. The cost estimate is shown only to those who may see cost details.
    """

    serializer_class = ScoreSerializer
    filterset_class = ScoreFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_-]+"

    def get_queryset(self) -> QuerySet[Initiative]:
        return Initiative.objects.for_user(self.request.user).select_related("org_unit").order_by("code")

    def filter_queryset(self, queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
        # The filters choose the list; a single score is found whatever its phase, as on its page.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def _shown(self, initiatives: list[Initiative], scores: dict[int, ScoreBreakdown]) -> list[dict[str, Any]]:
        user = self.request.user
        return [
            ScoreSerializer(
                {"initiative": i.code, "name": i.name, "value": scores[i.pk].value, "parts": scores[i.pk].parts},
                context={
                    **self.get_serializer_context(),
                    "cost_details": user.has_perm("portfolio.view_cost_details", i),
                },
            ).data
            for i in initiatives
        ]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        scores = scores_for(queryset)
        codes = dict(queryset.values_list("pk", "code"))
        page = self.paginate_queryset(rank(scores, codes))
        assert page is not None, "lists are always paged"
        initiatives = queryset.in_bulk(page)
        return self.get_paginated_response(self._shown([initiatives[pk] for pk in page], scores))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        initiative = self.get_object()
        return Response(self._shown([initiative], scores_for([initiative]))[0])
