"""Editing the decision-rights matrix: a decision type's deadlines and escalation route, and its RACI letters.

The matrix binds every unit of the installation, so only MANAGE_GOVERNANCE held at every
root unit (the organisation itself: its CIO, mandate holder or functional administrator)
edits it. Where several organisations share one installation, that is only the
installation's administrator: no organisation rewrites the rights of another. The rules:

- a decision type has at least one accountable role — without one nobody could decide it;
- a role has at most one letter per type (the matrix is a map role → letter);
- the escalation role is itself accountable, or an escalated proposal could never be decided
  (``rights.may_decide_by_mandate`` requires the accountable letter).

Every change is audited through the registration of DecisionType and DecisionRight, and a
save based on an older version of the type is refused (``StaleVersion``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.governance.models import DecisionRight, DecisionType, Responsibility
from roer.governance.services.versioning import StaleVersion, locked
from roer.organisation.access import active_roles, is_unrestricted
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability, Role, roles_with

__all__ = ["SETTING_FIELDS", "StaleVersion", "edit_decision_type", "may_edit_matrix"]

SETTING_FIELDS = ("advice_days", "vote_days", "escalation_days", "escalation_role")


def may_edit_matrix(user: Any) -> bool:
    """MANAGE_GOVERNANCE held at every root unit (paths of one step, such as ``/1/``)."""
    if is_unrestricted(user):
        return True
    allowed = roles_with(Capability.MANAGE_GOVERNANCE)
    held = {path for role, path in active_roles(user) if role in allowed and path.strip("/").count("/") == 0}
    roots = set(OrgUnit.objects.filter(parent__isnull=True).values_list("path", flat=True))
    return bool(held) and roots <= held


def _check(settings: dict[str, Any], letters: dict[str, str]) -> None:
    errors: dict[str, list[str]] = {}
    for role, letter in letters.items():
        if role not in Role.values:
            errors.setdefault("__all__", []).append(_("Unknown role %(role)s.") % {"role": role})
        elif letter and letter not in Responsibility.values:
            errors.setdefault(role, []).append(_("Choose R, A, C, I or nothing."))
    accountable = {role for role, letter in letters.items() if letter == Responsibility.ACCOUNTABLE}
    if not accountable:
        errors.setdefault("__all__", []).append(
            _("At least one role must be accountable (A): otherwise nobody may decide this type.")
        )
    escalation = settings.get("escalation_role")
    if accountable and escalation and escalation not in accountable:
        errors.setdefault("escalation_role", []).append(
            _("The escalation role (%(role)s) must be accountable (A), or an escalated proposal could not be decided.")
            % {"role": Role(escalation).label}
        )
    if errors:
        raise ValidationError(errors)


def edit_decision_type(
    user: Any, decision_type: DecisionType, settings: dict[str, Any], letters: dict[str, str], version: int
) -> DecisionType:
    """Save the type's deadlines and escalation role and its letters per role ("" = no letter) at once.

    ``letters`` names every role the form showed; a role left out keeps its letter.
    """
    if not may_edit_matrix(user):
        raise PermissionDenied(_("Only someone who manages governance for the whole organisation edits the matrix."))
    with transaction.atomic():
        stored: DecisionType = locked(decision_type, version)
        current = {
            right.role: right for right in DecisionRight.objects.select_for_update().filter(decision_type=stored)
        }
        wanted = {role: right.responsibility for role, right in current.items()} | letters
        merged = {name: getattr(stored, name) for name in SETTING_FIELDS} | {
            name: value for name, value in settings.items() if name in SETTING_FIELDS
        }
        _check(merged, wanted)
        before = {name: getattr(stored, name) for name in SETTING_FIELDS}
        for name, value in merged.items():
            setattr(stored, name, value)
        stored.full_clean()
        changed_settings = any(before[name] != value for name, value in merged.items())
        changed_letters = False
        for role, letter in wanted.items():
            right = current.get(role)
            if right is not None and not letter:
                right.delete()
                changed_letters = True
            elif right is not None and right.responsibility != letter:
                right.responsibility = letter
                right.save()
                changed_letters = True
            elif right is None and letter:
                DecisionRight.objects.create(decision_type=stored, role=role, responsibility=letter)
                changed_letters = True
        if changed_settings or changed_letters:
            stored.version += 1
            stored.save()
    return stored
