"""Binding frameworks and their versions: drafting, proposing for decision, and which version is in force.

A framework is created by someone who may manage frameworks at its unit. Its rules come in
versions: one open draft at a time, with numbered requirement statements (R1, R2 …). A
draft is proposed for decision through the governance flow (decision type "framework");
the decision sets the version (``effects.apply``) and from its effective date the version
is in force, until a newer version takes its place. A version a decision set — or one
that is on its way to a decision — is never changed: the next change is a new version.

A version's state follows from its decision and its proposals:

draft              no decision, no proposal under way or decided
awaiting decision  a proposal is under way
scheduled          set by an approving decision in force, effective date still to come
in force           set, effective, and no newer version in force
replaced           set and effective, but a newer version is in force
not adopted        its proposal was rejected (or a correction took the approval back)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roer.governance.models import (
    Body,
    BodyKind,
    DecisionType,
    Framework,
    FrameworkVersion,
    Proposal,
    ProposalState,
    Requirement,
    Scope,
    SubjectKind,
)
from roer.governance.services import flow, rights
from roer.organisation.access import ancestor_paths, has_capability
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability


class VersionState(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    AWAITING = "awaiting", gettext_lazy("Awaiting decision")
    SCHEDULED = "scheduled", gettext_lazy("Decided, not yet in force")
    IN_FORCE = "in_force", gettext_lazy("In force")
    REPLACED = "replaced", gettext_lazy("Replaced by a newer version")
    NOT_ADOPTED = "not_adopted", gettext_lazy("Not adopted")


LOCKED_STATES = (VersionState.AWAITING, VersionState.SCHEDULED, VersionState.IN_FORCE, VersionState.REPLACED)


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def may_manage(user: Any, framework_or_unit: Framework | OrgUnit) -> bool:
    unit = framework_or_unit.org_unit if isinstance(framework_or_unit, Framework) else framework_or_unit
    return has_capability(user, Capability.MANAGE_FRAMEWORKS, unit.path)


def _require_manage(user: Any, unit: OrgUnit) -> None:
    if not has_capability(user, Capability.MANAGE_FRAMEWORKS, unit.path):
        raise PermissionDenied(_("You may not manage frameworks for %(unit)s.") % {"unit": unit})


def _require_visible(user: Any, framework: Framework) -> None:
    if not Framework.objects.for_user(user).filter(pk=framework.pk).exists():
        raise PermissionDenied(_("You may not see this framework."))


# --- frameworks ---------------------------------------------------------------------------------


def create_framework(user: Any, values: dict[str, Any]) -> Framework:
    """A new framework, without versions yet; its rules come with its first draft version."""
    unit = values.get("org_unit")
    if unit is None:
        raise ValidationError({"org_unit": [_("Choose the unit the framework binds.")]})
    _require_manage(user, unit)
    framework = Framework(
        code=values.get("code") or "",
        title=values.get("title") or "",
        org_unit=unit,
        description=values.get("description") or "",
    )
    framework.full_clean()
    with transaction.atomic():
        framework.save()
    return framework


# --- the state of a version ---------------------------------------------------------------------


def _live_proposals(version: FrameworkVersion) -> list[Proposal]:
    return [proposal for proposal in version.proposals.all() if proposal.state != ProposalState.WITHDRAWN]


def in_force_version(framework: Framework, today: dt.date | None = None) -> FrameworkVersion | None:
    """The version in force on ``today``: set by a decision, effective, the newest such."""
    day = _today(today)
    found: FrameworkVersion | None = (
        framework.versions.filter(decision__isnull=False, effective_on__lte=day)
        .order_by("-effective_on", "-number")
        .first()
    )
    return found


def state_of(version: FrameworkVersion, today: dt.date | None = None, in_force: Any = ...) -> VersionState:
    """The version's state on ``today`` (see the module's description).

    ``in_force`` may pass the framework's version in force (or None) when the caller already knows it.
    """
    day = _today(today)
    if version.decision_id is not None:
        if version.effective_on > day:
            return VersionState.SCHEDULED
        current = in_force_version(version.framework, day) if in_force is ... else in_force
        if current is not None and current.pk != version.pk:
            return VersionState.REPLACED
        return VersionState.IN_FORCE
    proposals = _live_proposals(version)
    if any(proposal.state != ProposalState.DECIDED for proposal in proposals):
        return VersionState.AWAITING
    if proposals:
        return VersionState.NOT_ADOPTED
    return VersionState.DRAFT


def open_version(framework: Framework) -> FrameworkVersion | None:
    """The draft, or the version awaiting its decision: at most one at a time."""
    for version in framework.versions.filter(decision__isnull=True).prefetch_related("proposals"):
        if state_of(version) in (VersionState.DRAFT, VersionState.AWAITING):
            return version
    return None


def current_proposal(version: FrameworkVersion) -> Proposal | None:
    """The proposal that carries (or carried) the version to its decision: the newest not withdrawn."""
    proposals = sorted(_live_proposals(version), key=lambda proposal: proposal.pk, reverse=True)
    return proposals[0] if proposals else None


# --- drafting -----------------------------------------------------------------------------------


def parse_requirements(text: str) -> list[str]:
    """One requirement statement per line; empty lines and list markers are dropped."""
    statements = []
    for line in text.splitlines():
        statement = line.strip().lstrip("-*•").strip()
        if statement:
            statements.append(statement)
    return statements


def _check_draft(values: dict[str, Any], statements: list[str]) -> None:
    errors: dict[str, list[str]] = {}
    if not statements:
        errors["requirements"] = [_("A version states at least one requirement.")]
    if any(len(statement) > 2000 for statement in statements):
        errors.setdefault("requirements", []).append(_("Keep each requirement under 2000 characters."))
    if not isinstance(values.get("effective_on"), dt.date):
        errors["effective_on"] = [_("Give the date from which the version applies.")]
    if errors:
        raise ValidationError(errors)


def save_draft(
    user: Any, framework: Framework, values: dict[str, Any], draft: FrameworkVersion | None = None
) -> FrameworkVersion:
    """Create the next draft version, or change the open draft (``draft``), with its requirements.

    ``values``: summary, effective_on, requirements (a list of statements; numbered R1, R2 …).
    """
    _require_visible(user, framework)
    _require_manage(user, framework.org_unit)
    statements = [str(statement).strip() for statement in values.get("requirements") or [] if str(statement).strip()]
    _check_draft(values, statements)
    with transaction.atomic():
        Framework.objects.select_for_update().filter(pk=framework.pk).first()
        if draft is None:
            if open_version(framework) is not None:
                raise ValidationError(
                    _("This framework already has an open draft or a version awaiting its decision: change that one.")
                )
            number = (framework.versions.aggregate(top=Max("number"))["top"] or 0) + 1
            version = FrameworkVersion(framework=framework, number=number)
        else:
            version = FrameworkVersion.objects.select_for_update().get(pk=draft.pk, framework=framework)
            if state_of(version) != VersionState.DRAFT:
                raise ValidationError(
                    _("Version %(number)s is on its way to a decision or was decided: draft a new version instead.")
                    % {"number": version.number}
                )
        version.summary = values.get("summary") or ""
        version.effective_on = values["effective_on"]
        version.full_clean(exclude=["decision"])
        version.save()
        version.requirements.all().delete()
        for index, statement in enumerate(statements, start=1):
            Requirement.objects.create(framework_version=version, code=f"R{index}", statement=statement)
        framework.version += 1
        framework.save()
    return version


# --- proposing for decision ---------------------------------------------------------------------


def may_propose(user: Any, framework: Framework) -> bool:
    """A role responsible or accountable for the decision type "framework" at the framework's unit."""
    decision_type = DecisionType.objects.filter(code="framework").first()
    return decision_type is not None and rights.may_propose(user, decision_type, framework.org_unit.path)


def covering_council(unit: OrgUnit) -> Body | None:
    """The CIO council whose scope holds ``unit``: the one of the unit itself, or the nearest above."""
    paths = [unit.path, *ancestor_paths(unit.path)]
    councils = Body.objects.filter(kind=BodyKind.CIO_COUNCIL, org_unit__path__in=paths).select_related("org_unit")
    return max(councils, key=lambda body: len(body.org_unit.path), default=None)


def default_scope_reason(framework: Framework) -> str:
    council = covering_council(framework.org_unit)
    if council is None:
        return _("The framework binds %(unit)s only, which has no CIO council: its own CIO decides.") % {
            "unit": framework.org_unit
        }
    return _("The framework binds every initiative in %(unit)s and below: %(body)s decides it.") % {
        "unit": framework.org_unit,
        "body": council,
    }


def propose(user: Any, version: FrameworkVersion, values: dict[str, Any], now: dt.datetime | None = None) -> Proposal:
    """Send the draft to its decision: a proposal of decision type "framework", submitted at once.

    Cross-cutting at the CIO council that covers the framework's unit; local when no council does.
    ``values``: scope_reason (required), involves_personal_data, summary (optional, else the version's).
    """
    framework = version.framework
    _require_visible(user, framework)
    if state_of(version) != VersionState.DRAFT:
        raise ValidationError(_("Only a draft version can be proposed for decision."))
    if not version.requirements.exists():
        raise ValidationError(_("A version states at least one requirement."))
    council = covering_council(framework.org_unit)
    decision_type = DecisionType.objects.filter(code="framework").first()
    if decision_type is None:
        raise ValidationError(_("The decision type for frameworks is missing: ask the functional administrator."))
    summary = str(values.get("summary") or "").strip() or version.summary or framework.title
    requirements = "\n".join(f"{r.code} {r.statement}" for r in version.requirements.all())
    with transaction.atomic():
        proposal = flow.create_proposal(
            user,
            {
                "title": _("%(framework)s, version %(number)s")
                % {"framework": framework.title, "number": version.number},
                "summary": f"{summary}\n\n{requirements}",
                "subject_kind": SubjectKind.FRAMEWORK,
                "framework_version": version,
                "decision_type": decision_type,
                "org_unit": framework.org_unit,
                "scope": Scope.CROSS_CUTTING if council else Scope.LOCAL,
                "scope_reason": str(values.get("scope_reason") or ""),
                "body": council,
                "involves_personal_data": bool(values.get("involves_personal_data")),
            },
            now=now,
        )
        flow.submit(user, proposal, now=now)
    proposal.refresh_from_db()
    return proposal


# --- lists --------------------------------------------------------------------------------------


def binding(unit: OrgUnit) -> Q:
    """Frameworks that bind initiatives of ``unit``: set at the unit or above it."""
    return Q(org_unit__path__in=[unit.path, *ancestor_paths(unit.path)])


def versions(framework: Framework, today: dt.date | None = None) -> list[tuple[FrameworkVersion, VersionState]]:
    """Every version, newest first, with its state."""
    day = _today(today)
    current = in_force_version(framework, day)
    rows = framework.versions.select_related("decision", "framework").prefetch_related("proposals").order_by("-number")
    return [(version, state_of(version, day, current)) for version in rows]
