"""State changes to initiatives: one transaction each, audited, refused when based on a stale version.

Views, the API, imports and commands all call these functions.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import has_capability, scope_filter
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.portfolio.models import Initiative, Phase

EDITABLE_FIELDS = (
    "name",
    "org_unit",
    "sponsor",
    "manager",
    "phase",
    "problem_statement",
    "description",
    "mandatory",
    "legal_basis",
    "activity_type",
    "approach",
    "topic",
    "service_domain",
    "start_date",
    "team_size",
    "increment_months",
    "public",
)


class StaleVersion(Exception):
    """The change was based on an older version than the stored one.

    Shared by every model with a ``version`` (initiatives, goals, KPIs); ``current`` is the stored row.
    """

    def __init__(self, current: Any, expected_version: int) -> None:
        super().__init__(f"{current}: expected version {expected_version}, stored is {current.version}")
        self.current = current
        self.expected_version = expected_version


class Refused(Exception):
    """The person may not make this change; ``field`` names the form field at fault."""

    def __init__(self, field: str, message: Any) -> None:
        super().__init__(str(message))
        self.field = field
        self.message = message


class IntakeIncomplete(Refused):
    """The initiative lacks what it needs to leave the idea phase: a validation problem, not one of rights."""


# Phases an initiative may be in without meeting the intake rule.
_BEFORE_INTAKE = (Phase.IDEA, Phase.STOPPED)


def _is_mandatory_with_basis(initiative: Initiative) -> bool:
    return initiative.mandatory and bool(initiative.legal_basis.strip())


def needs_a_contribution(initiative: Initiative) -> bool:
    """True when the intake rule asks ``initiative`` (as it is now) to contribute to a goal."""
    return initiative.phase not in _BEFORE_INTAKE and not _is_mandatory_with_basis(initiative)


def intake_missing(initiative: Initiative, creating: bool = False) -> list[str]:
    """What ``initiative`` lacks to leave the idea phase, as instructions; empty when nothing does.

    It needs a problem statement, and a contribution to a goal, unless it is mandatory
    by law: then it needs its legal basis instead. A mandatory initiative always names
    its legal basis, even when it contributes to goals as well.
    """
    missing = []
    if not initiative.problem_statement.strip():
        missing.append(gettext("add a problem statement"))
    if initiative.mandatory:
        if not initiative.legal_basis.strip():
            missing.append(gettext("add the legal basis that makes it mandatory by law"))
    elif creating:
        # A new initiative has no contributions yet: they are added to a registered idea.
        missing.append(
            gettext(
                "register it as an idea and add at least one contribution to a goal first "
                "(or mark it mandatory by law with its legal basis)"
            )
        )
    elif not initiative.contributions.exists():
        missing.append(
            gettext("add at least one contribution to a goal (or mark it mandatory by law with its legal basis)")
        )
    return missing


def check_intake(initiative: Initiative, previous_phase: str | None) -> None:
    """Refuse a move out of the idea phase (or out of stopped, or a registration past it) that lacks something.

    ``previous_phase`` is None for a new initiative. Stopping is always allowed, and
    resuming a stopped initiative is checked too, so that stopping is no way around the rule.
    """
    if initiative.phase in _BEFORE_INTAKE:
        return
    if previous_phase is not None and previous_phase not in _BEFORE_INTAKE:
        return
    missing = intake_missing(initiative, creating=previous_phase is None)
    if not missing:
        return
    if previous_phase == Phase.STOPPED:
        message = gettext("Cannot resume this stopped initiative: %(missing)s.")
    else:
        message = gettext("Cannot leave the idea phase: %(missing)s.")
    raise IntakeIncomplete("phase", message % {"missing": "; ".join(missing)})


def units_for_new_initiatives(user: Any) -> list[OrgUnit]:
    """Units where ``user`` may register an initiative."""
    return list(OrgUnit.objects.filter(scope_filter(user, Capability.ADD_INITIATIVE, "path")))


def next_code(org_unit: OrgUnit) -> str:
    """The next free code in the organisation of ``org_unit``: ``<ROOT-CODE>-0001``, ``-0002``, …"""
    prefix = org_unit.root().code.upper() + "-"
    # The highest number is found in the database: longest code first, then the highest text.
    highest = (
        Initiative.objects.filter(code__regex=rf"^{re.escape(prefix)}[0-9]+$")
        .order_by(Length("code").desc(), "-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(highest[len(prefix) :]) if highest else 0
    return f"{prefix}{number + 1:04d}"


def create_initiative(user: Any, values: dict[str, Any]) -> Initiative:
    org_unit: OrgUnit = values["org_unit"]
    if not has_capability(user, Capability.ADD_INITIATIVE, org_unit.path):
        raise Refused("org_unit", _("You may not register initiatives in this org unit."))
    chosen = values.get("code")
    for _attempt in range(5):
        initiative = Initiative(**{k: v for k, v in values.items() if k in EDITABLE_FIELDS})
        initiative.code = chosen or next_code(org_unit)
        initiative.full_clean()
        check_intake(initiative, previous_phase=None)
        try:
            with transaction.atomic():
                initiative.save()
        except IntegrityError:
            if chosen:
                raise
            continue  # someone took the generated code a moment ago: take the next one
        return initiative
    raise Refused("code", _("No free code could be assigned; please enter one."))


def update_initiative(user: Any, initiative: Initiative, values: dict[str, Any], expected_version: int) -> Initiative:
    """Apply ``values`` if the stored version is still ``expected_version``; bump the version.

    The version check and the write happen under a row lock, so two concurrent
    saves of the same version cannot both succeed.
    """
    with transaction.atomic():
        stored: Initiative = Initiative.objects.select_for_update().select_related("org_unit").get(pk=initiative.pk)
        if stored.version != expected_version:
            raise StaleVersion(stored, expected_version)
        new_unit = values.get("org_unit")
        # Compared with the stored row: a bound form may already have changed ``initiative`` in memory.
        if new_unit is not None and new_unit.pk != stored.org_unit_id:
            if not has_capability(user, Capability.ADD_INITIATIVE, new_unit.path):
                raise Refused("org_unit", _("You may not move initiatives into this org unit."))
        previous_phase = stored.phase
        for name, value in values.items():
            if name in EDITABLE_FIELDS:
                setattr(stored, name, value)
        stored.full_clean()
        check_intake(stored, previous_phase)
        stored.version += 1  # safe: the row is locked until the transaction ends
        stored.save()
    return stored
