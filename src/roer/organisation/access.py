"""Who may do what, where: one place that turns role assignments into scopes.

A role applies to its org unit and every unit below it, during its period.
Query sets (``for_user``) and the ``rules`` predicates both build on this module,
so pages, exports and the API share one answer.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import timezone

from roer.organisation.roles import Capability, Role, roles_with

if TYPE_CHECKING:
    from roer.organisation.models import Person

_CACHE_ATTR = "_roer_active_roles"


def active_roles(user: Any) -> list[tuple[Role, str]]:
    """(role, scope path) for each of the user's assignments valid today; cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached: list[tuple[Role, str]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        from roer.organisation.models import RoleAssignment

        today = timezone.localdate()
        cached = [
            (Role(role), path)
            for role, path in RoleAssignment.objects.filter(person_id=user.pk)
            .active_on(today)
            .values_list("role", "org_unit__path")
        ]
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_cached_roles(user: Any) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def scope_paths(user: Any, capability: Capability) -> list[str]:
    """Paths of the units where ``user`` has ``capability``, without paths nested in another."""
    allowed = roles_with(capability)
    paths = sorted({path for role, path in active_roles(user) if role in allowed})
    outermost: list[str] = []
    for path in paths:
        if not any(path.startswith(outer) for outer in outermost):
            outermost.append(path)
    return outermost


def is_unrestricted(user: Any) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def scope_filter(user: Any, capability: Capability, path_field: str) -> Q:
    """A ``Q`` that keeps rows whose org-unit path lies in the user's scope for ``capability``.

    Nothing matches when the user has no such scope: ``Q(pk__in=[])``.
    """
    if is_unrestricted(user):
        return Q()
    paths = scope_paths(user, capability)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{path_field}__startswith": path}) for path in paths))


def has_capability(user: Any, capability: Capability, path: str | None = None) -> bool:
    """True when ``user`` has ``capability`` in the unit with ``path``, or anywhere when ``path`` is None."""
    if is_unrestricted(user):
        return True
    paths = scope_paths(user, capability)
    if path is None:
        return bool(paths)
    return any(path.startswith(scope) for scope in paths)


def home_units_filter(user: Person) -> Q:
    return scope_filter(user, Capability.VIEW_PORTFOLIO, "home_unit__path")


def ancestor_paths(path: str) -> list[str]:
    """``/1/3/7/`` → ``['/1/', '/1/3/']``: the units above a unit."""
    parts = [part for part in path.strip("/").split("/") if part]
    return ["/" + "/".join(parts[:depth]) + "/" for depth in range(1, len(parts))]


def scope_or_above_filter(user: Any, capability: Capability, path_field: str) -> Q:
    """Rows in the user's scope, and rows of the units above it.

    Organisation-wide goals and KPIs sit on a unit above a department; a department's
    people must still see them, or their work would look like it serves no goal.
    """
    if is_unrestricted(user):
        return Q()
    paths = scope_paths(user, capability)
    above = sorted({ancestor for path in paths for ancestor in ancestor_paths(path)})
    inside = scope_filter(user, capability, path_field)
    return inside | Q(**{f"{path_field}__in": above}) if above else inside
