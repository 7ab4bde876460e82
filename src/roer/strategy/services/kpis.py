"""Creating and changing KPIs, and linking them to the goals they measure.

KPIs are lasting metrics: they are never deleted here, only unlinked from goals.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roer.organisation.models import OrgUnit
from roer.portfolio.services import StaleVersion
from roer.strategy.models import KPI, Contribution, Direction, Goal, GoalKpi
from roer.strategy.services.common import apply, pick, require, visible

KPI_FIELDS = (
    "org_unit",
    "name",
    "description",
    "unit_of_measure",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "source",
    "frequency",
)


def _refuse_in(org_unit: OrgUnit) -> str:
    return _("You may not manage KPIs in %(unit)s.") % {"unit": org_unit}


def _check(kpi: KPI) -> None:
    """What the model cannot say alone: a sensible target, and a name the import can find."""
    kpi.full_clean()
    errors: dict[str, str] = {}
    if kpi.target_date <= kpi.baseline_date:
        errors["target_date"] = _("The target date must be after the baseline date.")
    wrong_way = (kpi.direction == Direction.HIGHER and kpi.target_value < kpi.baseline_value) or (
        kpi.direction == Direction.LOWER and kpi.target_value > kpi.baseline_value
    )
    if wrong_way:
        errors["target_value"] = _("The target lies on the wrong side of the baseline for this direction.")
    # Imports find a KPI by its exact name, so names must not repeat within a unit.
    if KPI.objects.filter(org_unit_id=kpi.org_unit_id, name=kpi.name).exclude(pk=kpi.pk).exists():
        errors["name"] = _("There is already a KPI with this name in this org unit.")
    if errors:
        raise ValidationError(errors)


def create_kpi(user: Any, values: dict[str, Any]) -> KPI:
    """A new KPI; ``values["goals"]``, when given, are the goals it measures from the start."""
    org_unit: OrgUnit = values["org_unit"]
    require(user, "strategy.add_kpi", org_unit, _refuse_in(org_unit))
    kpi = KPI(**pick(values, KPI_FIELDS))
    _check(kpi)
    with transaction.atomic():
        kpi.save()
        for goal in values.get("goals") or ():
            link_kpi(user, kpi, goal)
    return kpi


def update_kpi(user: Any, kpi: KPI, values: dict[str, Any], expected_version: int) -> KPI:
    """Apply ``values`` if the stored version is still ``expected_version``; bump the version.

    ``values["goals"]``, when given, is the complete set of goals the KPI measures, as far
    as the person can see: links are added and removed to match, under the same version check.
    """
    with transaction.atomic():
        stored: KPI = KPI.objects.select_for_update().select_related("org_unit").get(pk=kpi.pk)
        require(user, "strategy.change_kpi", stored, _refuse_in(stored.org_unit))
        if stored.version != expected_version:
            raise StaleVersion(stored, expected_version)
        new_unit: OrgUnit | None = values.get("org_unit")
        if new_unit is not None and new_unit.pk != stored.org_unit_id:
            require(user, "strategy.add_kpi", new_unit, _refuse_in(new_unit))
        apply(stored, values, KPI_FIELDS)
        _check(stored)
        if "goals" in values:
            _set_goals(user, stored, values["goals"])
        stored.version += 1  # safe: the row is locked until the transaction ends
        stored.save()
    return stored


def _set_goals(user: Any, kpi: KPI, goals: Iterable[Goal]) -> None:
    """Match the links to ``goals``; links to goals the person cannot see are theirs to keep."""
    wanted = {goal.pk: goal for goal in goals}
    links = GoalKpi.objects.filter(kpi=kpi, goal__in=Goal.objects.for_user(user)).select_related("goal__org_unit")
    current = {link.goal_id: link.goal for link in links}
    for goal_id, goal in current.items():
        if goal_id not in wanted:
            unlink_kpi(user, kpi, goal)
    for goal_id, goal in wanted.items():
        if goal_id not in current:
            link_kpi(user, kpi, goal)


def link_kpi(user: Any, kpi: KPI, goal: Goal) -> GoalKpi:
    """Let ``kpi`` measure ``goal``. Whoever manages the goal may pick any KPI they can see."""
    require(user, "strategy.change_goal", goal, _("You may not change the goal %(goal)s.") % {"goal": goal})
    if not visible(KPI.objects, user, kpi):
        raise ValidationError({"kpi": _("There is no such KPI in your scope.")})
    with transaction.atomic():
        if GoalKpi.objects.filter(goal=goal, kpi=kpi).exists():
            raise ValidationError({"kpi": _("This KPI already measures this goal.")})
        link = GoalKpi(goal=goal, kpi=kpi)
        link.save()
    return link


def unlink_kpi(user: Any, kpi: KPI, goal: Goal) -> None:
    """Stop ``kpi`` measuring ``goal``; refused while contributions expect an effect through this pair."""
    require(user, "strategy.change_goal", goal, _("You may not change the goal %(goal)s.") % {"goal": goal})
    with transaction.atomic():
        link = GoalKpi.objects.select_for_update().filter(goal=goal, kpi=kpi).first()
        if link is None:
            raise ValidationError({"kpi": _("This KPI does not measure this goal.")})
        using = Contribution.objects.filter(goal=goal, kpi=kpi).count()
        if using:
            raise ValidationError(
                {
                    "kpi": ngettext(
                        "%(count)d contribution expects an effect on this KPI for this goal; change it first.",
                        "%(count)d contributions expect an effect on this KPI for this goal; change them first.",
                        using,
                    )
                    % {"count": using}
                }
            )
        link.delete()
