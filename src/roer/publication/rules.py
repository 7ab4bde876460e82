"""Who may publish: a portfolio manager or CIO whose scope holds the initiative's unit."""

from __future__ import annotations

from typing import Any

from roer.organisation.access import active_roles, is_unrestricted
from roer.organisation.roles import Role
from roer.portfolio.models import Initiative

PUBLISHERS = frozenset({Role.CIO, Role.PORTFOLIO_MANAGER})


def may_publish(user: Any, initiative: Initiative) -> bool:
    if is_unrestricted(user):
        return True
    path = initiative.org_unit.path
    return any(role in PUBLISHERS and path.startswith(scope) for role, scope in active_roles(user))
