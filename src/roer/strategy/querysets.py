"""What a person may see of goals, KPIs, measurements and contributions.

Goals and KPIs of the units *above* a person's scope are visible too: an
organisation-wide goal must show up in a department's views.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from roer.organisation.access import is_unrestricted, scope_or_above_filter
from roer.organisation.roles import Capability


class GoalQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> GoalQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_or_above_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path"))


class KpiQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> KpiQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_or_above_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path"))


class MeasurementQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> MeasurementQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_or_above_filter(user, Capability.VIEW_PORTFOLIO, "kpi__org_unit__path"))


class ContributionQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> ContributionQuerySet:
        """Contributions of the initiatives the person can see."""
        from roer.portfolio.models import Initiative

        if is_unrestricted(user):
            return self.all()
        return self.filter(initiative__in=Initiative.objects.for_user(user).values("pk"))
