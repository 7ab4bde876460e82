"""Comply or explain: each initiative in a framework's scope states that it complies, or asks for an exemption.

Who states: the initiative's sponsor or manager, or someone who may change it (the same
people who may change the initiative). A statement always carries its explanation: how the
initiative complies, or why it cannot yet and until when. An exemption request becomes a
proposal of decision type "exemption" and is granted or refused only by its decision
(``effects.apply``): local when the framework is set by the initiative's own unit, else
cross-cutting at the CIO council that covers the framework.

A statement may be revised (version check), not while its exemption awaits the decision.
A statement given against an older framework version than the one in force is shown as
such: the initiative should confirm it against the new rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from roer.governance.models import (
    OPEN_STATES,
    ComplianceState,
    ComplianceStatement,
    DecisionType,
    Framework,
    FrameworkVersion,
    Proposal,
    Scope,
    SubjectKind,
)
from roer.governance.services import flow
from roer.governance.services.frameworks import binding, covering_council, in_force_version
from roer.organisation.models import OrgUnit
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.services.checks import sees

EXPIRY_WINDOW = dt.timedelta(days=90)
STATABLE = (ComplianceState.COMPLIES, ComplianceState.EXEMPTION_REQUESTED)


class StaleStatement(Exception):
    def __init__(self, current: ComplianceStatement) -> None:
        super().__init__(f"statement changed meanwhile (version {current.version})")
        self.current = current


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def in_scope(framework: Framework) -> QuerySet[Initiative]:
    """Initiatives in the framework's unit or below that are not closed or stopped."""
    return Initiative.objects.filter(org_unit__path__startswith=framework.org_unit.path).exclude(
        phase__in=[Phase.CLOSED, Phase.STOPPED]
    )


def binds(framework: Framework, initiative: Initiative) -> bool:
    return initiative.org_unit.path.startswith(framework.org_unit.path) and initiative.phase not in (
        Phase.CLOSED,
        Phase.STOPPED,
    )


def may_state(user: Any, initiative: Initiative) -> bool:
    """The sponsor or manager, or someone who may change the initiative."""
    return sees(user, initiative) and bool(user.has_perm("portfolio.change_initiative", initiative))


def open_exemption_proposal(statement: ComplianceStatement) -> Proposal | None:
    found: Proposal | None = statement.proposals.filter(state__in=[*OPEN_STATES, "draft"]).order_by("-pk").first()
    return found


@dataclass
class Row:
    """One framework in force for one initiative, with the statement (if any)."""

    framework: Framework
    version: FrameworkVersion
    statement: ComplianceStatement | None
    proposal: Proposal | None = None

    @property
    def outdated(self) -> bool:
        return self.statement is not None and self.statement.framework_version_id != self.version.pk

    @property
    def expired(self) -> bool:
        statement = self.statement
        return bool(
            statement
            and statement.state == ComplianceState.EXEMPTION_GRANTED
            and statement.exemption_until
            and statement.exemption_until < timezone.localdate()
        )


def rows_for(initiative: Initiative, today: dt.date | None = None) -> list[Row]:
    """Every framework in force that binds the initiative, with its statement."""
    day = _today(today)
    if initiative.phase in (Phase.CLOSED, Phase.STOPPED):
        return []
    statements = {
        statement.framework_id: statement
        for statement in initiative.compliance_statements.select_related("framework_version", "decision", "stated_by")
    }
    rows = []
    for framework in Framework.objects.filter(binding(initiative.org_unit)).select_related("org_unit"):
        version = in_force_version(framework, day)
        if version is None:
            continue
        statement = statements.get(framework.pk)
        proposal = open_exemption_proposal(statement) if statement else None
        if statement and proposal is None and statement.state != ComplianceState.COMPLIES:
            proposal = statement.proposals.order_by("-pk").first()
        rows.append(Row(framework, version, statement, proposal))
    return rows


def _check(state: str, explanation: str, until: dt.date | None, today: dt.date) -> None:
    errors: dict[str, list[str]] = {}
    if state not in STATABLE:
        errors["state"] = [_("Choose: complies, or asks for an exemption.")]
    if not explanation.strip():
        errors["explanation"] = [
            _("Explain how the initiative complies.")
            if state == ComplianceState.COMPLIES
            else _("Explain why the initiative cannot comply, and what it does instead.")
        ]
    if state == ComplianceState.EXEMPTION_REQUESTED:
        if until is None:
            errors["exemption_until"] = [_("An exemption is temporary: give the date until which it is needed.")]
        elif until <= today:
            errors["exemption_until"] = [_("The exemption must run until a date after today.")]
    if errors:
        raise ValidationError(errors)


def _exemption_proposal(user: Any, statement: ComplianceStatement, now: dt.datetime | None) -> Proposal:
    initiative, framework = statement.initiative, statement.framework
    decision_type = DecisionType.objects.filter(code="exemption").first()
    if decision_type is None:
        raise ValidationError(_("The decision type for exemptions is missing: ask the functional administrator."))
    council = None if framework.org_unit_id == initiative.org_unit_id else covering_council(framework.org_unit)
    if council is None:
        reason = _("The framework is set by the initiative's own unit: its CIO decides the exemption.")
        if framework.org_unit_id != initiative.org_unit_id:
            reason = _("No CIO council covers %(unit)s: the initiative's own CIO decides the exemption.") % {
                "unit": framework.org_unit
            }
    else:
        reason = _("The framework binds more than the initiative's own unit (%(unit)s): %(body)s decides.") % {
            "unit": framework.org_unit,
            "body": council,
        }
    until = formats.date_format(statement.exemption_until, "DATE_FORMAT") if statement.exemption_until else "—"
    try:
        proposal = flow.create_proposal(
            user,
            {
                "title": _("Exemption from %(framework)s for %(code)s")
                % {"framework": framework.title, "code": initiative.code},
                "summary": _("%(explanation)s\n\nUntil %(until)s.")
                % {"explanation": statement.explanation, "until": until},
                "subject_kind": SubjectKind.EXEMPTION,
                "compliance_statement": statement,
                "initiative": initiative,
                "decision_type": decision_type,
                "org_unit": initiative.org_unit,
                "scope": Scope.LOCAL if council is None else Scope.CROSS_CUTTING,
                "scope_reason": reason,
                "body": council,
            },
            now=now,
        )
    except PermissionDenied:
        raise PermissionDenied(
            _(
                "Asking for an exemption is a proposal: only a role responsible or accountable for exemptions "
                "in %(unit)s (such as the project or portfolio manager, the sponsor or the CIO) may ask for it."
            )
            % {"unit": initiative.org_unit}
        ) from None
    flow.submit(user, proposal, now=now)
    return proposal


def state(
    user: Any,
    initiative: Initiative,
    framework: Framework,
    values: dict[str, Any],
    version: int | None = None,
    now: dt.datetime | None = None,
) -> ComplianceStatement:
    """Record (or revise) the initiative's statement on the framework in force.

    ``values``: state ("complies" or "exemption_requested"), explanation, exemption_until.
    ``version``: the statement's version the person saw; None for a first statement.
    An exemption request is submitted as a proposal at once.
    """
    moment = now or timezone.now()
    today = timezone.localdate(moment)
    if not may_state(user, initiative):
        raise PermissionDenied(
            _("Only the initiative's sponsor or manager, or someone who may change it, states its compliance.")
        )
    if not Framework.objects.for_user(user).filter(pk=framework.pk).exists() or not binds(framework, initiative):
        raise ValidationError(_("%(framework)s does not bind this initiative.") % {"framework": framework})
    current = in_force_version(framework, today)
    if current is None:
        raise ValidationError(_("%(framework)s has no version in force yet.") % {"framework": framework})
    chosen = str(values.get("state") or "")
    explanation = str(values.get("explanation") or "")
    until = values.get("exemption_until") if chosen == ComplianceState.EXEMPTION_REQUESTED else None
    _check(chosen, explanation, until, today)
    with transaction.atomic():
        stored = (
            ComplianceStatement.objects.select_for_update()
            .filter(initiative=initiative, framework=framework)
            .select_related("initiative__org_unit", "framework__org_unit")
            .first()
        )
        if stored is not None:
            if version is None or stored.version != version:
                raise StaleStatement(stored)
            pending = open_exemption_proposal(stored)
            if pending is not None:
                raise ValidationError(
                    _(
                        "The exemption request awaits its decision (%(reference)s): it can change once it is "
                        "decided, or when the proposal is withdrawn."
                    )
                    % {"reference": pending.reference}
                )
            stored.version += 1
        else:
            stored = ComplianceStatement(initiative=initiative, framework=framework)
        stored.framework_version = current
        stored.state = chosen
        stored.explanation = explanation
        stored.exemption_until = until
        stored.decision = None
        stored.stated_by = user
        stored.stated_at = moment
        stored.full_clean()
        stored.save()
        if chosen == ComplianceState.EXEMPTION_REQUESTED:
            _exemption_proposal(user, stored, moment)
    stored.refresh_from_db()
    return stored


# --- the portfolio-wide view --------------------------------------------------------------------


@dataclass
class FrameworkSummary:
    framework: Framework
    version: FrameworkVersion
    in_scope: int = 0
    complies: int = 0
    requested: int = 0
    granted: int = 0
    refused: int = 0
    missing: int = 0
    outdated: int = 0
    expiring: int = 0
    expired: int = 0
    missing_initiatives: list[Initiative] = field(default_factory=list)


def _unit_filter(unit: OrgUnit | None) -> Q:
    return Q(org_unit__path__startswith=unit.path) if unit is not None else Q()


def overview(user: Any, unit: OrgUnit | None = None, today: dt.date | None = None) -> list[FrameworkSummary]:
    """Per framework in force that the person sees: how its initiatives in scope stand."""
    day = _today(today)
    frameworks = Framework.objects.for_user(user).select_related("org_unit")
    if unit is not None:
        frameworks = frameworks.filter(binding(unit) | Q(org_unit__path__startswith=unit.path))
    visible = Initiative.objects.for_user(user).filter(_unit_filter(unit))
    result = []
    for framework in frameworks:
        version = in_force_version(framework, day)
        if version is None:
            continue
        initiatives = list(in_scope(framework).filter(pk__in=visible.values("pk")).order_by("code"))
        statements = {
            statement.initiative_id: statement
            for statement in framework.statements.filter(initiative__in=[i.pk for i in initiatives])
        }
        summary = FrameworkSummary(framework, version, in_scope=len(initiatives))
        for initiative in initiatives:
            statement = statements.get(initiative.pk)
            if statement is None:
                summary.missing += 1
                summary.missing_initiatives.append(initiative)
                continue
            if statement.framework_version_id != version.pk:
                summary.outdated += 1
            if statement.state == ComplianceState.COMPLIES:
                summary.complies += 1
            elif statement.state == ComplianceState.EXEMPTION_REQUESTED:
                summary.requested += 1
            elif statement.state == ComplianceState.EXEMPTION_REFUSED:
                summary.refused += 1
            else:
                summary.granted += 1
                until = statement.exemption_until
                if until is not None and until < day:
                    summary.expired += 1
                elif until is not None and until <= day + EXPIRY_WINDOW:
                    summary.expiring += 1
        result.append(summary)
    return result


def exemptions(user: Any, unit: OrgUnit | None = None, today: dt.date | None = None) -> list[ComplianceStatement]:
    """Open exemption requests, and granted exemptions that expire within 90 days or have expired."""
    day = _today(today)
    visible = (
        Initiative.objects.for_user(user).filter(_unit_filter(unit)).exclude(phase__in=[Phase.CLOSED, Phase.STOPPED])
    )
    statements = (
        ComplianceStatement.objects.filter(initiative__in=visible.values("pk"))
        .filter(
            Q(state=ComplianceState.EXEMPTION_REQUESTED)
            | Q(state=ComplianceState.EXEMPTION_GRANTED, exemption_until__lte=day + EXPIRY_WINDOW)
        )
        .select_related("initiative", "framework", "decision")
        .order_by("exemption_until", "initiative__code")
    )
    return list(statements)
