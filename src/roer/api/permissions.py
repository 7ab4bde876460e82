"""Permission checks for the API, built on the same ``rules`` permissions as the pages.

Which objects exist for a user is decided by the view's ``for_user`` queryset, so an
object outside the user's scope is answered with 404. What the user may do is
decided here, and a refusal is a 403:

- ``action_perms``: checked before any object is looked up, without an object
  (``audit.view_auditevent`` for the audit list: auditors only);
- ``object_perms``: checked with the object (``portfolio.change_initiative``).
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class ScopedPermission(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        perm = getattr(view, "action_perms", {}).get(view.action)
        return perm is None or bool(request.user.has_perm(perm))

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        perm = getattr(view, "object_perms", {}).get(view.action)
        return perm is None or bool(request.user.has_perm(perm, obj))
