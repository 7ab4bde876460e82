"""The organisation's portfolio policy: lever threshold and early-warning thresholds.

One policy per organisation (root org unit). Without a stored row the defaults of
``health.early_warning.Thresholds`` apply. Changing it is audited (the model is
registered) and refreshes the warnings of every initiative in the organisation.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from roer.organisation.access import has_capability
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.portfolio.health.early_warning import Thresholds
from roer.portfolio.models import Initiative, PortfolioPolicy
from roer.portfolio.services.stale import refuse_if_changed

POLICY_FIELDS = (
    "lever_threshold",
    "cio_opinion_from",
    "narrative_from",
    "amber_from",
    "red_from",
    "max_team_size",
    "max_increment_months",
    "report_period_days",
    "enabled_rules",
)


def root_id(org_unit: OrgUnit) -> int:
    return int(org_unit.path.strip("/").split("/")[0])


def policy_for_unit(org_unit: OrgUnit) -> PortfolioPolicy:
    """The stored policy of the unit's organisation, or an unsaved one with the defaults."""
    organisation_id = root_id(org_unit)
    stored = PortfolioPolicy.objects.filter(organisation_id=organisation_id).first()
    return stored or PortfolioPolicy(organisation_id=organisation_id)


def policy_for(initiative: Initiative) -> PortfolioPolicy:
    return policy_for_unit(initiative.org_unit)


def thresholds(policy: PortfolioPolicy) -> Thresholds:
    return Thresholds(
        cio_opinion_from=policy.cio_opinion_from,
        narrative_from=policy.narrative_from,
        amber_from=policy.amber_from,
        red_from=policy.red_from,
        max_team_size=policy.max_team_size,
        max_increment_months=policy.max_increment_months,
        report_period_days=policy.report_period_days,
        enabled=frozenset(policy.enabled_rules),
    )


def may_manage(user: Any, organisation: OrgUnit) -> bool:
    return organisation.parent_id is None and has_capability(user, Capability.MANAGE_POLICY, organisation.path)


def organisations_for(user: Any) -> list[OrgUnit]:
    """The organisations whose policy ``user`` may set."""
    return [unit for unit in OrgUnit.objects.filter(parent__isnull=True).order_by("name") if may_manage(user, unit)]


def update_policy(
    user: Any, organisation: OrgUnit, values: dict[str, Any], expected: str | None = None
) -> PortfolioPolicy:
    """Store the policy; refused with ``ChangedMeanwhile`` when ``expected`` is not the stored fingerprint."""
    if not may_manage(user, organisation):
        raise PermissionDenied(_("You may not set the portfolio policy of %(unit)s.") % {"unit": organisation})
    with transaction.atomic():
        policy = PortfolioPolicy.objects.select_for_update().filter(organisation=organisation).first()
        policy = policy or PortfolioPolicy(organisation=organisation)
        refuse_if_changed(policy, POLICY_FIELDS, expected)
        for name in POLICY_FIELDS:
            if name in values:
                setattr(policy, name, values[name])
        policy.full_clean()
        policy.save()
    return policy
