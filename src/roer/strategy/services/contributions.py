"""How initiatives contribute to goals: adding, changing and removing contributions.

A contribution is part of its initiative, so whoever may change the initiative may
change its contributions. The initiative's row is locked while they change, so the
intake rule (an initiative past the idea phase keeps a contribution) cannot be
broken by two removals at once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.portfolio.models import Initiative
from roer.portfolio.services import needs_a_contribution
from roer.strategy.models import KPI, Contribution, Goal
from roer.strategy.services.common import apply, require, visible

CONTRIBUTION_FIELDS = (
    "goal",
    "kpi",
    "expected_change",
    "expected_by",
    "effect_from",
    "confidence",
    "weight",
    "rationale",
)


def _refuse(initiative: Initiative) -> str:
    return _("You may not change the contributions of %(initiative)s.") % {"initiative": initiative.code}


def _lock(initiative: Initiative) -> Initiative:
    locked: Initiative = Initiative.objects.select_for_update().select_related("org_unit").get(pk=initiative.pk)
    return locked


def _check(user: Any, contribution: Contribution) -> None:
    errors: dict[str, str] = {}
    # Goals and KPIs above the person's scope are visible, so organisation-wide goals can be served.
    if contribution.goal_id and not visible(Goal.objects, user, contribution.goal):
        errors["goal"] = _("There is no such goal in your scope.")
    if contribution.kpi_id and not visible(KPI.objects, user, contribution.kpi):
        errors["kpi"] = _("There is no such KPI in your scope.")
    weight = contribution.weight
    if isinstance(weight, Decimal) and weight <= 0:
        errors["weight"] = _("The weight must be more than zero.")
    if errors:
        raise ValidationError(errors)
    # The constraint treats "no KPI" as a value too (nulls not distinct).
    duplicate = Contribution.objects.filter(
        initiative_id=contribution.initiative_id, goal_id=contribution.goal_id, kpi__isnull=contribution.kpi_id is None
    ).exclude(pk=contribution.pk)
    if contribution.kpi_id is not None:
        duplicate = duplicate.filter(kpi_id=contribution.kpi_id)
    if duplicate.exists():
        field = "kpi" if contribution.kpi_id else "goal"
        raise ValidationError({field: _("This initiative already has this contribution; change that one instead.")})
    contribution.full_clean(validate_constraints=False)


def add_contribution(user: Any, initiative: Initiative, values: dict[str, Any]) -> Contribution:
    with transaction.atomic():
        locked = _lock(initiative)
        require(user, "strategy.add_contribution", locked, _refuse(locked))
        contribution = Contribution(initiative=locked)
        apply(contribution, values, CONTRIBUTION_FIELDS)
        _check(user, contribution)
        contribution.save()
    return contribution


def update_contribution(user: Any, contribution: Contribution, values: dict[str, Any]) -> Contribution:
    """Change what a contribution expects; it stays with its initiative."""
    with transaction.atomic():
        locked = _lock(contribution.initiative)
        require(user, "strategy.change_contribution", locked, _refuse(locked))
        stored: Contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        stored.initiative = locked
        apply(stored, values, CONTRIBUTION_FIELDS)
        _check(user, stored)
        stored.save()
    return stored


def delete_contribution(user: Any, contribution: Contribution) -> None:
    with transaction.atomic():
        locked = _lock(contribution.initiative)
        require(user, "strategy.change_contribution", locked, _refuse(locked))
        stored: Contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if needs_a_contribution(locked) and locked.contributions.count() == 1:
            raise ValidationError(
                _(
                    "This is the only contribution of an initiative past the idea phase. Add another "
                    "contribution first, or mark the initiative mandatory by law with its legal basis."
                )
            )
        stored.initiative = locked
        stored.delete()
