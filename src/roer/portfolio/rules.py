"""Who may see, register and change initiatives."""

from __future__ import annotations

from typing import Any

import rules

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability


def _path(initiative: Any) -> str | None:
    return initiative.org_unit.path if initiative is not None else None


@rules.predicate
def is_sponsor_or_manager(user: Any, initiative: Any = None) -> bool:
    if initiative is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (initiative.sponsor_id, initiative.manager_id)


@rules.predicate
def can_view_in_unit(user: Any, initiative: Any = None) -> bool:
    return has_capability(user, Capability.VIEW_PORTFOLIO, _path(initiative))


@rules.predicate
def can_add_somewhere(user: Any, _: Any = None) -> bool:
    return has_capability(user, Capability.ADD_INITIATIVE)


@rules.predicate
def can_change_in_unit(user: Any, initiative: Any = None) -> bool:
    return has_capability(user, Capability.CHANGE_INITIATIVE, _path(initiative))


rules.add_perm("portfolio.view_initiative", can_view_in_unit | is_sponsor_or_manager)
rules.add_perm("portfolio.add_initiative", can_add_somewhere)
rules.add_perm("portfolio.change_initiative", can_change_in_unit | is_sponsor_or_manager)


@rules.predicate
def can_view_cost_details_in_unit(user: Any, initiative: Any = None) -> bool:
    return has_capability(user, Capability.VIEW_COST_DETAILS, _path(initiative))


# Cost totals follow view_initiative; the lines per category need this as well.
rules.add_perm("portfolio.view_cost_details", can_view_cost_details_in_unit | is_sponsor_or_manager)
