"""Who may change goals, KPIs, measurements and contributions.

Seeing them is decided by the ``for_user`` query sets (which include the goals and
KPIs of the units above a person's scope); these predicates decide who may change.
Each takes the object, or an org unit where a new one would be made, or nothing for
"anywhere".
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import Q

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability


def _path_of(obj: Any) -> str | None:
    # Goals, KPIs, measurements and org units all say where they belong.
    return obj.audit_scope_path() if obj is not None else None


@rules.predicate
def can_manage_strategy(user: Any, obj: Any = None) -> bool:
    return has_capability(user, Capability.MANAGE_STRATEGY, _path_of(obj))


@rules.predicate
def can_record_measurements(user: Any, obj: Any = None) -> bool:
    return has_capability(user, Capability.RECORD_MEASUREMENTS, _path_of(obj))


@rules.predicate
def can_change_its_initiative(user: Any, obj: Any = None) -> bool:
    """A contribution is part of its initiative: whoever may change the initiative may change it.

    Without an object: whether there is any initiative the person may change, including
    the ones they sponsor or manage without a role that changes initiatives.
    """
    from roer.portfolio.models import Initiative
    from roer.strategy.models import Contribution

    if obj is None:
        if has_capability(user, Capability.CHANGE_INITIATIVE):
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        return Initiative.objects.filter(Q(sponsor=user) | Q(manager=user)).exists()
    initiative = obj.initiative if isinstance(obj, Contribution) else obj
    return bool(user.has_perm("portfolio.change_initiative", initiative))


rules.add_perm("strategy.add_goal", can_manage_strategy)
rules.add_perm("strategy.change_goal", can_manage_strategy)
rules.add_perm("strategy.delete_goal", can_manage_strategy)
rules.add_perm("strategy.add_kpi", can_manage_strategy)
rules.add_perm("strategy.change_kpi", can_manage_strategy)
rules.add_perm("strategy.record_measurement", can_record_measurements | can_manage_strategy)
rules.add_perm("strategy.add_contribution", can_change_its_initiative)
rules.add_perm("strategy.change_contribution", can_change_its_initiative)
