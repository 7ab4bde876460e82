"""The decision-rights matrix applied to people: who proposes, decides, advises and is told.

A role counts for a proposal when the person holds it today in the proposal's unit or a
unit above it (a role applies to its unit and everything below). Decision rights are
personal accountability, so a superuser account gets no decision right it was not given.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from roer.governance.models import DecisionType, Proposal, Responsibility
from roer.organisation.access import active_roles, ancestor_paths
from roer.organisation.models import Person, RoleAssignment
from roer.organisation.roles import Role


def roles_for(decision_type: DecisionType, responsibility: str) -> set[str]:
    return {right.role for right in decision_type.rights.all() if right.responsibility == responsibility}


def holds(user: Any, decision_type: DecisionType, responsibility: str, path: str) -> bool:
    """True when ``user`` holds, at ``path`` or above, a role with ``responsibility`` for the type."""
    wanted = roles_for(decision_type, responsibility)
    return any(role.value in wanted and path.startswith(scope) for role, scope in active_roles(user))


def may_propose(user: Any, decision_type: DecisionType, path: str) -> bool:
    return holds(user, decision_type, Responsibility.RESPONSIBLE, path) or holds(
        user, decision_type, Responsibility.ACCOUNTABLE, path
    )


def _paths_up(path: str) -> list[str]:
    """The unit's own path first, then each unit above it, nearest first."""
    return [path, *reversed(ancestor_paths(path))]


def _assignments(roles: set[str], paths: list[str]) -> Any:
    today = timezone.localdate()
    return (
        RoleAssignment.objects.active_on(today)
        .filter(role__in=roles, org_unit__path__in=paths, person__is_active=True)
        .select_related("person", "org_unit")
    )


def nearest_holders(roles: set[str], path: str) -> list[Person]:
    """The holders of ``roles`` at the nearest unit on the way up from ``path`` that has any."""
    if not roles:
        return []
    found = list(_assignments(roles, _paths_up(path)))
    if not found:
        return []
    nearest = max(len(assignment.org_unit.path) for assignment in found)
    people = {a.person_id: a.person for a in found if len(a.org_unit.path) == nearest}
    return sorted(people.values(), key=lambda person: (person.last_name, person.first_name, person.pk))


def holders_of(role: str, path: str) -> list[Person]:
    """The nearest holders of one role, e.g. the privacy officer a proposal must hear."""
    return nearest_holders({role}, path)


def all_holders(roles: set[str], path: str) -> list[Person]:
    """Everyone holding one of ``roles`` at ``path`` or above (the informed roles)."""
    if not roles:
        return []
    people = {a.person_id: a.person for a in _assignments(roles, _paths_up(path))}
    return list(people.values())


def local_deciders(proposal: Proposal) -> list[Person]:
    """The unit's own accountable people: the nearest unit on the way up with an accountable role holder.

    Autonomy means a department's own CIO decides its local matters, not a CIO higher up.
    """
    return nearest_holders(roles_for(proposal.decision_type, Responsibility.ACCOUNTABLE), proposal.org_unit.path)


def may_decide_locally(user: Any, proposal: Proposal) -> bool:
    return any(person.pk == user.pk for person in local_deciders(proposal))


def may_decide_by_mandate(user: Any, proposal: Proposal) -> bool:
    """The person the failed consensus was escalated to, holding an accountable role for the type."""
    if proposal.escalated_to_id != user.pk or proposal.body is None:
        return False
    return holds(user, proposal.decision_type, Responsibility.ACCOUNTABLE, proposal.body.org_unit.path)


def required_adviser_roles(proposal: Proposal) -> list[str]:
    """The consulted roles, plus the privacy officer when personal data is involved."""
    roles = roles_for(proposal.decision_type, Responsibility.CONSULTED)
    if proposal.involves_personal_data:
        roles.add(Role.PRIVACY_OFFICER.value)
    return sorted(roles)


def may_advise(user: Any, proposal: Proposal, role: str) -> bool:
    return any(held.value == role and proposal.org_unit.path.startswith(scope) for held, scope in active_roles(user))


def escalation_target(proposal: Proposal) -> Person | None:
    """Where a failed consensus goes: the body's mandate holder, or the CIO of the body's own unit."""
    if proposal.body is None:
        return None
    if proposal.decision_type.escalation_role == Role.CIO:
        holders: list[Person] = [a.person for a in _assignments({Role.CIO.value}, [proposal.body.org_unit.path])]
        if holders:
            return holders[0]
    mandate_holder: Person = proposal.body.mandate_holder
    return mandate_holder


def matrix() -> list[tuple[DecisionType, dict[str, str]]]:
    """Each decision type with its role → letter map, for the matrix page and the API."""
    types = DecisionType.objects.prefetch_related("rights").order_by("name")
    return [(kind, {right.role: right.responsibility for right in kind.rights.all()}) for kind in types]
