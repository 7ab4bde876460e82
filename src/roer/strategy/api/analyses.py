"""The goal–effort analyses over the API, read-only: money per goal and the orphan lists.

Each is a paginated list computed by ``roer.strategy.analyses`` / ``money`` for the
caller, so the API answers exactly what the orphans and goal pages show.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, viewsets

from roer.api.filters import IdFilter
from roer.portfolio.models import Initiative
from roer.strategy.analyses import orphans
from roer.strategy.api.filters import _in_unit
from roer.strategy.models import KPI, Contribution, Goal
from roer.strategy.money import Money, money_per_goal, roll_up


def _money(help_text: Any, source: str | None = None) -> serializers.DecimalField:
    if source is None:
        return serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text=help_text)
    return serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text=help_text, source=source)


class UnitFilter(django_filters.FilterSet):
    orgUnit = IdFilter(method="in_unit", label=_("Id of an org unit: only it and the units below it."))

    def in_unit(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return _in_unit(queryset, value, "org_unit__path")


class _ReadOnlyList(mixins.ListModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    filterset_class = UnitFilter


class GoalSpendingSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.IntegerField(source="org_unit_id", read_only=True)
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)  # type: ignore[assignment]
    planned = _money(_("Planned money flowing to this goal and the goals below it."), "money.planned")
    spent = _money(_("Money spent on this goal and the goals below it."), "money.spent")

    class Meta:
        model = Goal
        fields = ["id", "title", "level", "orgUnit", "parent", "planned", "spent"]


class GoalSpendingViewSet(_ReadOnlyList):
    """Planned and spent money per goal, each initiative's money split over its goals by
    contribution weight and rolled up to the goals above. Only your initiatives' money counts."""

    serializer_class = GoalSpendingSerializer

    def get_queryset(self) -> QuerySet[Goal]:
        return Goal.objects.for_user(self.request.user).order_by("org_unit__path", "level", "title")

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        goals = list(page if page is not None else queryset)
        # Roll-up needs every goal above those on this page: all visible goals are few.
        every_goal = list(Goal.objects.for_user(self.request.user).only("pk", "parent_id"))
        totals = roll_up(every_goal, money_per_goal(Contribution.objects.for_user(self.request.user)))
        zero = Money(Decimal(0), Decimal(0))
        for goal in goals:
            goal.money = totals.get(goal.pk, zero)
        return goals


class OrphanInitiativeSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.IntegerField(source="org_unit_id", read_only=True)
    planned = _money(_("All planned money of the initiative."))
    spent = _money(_("All money spent on the initiative."))

    class Meta:
        model = Initiative
        fields = ["code", "name", "orgUnit", "phase", "mandatory", "planned", "spent"]


class OrphanInitiativeViewSet(_ReadOnlyList):
    """Running initiatives (not closed or stopped) that serve no goal, with their money, largest first.
    Mandatory ones are listed too, flagged: the law requires them, but they still serve no goal."""

    serializer_class = OrphanInitiativeSerializer

    def get_queryset(self) -> QuerySet[Initiative]:
        return orphans(self.request.user).initiatives


class OrphanGoalSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.IntegerField(source="org_unit_id", read_only=True)

    class Meta:
        model = Goal
        fields = ["id", "title", "level", "orgUnit"]


class OrphanGoalViewSet(_ReadOnlyList):
    """Goals that no initiative serves, neither directly nor through a goal below them."""

    serializer_class = OrphanGoalSerializer

    def get_queryset(self) -> QuerySet[Goal]:
        return orphans(self.request.user).goals


class OrphanKpiSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    orgUnit = serializers.IntegerField(source="org_unit_id", read_only=True)

    class Meta:
        model = KPI
        fields = ["id", "name", "orgUnit", "frequency"]


class OrphanKpiViewSet(_ReadOnlyList):
    """KPIs that no contribution names: no initiative says it moves them."""

    serializer_class = OrphanKpiSerializer

    def get_queryset(self) -> QuerySet[KPI]:
        return orphans(self.request.user).kpis


class StaleKpiSerializer(OrphanKpiSerializer):
    lastMeasured = serializers.DateField(
        source="last_measured", read_only=True, help_text=_("Date of the last measurement, or the baseline date.")
    )

    class Meta(OrphanKpiSerializer.Meta):
        fields = [*OrphanKpiSerializer.Meta.fields, "lastMeasured"]


class StaleKpiViewSet(_ReadOnlyList):
    """KPIs without a measurement for longer than their measurement frequency, oldest first."""

    serializer_class = StaleKpiSerializer

    def get_queryset(self) -> QuerySet[KPI]:
        return orphans(self.request.user).stale_kpis
