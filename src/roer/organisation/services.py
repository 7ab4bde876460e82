"""State changes to role assignments: one transaction each, checked against the actor's scope.

The audit signals record every save, so these functions never write audit events
themselves. Views, the API and commands call them; all raise ``PermissionDenied``
for a forbidden action and ``ValidationError`` (keyed by field) for invalid input.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import has_capability
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.organisation.roles import Capability, Role

# One message for "unknown" and "outside your scope": the form must not reveal who exists elsewhere.
PERSON_OUTSIDE_SCOPE = _("There is no person with this username in your scope.")


def may_manage(actor: Any, org_unit: OrgUnit) -> bool:
    return has_capability(actor, Capability.MANAGE_ORGANISATION, org_unit.path)


def _require_manage(actor: Any, org_unit: OrgUnit) -> None:
    if not may_manage(actor, org_unit):
        raise PermissionDenied(_("You may not manage role assignments in this org unit."))


def _overlapping(person: Person, role: str, org_unit: OrgUnit, start: datetime.date, end: datetime.date | None) -> bool:
    """True when the person already holds ``role`` in ``org_unit`` on some day of [start, end]."""
    same = RoleAssignment.objects.filter(person=person, role=role, org_unit=org_unit)
    same = same.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
    if end is not None:
        same = same.filter(valid_from__lte=end)
    return same.exists()


def assign_role(
    actor: Any,
    *,
    person: Person,
    role: str,
    org_unit: OrgUnit,
    valid_from: datetime.date,
    valid_until: datetime.date | None = None,
) -> RoleAssignment:
    """Give ``person`` the ``role`` in ``org_unit`` (and every unit below it) for the period."""
    _require_manage(actor, org_unit)
    errors: dict[str, Any] = {}
    if not Person.objects.for_user(actor).filter(pk=person.pk, is_active=True).exists():
        errors["person"] = PERSON_OUTSIDE_SCOPE
    if role not in Role.values:
        errors["role"] = _("Choose one of the listed roles.")
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("The end date cannot be before the start date.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # Lock the person, so that two concurrent assignments cannot both pass the overlap check.
        Person.objects.select_for_update().filter(pk=person.pk).first()
        if _overlapping(person, role, org_unit, valid_from, valid_until):
            raise ValidationError(
                {"role": _("This person already holds this role in this org unit during (part of) this period.")}
            )
        assignment = RoleAssignment(
            person=person, role=role, org_unit=org_unit, valid_from=valid_from, valid_until=valid_until
        )
        assignment.full_clean()
        assignment.save()
    return assignment


def end_assignment(actor: Any, assignment: RoleAssignment, valid_until: datetime.date) -> RoleAssignment:
    """Set the last day of ``assignment``. An assignment that already ended stays as it is."""
    _require_manage(actor, assignment.org_unit)
    with transaction.atomic():
        locked = RoleAssignment.objects.select_for_update().select_related("org_unit", "person")
        stored: RoleAssignment = locked.get(pk=assignment.pk)
        if stored.valid_until is not None and stored.valid_until < timezone.localdate():
            raise ValidationError({"valid_until": _("This assignment has already ended.")})
        if valid_until < stored.valid_from:
            raise ValidationError({"valid_until": _("The end date cannot be before the start date.")})
        stored.valid_until = valid_until
        stored.full_clean()
        stored.save()  # a plain save, so the audit signals record before and after
    return stored
