"""Query sets that know what a user may see: ``Model.objects.for_user(user)``."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import UserManager
from django.db import models
from django.db.models import Q

from roer.organisation.access import is_unrestricted, scope_filter
from roer.organisation.roles import Capability


class OrgUnitQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> OrgUnitQuerySet:
        return self.filter(scope_filter(user, Capability.VIEW_PORTFOLIO, "path"))


class PersonQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> PersonQuerySet:
        """People who work in, or hold a role in, a unit the user can see; and the user."""
        if is_unrestricted(user):
            return self.all()
        if not getattr(user, "is_authenticated", False):
            return self.none()
        in_scope = scope_filter(user, Capability.VIEW_PORTFOLIO, "home_unit__path") | scope_filter(
            user, Capability.VIEW_PORTFOLIO, "role_assignments__org_unit__path"
        )
        ids = self.model.objects.filter(in_scope).values("pk")
        return self.filter(Q(pk__in=ids) | Q(pk=user.pk))


class PersonManager(UserManager.from_queryset(PersonQuerySet)):  # type: ignore[misc]
    pass


class RoleAssignmentQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def active_on(self, day: datetime.date) -> RoleAssignmentQuerySet:
        return self.filter(valid_from__lte=day).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))

    def for_user(self, user: Any) -> RoleAssignmentQuerySet:
        if is_unrestricted(user):
            return self.all()  # an empty scope Q OR-ed with another would silently narrow it
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path") | Q(person_id=user.pk))
