"""Who sees which bodies, proposals, decisions and frameworks.

A body or framework set at a unit is visible to everyone in that unit, below it, and —
because a department's people are bound by the ministry's council and frameworks — to
the units below that look up to it. A proposal is visible in its own unit's scope and to
everyone who takes part in it: the body's members, chair, secretary and mandate holder,
the proposer, the advisers and the person it was escalated to.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from roer.organisation.access import is_unrestricted, scope_filter, scope_or_above_filter
from roer.organisation.roles import Capability

NOTHING = Q(pk__in=[])


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _body_people(user: Any, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}memberships__person": user})
        | Q(**{f"{prefix}chair": user})
        | Q(**{f"{prefix}secretary": user})
        | Q(**{f"{prefix}mandate_holder": user})
    )


def bodies_filter(user: Any) -> Q:
    if is_unrestricted(user):
        return Q()
    if not _signed_in(user):
        return NOTHING
    return scope_or_above_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path") | _body_people(user)


def proposals_filter(user: Any, prefix: str = "") -> Q:
    if is_unrestricted(user):
        return Q()
    if not _signed_in(user):
        return NOTHING
    return (
        scope_filter(user, Capability.VIEW_PORTFOLIO, f"{prefix}org_unit__path")
        | _body_people(user, f"{prefix}body__")
        | Q(**{f"{prefix}proposer": user})
        | Q(**{f"{prefix}advice__adviser": user})
        | Q(**{f"{prefix}escalated_to": user})
    )


def decisions_filter(user: Any) -> Q:
    return proposals_filter(user, "proposal__")


def frameworks_filter(user: Any) -> Q:
    if is_unrestricted(user):
        return Q()
    if not _signed_in(user):
        return NOTHING
    return scope_or_above_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path")
