"""The roles a person can hold in an org unit, and what each role may do.

This is the one table of capabilities; ``rules.py`` turns it into predicates.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CIO = "cio", _("CIO")
    MANDATE_HOLDER = "mandate_holder", _("Mandate holder (top CIO)")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer (CPO)")
    DATA_OFFICER = "data_officer", _("Data officer (CDO)")
    TECHNOLOGY_OFFICER = "technology_officer", _("Technology officer (CTO)")
    CHAIN_OWNER = "chain_owner", _("Chain owner")
    PORTFOLIO_MANAGER = "portfolio_manager", _("Portfolio manager")
    CONTROLLER = "controller", _("Controller")
    BOARD_MEMBER = "board_member", _("Board member")
    SPONSOR = "sponsor", _("Sponsor")
    PROJECT_MANAGER = "project_manager", _("Project manager")
    VIEWER = "viewer", _("Viewer")
    AUDITOR = "auditor", _("Auditor")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functional administrator")


class Capability(models.TextChoices):
    VIEW_PORTFOLIO = "view_portfolio", _("See org units, people and initiatives")
    ADD_INITIATIVE = "add_initiative", _("Register initiatives")
    CHANGE_INITIATIVE = "change_initiative", _("Change any initiative")
    VIEW_AUDIT = "view_audit", _("Read the audit trail")
    MANAGE_ORGANISATION = "manage_organisation", _("Manage org units and role assignments")
    MANAGE_STRATEGY = "manage_strategy", _("Manage goals and KPIs")
    RECORD_MEASUREMENTS = "record_measurements", _("Record and import KPI measurements")
    REVIEW_GATES = "review_gates", _("Record gate reviews, baselines and status reports")
    RATE_INDEPENDENTLY = "rate_independently", _("Give the independent rating of a status report")
    RATE_AS_CIO = "rate_as_cio", _("Give the CIO risk rating and the CIO opinion")
    MANAGE_POLICY = "manage_policy", _("Set the organisation's portfolio policy")
    VIEW_COST_DETAILS = "view_cost_details", _("See cost details per category")
    MANAGE_GOVERNANCE = "manage_governance", _("Set up bodies, members, meetings and the decision-rights matrix")
    MANAGE_FRAMEWORKS = "manage_frameworks", _("Draft binding frameworks and their versions")


_EVERY_ROLE = frozenset(Role)

CAPABILITIES: dict[Capability, frozenset[Role]] = {
    Capability.VIEW_PORTFOLIO: _EVERY_ROLE,
    Capability.ADD_INITIATIVE: frozenset(
        {Role.CIO, Role.MANDATE_HOLDER, Role.PORTFOLIO_MANAGER, Role.PROJECT_MANAGER, Role.FUNCTIONAL_ADMIN}
    ),
    Capability.CHANGE_INITIATIVE: frozenset(
        {Role.CIO, Role.MANDATE_HOLDER, Role.PORTFOLIO_MANAGER, Role.FUNCTIONAL_ADMIN}
    ),
    Capability.VIEW_AUDIT: frozenset({Role.AUDITOR}),
    Capability.MANAGE_ORGANISATION: frozenset({Role.FUNCTIONAL_ADMIN}),
    Capability.MANAGE_STRATEGY: frozenset(
        {Role.CIO, Role.MANDATE_HOLDER, Role.PORTFOLIO_MANAGER, Role.BOARD_MEMBER, Role.FUNCTIONAL_ADMIN}
    ),
    Capability.RECORD_MEASUREMENTS: frozenset(
        {
            Role.CIO,
            Role.MANDATE_HOLDER,
            Role.PORTFOLIO_MANAGER,
            Role.DATA_OFFICER,
            Role.CONTROLLER,
            Role.FUNCTIONAL_ADMIN,
        }
    ),
    # Totals are visible to everyone who may see an initiative; the lines per category (which
    # reveal rates, contract values and staffing) only to those who steer, control or audit the
    # money. Viewers, board members, chain owners and the CPO/CDO/CTO see the totals.
    Capability.VIEW_COST_DETAILS: frozenset(
        {
            Role.CIO,
            Role.MANDATE_HOLDER,
            Role.PORTFOLIO_MANAGER,
            Role.CONTROLLER,
            Role.SPONSOR,
            Role.PROJECT_MANAGER,
            Role.AUDITOR,
            Role.FUNCTIONAL_ADMIN,
        }
    ),
    Capability.REVIEW_GATES: frozenset({Role.CIO, Role.MANDATE_HOLDER, Role.PORTFOLIO_MANAGER, Role.FUNCTIONAL_ADMIN}),
    # Independent of the project: the portfolio office or assurance, never the project itself.
    Capability.RATE_INDEPENDENTLY: frozenset({Role.PORTFOLIO_MANAGER, Role.AUDITOR}),
    Capability.RATE_AS_CIO: frozenset({Role.CIO, Role.MANDATE_HOLDER}),
    # Only meaningful on the organisation (root unit): checked there by the policy service.
    Capability.MANAGE_POLICY: frozenset({Role.CIO, Role.MANDATE_HOLDER, Role.FUNCTIONAL_ADMIN}),
    # Checked at the body's own unit: a department CIO does not reconfigure the ministry's council.
    Capability.MANAGE_GOVERNANCE: frozenset({Role.CIO, Role.MANDATE_HOLDER, Role.FUNCTIONAL_ADMIN}),
    Capability.MANAGE_FRAMEWORKS: frozenset(
        {
            Role.CIO,
            Role.MANDATE_HOLDER,
            Role.TECHNOLOGY_OFFICER,
            Role.DATA_OFFICER,
            Role.PRIVACY_OFFICER,
            Role.FUNCTIONAL_ADMIN,
        }
    ),
}


def roles_with(capability: Capability) -> frozenset[Role]:
    return CAPABILITIES[capability]
