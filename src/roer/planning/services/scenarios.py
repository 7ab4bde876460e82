"""Creating, changing and deriving scenarios: one transaction each, permission checked, stale edits refused."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from roer.organisation.access import has_capability, is_unrestricted, scope_filter
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.planning.models.scenarios import Scenario, Team
from roer.portfolio.services import StaleVersion

SCENARIO_FIELDS = ("name", "org_unit", "start_year", "start_quarter", "quarters", "discount_rate")
CENT = Decimal("0.01")


def may_view(user: Any, scenario: Scenario) -> bool:
    return has_capability(user, Capability.VIEW_PORTFOLIO, scenario.org_unit.path)


def may_change_in(user: Any, unit: OrgUnit) -> bool:
    """Creating, solving and applying scenarios: those who may change initiatives or set policy there."""
    return has_capability(user, Capability.CHANGE_INITIATIVE, unit.path) or has_capability(
        user, Capability.MANAGE_POLICY, unit.path
    )


def units_for(user: Any) -> Any:
    """Units where the person may create scenarios (a query set of OrgUnit)."""
    if is_unrestricted(user):
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(
        scope_filter(user, Capability.CHANGE_INITIATIVE, "path") | scope_filter(user, Capability.MANAGE_POLICY, "path")
    ).order_by("path")


def may_change(user: Any, scenario: Scenario) -> bool:
    return may_change_in(user, scenario.org_unit)


def require_change(user: Any, scenario: Scenario) -> None:
    if not may_change(user, scenario):
        raise PermissionDenied(_("You may not change scenarios of %(unit)s.") % {"unit": scenario.org_unit})


def _money(value: Any) -> str:
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def _number(value: Any) -> str:
    """A capacity as plain text without trailing zeros: "10", "2.5" (never "1E+1")."""
    text = format(Decimal(value).normalize(), "f")
    return text if text not in ("-0", "") else "0"


def default_team_units(unit: OrgUnit) -> list[OrgUnit]:
    """One team per unit directly below the scenario's unit; the unit itself when it has none."""
    children = list(OrgUnit.objects.filter(parent=unit).order_by("name"))
    return children or [unit]


def create_scenario(user: Any, values: dict[str, Any], budget: Decimal, capacity: Decimal) -> Scenario:
    """A scenario with the same budget every year and one team per unit below, each with ``capacity`` per quarter."""
    unit: OrgUnit = values["org_unit"]
    if not may_change_in(user, unit):
        raise PermissionDenied(_("You may not create scenarios in %(unit)s.") % {"unit": unit})
    with transaction.atomic():
        scenario = Scenario(created_by=user, **{name: values[name] for name in SCENARIO_FIELDS if name in values})
        scenario.budgets = [_money(budget)] * scenario.years
        scenario.full_clean()
        scenario.save()
        for team_unit in default_team_units(unit):
            Team.objects.create(scenario=scenario, org_unit=team_unit, capacity=[_number(capacity)] * scenario.quarters)
    return scenario


def update_scenario(
    user: Any,
    scenario: Scenario,
    values: dict[str, Any],
    expected_version: int,
    budgets: list[Decimal] | None = None,
    capacities: dict[int, list[Decimal]] | None = None,
) -> Scenario:
    """Change the settings, budgets per year and capacities per team (team pk → per quarter)."""
    require_change(user, scenario)
    with transaction.atomic():
        stored: Scenario = Scenario.objects.select_for_update().select_related("org_unit").get(pk=scenario.pk)
        if stored.version != expected_version:
            raise StaleVersion(stored, expected_version)
        new_unit = values.get("org_unit")
        if new_unit is not None and new_unit.pk != stored.org_unit_id and not may_change_in(user, new_unit):
            raise PermissionDenied(_("You may not move scenarios into %(unit)s.") % {"unit": new_unit})
        for name in SCENARIO_FIELDS:
            if name in values:
                setattr(stored, name, values[name])
        amounts = budgets if budgets is not None else stored.budget_amounts()
        amounts = list(amounts)[: stored.years]
        amounts += [amounts[-1] if amounts else Decimal("0")] * (stored.years - len(amounts))
        stored.budgets = [_money(b) for b in amounts]
        stored.full_clean()
        stored.version += 1
        stored.save()
        for team in stored.teams.all():
            series = (capacities or {}).get(team.pk, team.capacity_amounts(stored.quarters))
            series = list(series)[: stored.quarters]
            series += [series[-1] if series else Decimal("0")] * (stored.quarters - len(series))
            new = [_number(c) for c in series]
            if new != team.capacity:
                team.capacity = new
                team.save()
    return stored


def add_team(user: Any, scenario: Scenario, unit: OrgUnit, capacity: Decimal) -> Team:
    require_change(user, scenario)
    if not unit.path.startswith(scenario.org_unit.path):
        raise PermissionDenied(_("A team must belong to the scenario's unit or a unit below it."))
    with transaction.atomic():
        team = Team(scenario=scenario, org_unit=unit, capacity=[_number(capacity)] * scenario.quarters)
        team.full_clean()
        team.save()
    return team


def remove_team(user: Any, team: Team) -> None:
    require_change(user, team.scenario)
    team.delete()


def create_variant(
    user: Any,
    base: Scenario,
    name: str,
    budget_factor: Decimal = Decimal("1"),
    capacity_factor: Decimal = Decimal("1"),
    remove_team: Team | None = None,
    force_in: list[str] | None = None,
    force_out: list[str] | None = None,
) -> Scenario:
    """A what-if: a copy of ``base`` and its links; budgets, capacities scaled, a team removed, initiatives forced."""
    require_change(user, base)
    changes = []
    if budget_factor != 1:
        changes.append(_("budget × %(factor)s") % {"factor": _number(budget_factor)})
    if capacity_factor != 1:
        changes.append(_("team capacity × %(factor)s") % {"factor": _number(capacity_factor)})
    if remove_team is not None:
        changes.append(_("without team %(team)s") % {"team": remove_team.org_unit.name})
    if force_in:
        changes.append(_("forced in: %(codes)s") % {"codes": ", ".join(force_in)})
    if force_out:
        changes.append(_("left out: %(codes)s") % {"codes": ", ".join(force_out)})
    with transaction.atomic():
        variant = Scenario(
            created_by=user,
            parent=base,
            name=name,
            what_if="; ".join(changes) or _("no changes"),
            budgets=[_money(b * budget_factor) for b in base.budget_amounts()],
            forced_in=sorted(set(base.forced_in) | set(force_in or [])),
            forced_out=sorted((set(base.forced_out) | set(force_out or [])) - set(force_in or [])),
            **{name_: getattr(base, name_) for name_ in SCENARIO_FIELDS if name_ != "name"},
        )
        variant.full_clean()
        variant.save()
        for team in base.teams.select_related("org_unit"):
            if remove_team is not None and team.pk == remove_team.pk:
                continue
            Team.objects.create(
                scenario=variant,
                org_unit=team.org_unit,
                capacity=[_number(c * capacity_factor) for c in team.capacity_amounts(base.quarters)],
            )
        from roer.planning.services.links import copy_links  # links imports require_change from here

        copy_links(base, variant)
    return variant
