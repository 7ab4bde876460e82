"""Who may read the history of one object — the one place that decides it.

``audit.view_history`` on an object holds for someone who

* may view the object itself (its own ``<app>.view_<model>`` permission) **and**
  is an auditor of the unit it belongs to; or
* is a functional administrator of that unit: they manage it, so they must be
  able to see what changed there (and who changed it).

A plain viewer, CIO or sponsor sees the object but not its history. Pages that
show an object's history (org units, people, initiatives) check this permission;
the global audit page uses ``audit.view_auditevent`` and ``AuditEvent.objects.for_user``.
"""

from __future__ import annotations

from typing import Any

import rules

from roer.organisation.rules import can_manage_organisation, can_view_audit


@rules.predicate
def is_an_object(user: Any, obj: Any = None) -> bool:
    # Without an object the other predicates answer "anywhere"; a history always has an object.
    return obj is not None


@rules.predicate
def may_view_object(user: Any, obj: Any = None) -> bool:
    meta = obj._meta
    return bool(rules.has_perm(f"{meta.app_label}.view_{meta.model_name}", user, obj))


can_view_history = is_an_object & ((may_view_object & can_view_audit) | can_manage_organisation)

rules.add_perm("audit.view_history", can_view_history)
