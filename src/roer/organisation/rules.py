"""Permission predicates for the ``rules`` package, built on ``access``.

Object-level checks take the object; its ``audit_scope_path()`` gives its place in the tree.
"""

from __future__ import annotations

from typing import Any

import rules

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability


def _path_of(obj: Any) -> str | None:
    return obj.audit_scope_path() if obj is not None else None


@rules.predicate
def can_view_portfolio(user: Any, obj: Any = None) -> bool:
    return has_capability(user, Capability.VIEW_PORTFOLIO, _path_of(obj))


@rules.predicate
def can_view_audit(user: Any, obj: Any = None) -> bool:
    return has_capability(user, Capability.VIEW_AUDIT, _path_of(obj))


@rules.predicate
def can_manage_organisation(user: Any, obj: Any = None) -> bool:
    return has_capability(user, Capability.MANAGE_ORGANISATION, _path_of(obj))


@rules.predicate
def is_self(user: Any, person: Any = None) -> bool:
    return person is not None and getattr(user, "pk", None) == person.pk


rules.add_perm("organisation.view_orgunit", can_view_portfolio)
rules.add_perm("organisation.view_person", can_view_portfolio | is_self)
rules.add_perm("organisation.view_roleassignment", can_view_portfolio)
rules.add_perm("organisation.manage", can_manage_organisation)
rules.add_perm("audit.view_auditevent", can_view_audit)
