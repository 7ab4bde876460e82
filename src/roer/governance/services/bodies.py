"""Setting up bodies and their members: who sits on the CIO council, the boards, and with what vote.

Only MANAGE_GOVERNANCE at the body's own unit sets a body up; every change is one
transaction, audited through the models' registration, and a save based on an older
version of the body is refused (``StaleVersion``).

A quorum larger than the number of voting members is a *warning*, not an error: a body is
created before its members are added, and a member leaving is a fact that must be
recordable even when it leaves the body below its quorum. Until the body is brought back
up to strength no vote reaches consensus and every cross-cutting proposal escalates to
the mandate holder — the pages say so loudly (``quorum_warning``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.governance.models import Body, ConsensusRule, MemberCapacity, Membership
from roer.governance.services.versioning import StaleVersion, locked
from roer.organisation.access import has_capability
from roer.organisation.roles import Capability

__all__ = [
    "BODY_FIELDS",
    "StaleVersion",
    "add_member",
    "create_body",
    "current_memberships",
    "end_membership",
    "may_manage",
    "quorum_warning",
    "update_body",
    "voting_count",
]

BODY_FIELDS = (
    "name",
    "kind",
    "org_unit",
    "chair",
    "secretary",
    "mandate_holder",
    "quorum",
    "consensus_rule",
    "cadence",
    "description",
)


def may_manage(user: Any, body: Body | None = None, unit: Any = None) -> bool:
    """MANAGE_GOVERNANCE at the body's unit (or at ``unit`` for a new body)."""
    path = body.org_unit.path if body is not None else unit.path if unit is not None else None
    return path is not None and has_capability(user, Capability.MANAGE_GOVERNANCE, path)


def current_memberships(body: Body, on: date | None = None) -> QuerySet[Membership]:
    day = on or timezone.localdate()
    return (
        Membership.objects.filter(body=body, since__lte=day)
        .filter(Q(until__isnull=True) | Q(until__gte=day))
        .select_related("person")
    )


def voting_count(body: Body, on: date | None = None) -> int:
    return current_memberships(body, on).filter(capacity=MemberCapacity.VOTING, person__is_active=True).count()


def quorum_warning(body: Body, on: date | None = None) -> str | None:
    """Why no vote of this body can reach consensus today, or None when the quorum can be met."""
    voting = voting_count(body, on)
    needed = 1 if body.consensus_rule == ConsensusRule.UNANIMITY else body.quorum  # unanimity counts everyone
    if needed <= voting:
        return None
    return _(
        "The quorum is %(quorum)d but the body has %(voting)d voting members: no vote can reach consensus, "
        "so every cross-cutting proposal will escalate to the mandate holder. Add voting members or lower the quorum."
    ) % {"quorum": body.quorum, "voting": voting}


def _check_people(values: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    for name in ("chair", "mandate_holder", "secretary"):
        person = values.get(name)
        if person is None:
            if name != "secretary":
                errors[name] = [_("This field is required.")]
        elif not person.is_active:
            errors[name] = [_("%(person)s is no longer active: choose someone who is.") % {"person": person}]
    if errors:
        raise ValidationError(errors)


def create_body(user: Any, values: dict[str, Any]) -> Body:
    values = {key: value for key, value in values.items() if key in BODY_FIELDS}
    unit = values.get("org_unit")
    if unit is None:
        raise ValidationError({"org_unit": [_("This field is required.")]})
    if not may_manage(user, unit=unit):
        raise PermissionDenied(
            _("Only someone who manages governance in %(unit)s sets up its bodies.") % {"unit": unit}
        )
    _check_people(values)
    with transaction.atomic():
        body = Body(**values)
        body.full_clean()
        body.save()
    return body


def update_body(user: Any, body: Body, values: dict[str, Any], version: int) -> Body:
    """Change a body; the person needs the right at its current unit and, when it moves, at the new one."""
    values = {key: value for key, value in values.items() if key in BODY_FIELDS}
    with transaction.atomic():
        stored: Body = locked(body, version)
        if not may_manage(user, stored):
            raise PermissionDenied(
                _("Only someone who manages governance in %(unit)s changes this body.") % {"unit": stored.org_unit}
            )
        unit = values.get("org_unit", stored.org_unit)
        if unit is None or not may_manage(user, unit=unit):
            raise PermissionDenied(_("You may not move the body to %(unit)s.") % {"unit": unit})
        merged = {name: getattr(stored, name) for name in BODY_FIELDS} | values
        _check_people(merged)
        for name, value in merged.items():
            setattr(stored, name, value)
        stored.version += 1
        stored.full_clean()
        stored.save()
    return stored


def add_member(user: Any, body: Body, person: Any, capacity: str, since: date | None) -> Membership:
    """A new member; a former member joins again on the same membership row (the audit trail keeps the past)."""
    if not may_manage(user, body):
        raise PermissionDenied(
            _("Only someone who manages governance in %(unit)s changes its members.") % {"unit": body.org_unit}
        )
    errors: dict[str, list[str]] = {}
    if person is None:
        errors["person"] = [_("This field is required.")]
    elif not person.is_active:
        errors["person"] = [_("%(person)s is no longer active.") % {"person": person}]
    if capacity not in MemberCapacity.values:
        errors["capacity"] = [_("Choose voting or advisory.")]
    if since is None:
        errors["since"] = [_("This field is required.")]
    if errors or since is None:
        raise ValidationError(errors)
    with transaction.atomic():
        Body.objects.select_for_update().get(pk=body.pk)
        existing = Membership.objects.filter(body=body, person=person).first()
        if existing is not None:
            if existing.until is None or existing.until >= since:
                raise ValidationError(
                    {"person": [_("%(person)s is already a member of %(body)s.") % {"person": person, "body": body}]}
                )
            existing.capacity = capacity
            existing.since = since
            existing.until = None
            existing.save()
            return existing
        return Membership.objects.create(body=body, person=person, capacity=capacity, since=since)


def end_membership(user: Any, membership: Membership, until: date | None) -> Membership:
    """The last day of a membership; the member keeps the votes already cast."""
    body = membership.body
    if not may_manage(user, body):
        raise PermissionDenied(
            _("Only someone who manages governance in %(unit)s changes its members.") % {"unit": body.org_unit}
        )
    with transaction.atomic():
        stored = Membership.objects.select_for_update().get(pk=membership.pk)
        if stored.until is not None and stored.until < timezone.localdate():
            raise ValidationError(_("This membership has already ended."))
        if until is None:
            raise ValidationError({"until": [_("This field is required.")]})
        if until < stored.since:
            raise ValidationError(
                {"until": [_("A membership cannot end before it began (%(since)s).") % {"since": stored.since}]}
            )
        stored.until = until
        stored.save()
    return stored
