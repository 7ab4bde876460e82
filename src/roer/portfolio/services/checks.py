"""Who may record gate reviews, baselines, status reports and ratings on an initiative.

One place for the checks the health services share: the person must see the initiative
and hold the capability in its unit (a role applies to its unit and every unit below).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.models import Initiative


def sees(user: Any, initiative: Initiative) -> bool:
    return bool(Initiative.objects.for_user(user).filter(pk=initiative.pk).exists())


def may(user: Any, capability: Capability, initiative: Initiative) -> bool:
    return has_capability(user, capability, initiative.org_unit.path)


def may_report(user: Any, initiative: Initiative) -> bool:
    """The project's own status report: the portfolio office, or the initiative's sponsor or manager."""
    return may(user, Capability.REVIEW_GATES, initiative) or bool(
        user.has_perm("portfolio.change_initiative", initiative)
    )


def require(user: Any, capability: Capability, initiative: Initiative) -> None:
    if not sees(user, initiative) or not may(user, capability, initiative):
        raise PermissionDenied(_("You may not record this for %(code)s.") % {"code": initiative.code})


def require_reporter(user: Any, initiative: Initiative) -> None:
    if not sees(user, initiative) or not may_report(user, initiative):
        raise PermissionDenied(_("You may not record this for %(code)s.") % {"code": initiative.code})
