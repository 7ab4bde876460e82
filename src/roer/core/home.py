"""What the home page shows a signed-in person: their scope, its initiatives by phase, and what awaits them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from roer.organisation.access import active_roles
from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.rules import can_change_in_unit


@dataclass
class PhaseCount:
    phase: str
    label: str
    count: int


def phase_counts(initiatives: Any) -> list[PhaseCount]:
    counts = dict(initiatives.values_list("phase").annotate(n=Count("pk")).values_list("phase", "n"))
    return [PhaseCount(value, str(label), counts.get(value, 0)) for value, label in Phase.choices]


def scope_units(user: Any) -> list[tuple[str, OrgUnit]]:
    """(role label, unit) for each active role of the user, outermost units first."""
    roles = active_roles(user)
    paths = {path for _, path in roles}
    units = {unit.path: unit for unit in OrgUnit.objects.filter(path__in=paths)}
    from roer.organisation.roles import Role

    return sorted(
        ((str(Role(role).label), units[path]) for role, path in roles if path in units),
        key=lambda pair: (pair[1].path, pair[0]),
    )


def awaiting(user: Any, initiatives: Any) -> dict[str, Any]:
    """Work waiting for this person: their own initiatives, and gaps they may fix."""
    mine = initiatives.filter(Q(sponsor=user) | Q(manager=user)).select_related("org_unit").order_by("code")
    gaps = initiatives.exclude(phase__in=[Phase.CLOSED, Phase.STOPPED]).filter(
        Q(problem_statement="") | Q(manager__isnull=True) | Q(sponsor__isnull=True)
    )
    fixable = [i for i in gaps.select_related("org_unit")[:50] if can_change_in_unit(user, i)][:10]
    return {
        "mine": list(mine[:20]),
        "mine_count": mine.count(),
        "gaps": [(initiative, missing_parts(initiative)) for initiative in fixable],
    }


def missing_parts(initiative: Initiative) -> str:
    parts = []
    if not initiative.problem_statement:
        parts.append(_("no problem statement"))
    if not initiative.manager_id:
        parts.append(_("no manager"))
    if not initiative.sponsor_id:
        parts.append(_("no sponsor"))
    return ", ".join(str(part) for part in parts)


def home_context(user: Any) -> dict[str, Any]:
    initiatives = Initiative.objects.for_user(user)
    return {
        "roles": scope_units(user),
        "phases": phase_counts(initiatives),
        "total": initiatives.count(),
        **awaiting(user, initiatives),
    }
