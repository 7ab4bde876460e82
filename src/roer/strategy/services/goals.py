"""Creating, changing and deleting goals; one transaction each, refused when based on a stale version."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roer.organisation.models import OrgUnit, Person
from roer.portfolio.services import StaleVersion
from roer.strategy.models import Goal, GoalLevel
from roer.strategy.models.goal import PARENT_LEVEL
from roer.strategy.services.common import apply, pick, require, visible

GOAL_FIELDS = (
    "org_unit",
    "parent",
    "level",
    "title",
    "description",
    "owner",
    "horizon_start",
    "horizon_end",
)


def _refuse_in(org_unit: OrgUnit) -> str:
    return _("You may not manage goals in %(unit)s.") % {"unit": org_unit}


def _check_owner(user: Any, owner: Person | None) -> None:
    if not visible(Person.objects, user, owner):
        raise ValidationError({"owner": _("There is no such person in your scope.")})


def create_goal(user: Any, values: dict[str, Any]) -> Goal:
    org_unit: OrgUnit = values["org_unit"]
    require(user, "strategy.add_goal", org_unit, _refuse_in(org_unit))
    _check_owner(user, values.get("owner"))
    goal = Goal(**pick(values, GOAL_FIELDS))
    goal.full_clean()
    with transaction.atomic():
        goal.save()
    return goal


def _check_children(goal: Goal) -> None:
    """A goal with sub-goals keeps its level, and its unit stays at or above theirs."""
    children = list(goal.children.select_related("org_unit"))
    if not children:
        return
    errors: dict[str, str] = {}
    if any(PARENT_LEVEL.get(GoalLevel(child.level)) != goal.level for child in children):
        errors["level"] = _("This goal has sub-goals, whose level depends on its level. Move them first.")
    outside = [child for child in children if not child.org_unit.path.startswith(goal.org_unit.path)]
    if outside:
        errors["org_unit"] = _("Sub-goals of this goal belong to units outside %(unit)s: %(goals)s.") % {
            "unit": goal.org_unit,
            "goals": ", ".join(str(child) for child in outside),
        }
    if errors:
        raise ValidationError(errors)


def update_goal(user: Any, goal: Goal, values: dict[str, Any], expected_version: int) -> Goal:
    """Apply ``values`` if the stored version is still ``expected_version``; bump the version."""
    with transaction.atomic():
        stored: Goal = Goal.objects.select_for_update().select_related("org_unit").get(pk=goal.pk)
        require(user, "strategy.change_goal", stored, _refuse_in(stored.org_unit))
        if stored.version != expected_version:
            raise StaleVersion(stored, expected_version)
        new_unit: OrgUnit | None = values.get("org_unit")
        if new_unit is not None and new_unit.pk != stored.org_unit_id:
            require(user, "strategy.add_goal", new_unit, _refuse_in(new_unit))
        if "owner" in values and getattr(values["owner"], "pk", None) != stored.owner_id:
            _check_owner(user, values["owner"])
        apply(stored, values, GOAL_FIELDS)
        stored.full_clean()
        _check_children(stored)
        stored.version += 1  # safe: the row is locked until the transaction ends
        stored.save()
    return stored


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else _("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}


def delete_goal(user: Any, goal: Goal) -> None:
    """Delete a goal that nothing depends on; its KPI links go with it (the KPIs stay)."""
    with transaction.atomic():
        stored: Goal = Goal.objects.select_for_update().select_related("org_unit").get(pk=goal.pk)
        require(user, "strategy.delete_goal", stored, _refuse_in(stored.org_unit))
        children, contributions = stored.children.count(), stored.contributions.count()
        parts = []
        if children:
            parts.append(ngettext("%(count)d sub-goal", "%(count)d sub-goals", children) % {"count": children})
        if contributions:
            parts.append(
                ngettext("%(count)d contribution", "%(count)d contributions", contributions) % {"count": contributions}
            )
        if parts:
            raise ValidationError(
                _("This goal cannot be deleted. First move or delete what depends on it: %(what)s.")
                % {"what": _and(parts)}
            )
        stored.delete()
