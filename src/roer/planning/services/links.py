"""Adding and removing a scenario's dependencies and groups: permission checked, validated, audited.

Each change locks the scenario row, so two people linking at once are validated one after
the other (two halves of a cycle cannot both pass). The scenario's ``version`` guards its
settings form only; links are checked against what is stored when they are saved, so an
out-of-date page cannot add a cycle or a contradiction. Errors are ``ValidationError``s
keyed by form field (``before``, ``after``, ``members``), so pages show them at the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.planning.models.links import GroupKind, ScenarioGroup, ScenarioGroupMember, ScenarioLink
from roer.planning.models.scenarios import Scenario
from roer.planning.services.build import eligible_initiatives
from roer.planning.services.link_checks import find_contradiction, find_cycle
from roer.planning.services.scenarios import require_change
from roer.portfolio.models import Initiative


def _locked(scenario: Scenario) -> Scenario:
    locked: Scenario = Scenario.objects.select_for_update().select_related("org_unit").get(pk=scenario.pk)
    return locked


def _require_candidates(scenario: Scenario, fields: dict[str, Iterable[Initiative]]) -> None:
    eligible = set(
        eligible_initiatives(scenario)
        .filter(pk__in=[i.pk for chosen in fields.values() for i in chosen])
        .values_list("pk", flat=True)
    )
    errors: dict[str, str] = {}
    for field, chosen in fields.items():
        outside = sorted(i.code for i in chosen if i.pk not in eligible)
        if outside:
            errors[field] = _(
                "%(codes)s is not a candidate of this scenario: it must belong to %(unit)s or a unit below it "
                "and not be closed or stopped."
            ) % {"codes": ", ".join(outside), "unit": scenario.org_unit.name}
    if errors:
        raise ValidationError(errors)


def stored_links(scenario: Scenario) -> tuple[list[tuple[str, str]], list[list[str]], list[list[str]]]:
    """The scenario's dependencies (before, after) and its exclusive and together groups, as codes."""
    dependencies = list(scenario.links.values_list("before__code", "after__code"))
    groups: dict[int, tuple[str, list[str]]] = {}
    for group_id, kind, code in ScenarioGroupMember.objects.filter(group__scenario=scenario).values_list(
        "group_id", "group__kind", "initiative__code"
    ):
        groups.setdefault(group_id, (kind, []))[1].append(code)
    exclusive = [sorted(codes) for kind, codes in groups.values() if kind == GroupKind.EXCLUSIVE]
    together = [sorted(codes) for kind, codes in groups.values() if kind == GroupKind.TOGETHER]
    return dependencies, exclusive, together


def _contradiction_text(pair: tuple[str, str]) -> str:
    return _(
        "%(first)s needs %(second)s (directly or through other links), but they are exclusive alternatives: "
        "neither could be funded with the other."
    ) % {"first": pair[0], "second": pair[1]}


def add_dependency(user: Any, scenario: Scenario, before: Initiative, after: Initiative) -> ScenarioLink:
    """``before`` must be finished before ``after`` starts."""
    require_change(user, scenario)
    if before.pk == after.pk:
        raise ValidationError({"after": _("An initiative cannot depend on itself.")})
    with transaction.atomic():
        scenario = _locked(scenario)
        _require_candidates(scenario, {"before": [before], "after": [after]})
        dependencies, exclusive, together = stored_links(scenario)
        if (before.code, after.code) in dependencies:
            raise ValidationError(
                {
                    "after": _("This dependency exists already: %(before)s before %(after)s.")
                    % {"before": before.code, "after": after.code}
                }
            )
        dependencies.append((before.code, after.code))
        cycle = find_cycle(dependencies)
        if cycle is not None:
            start = cycle.index(before.code) if before.code in cycle else 0  # read it from the new link
            cycle = cycle[start:-1] + cycle[:start] + [cycle[start]]
            raise ValidationError(
                {"before": _("This dependency would make a cycle: %(cycle)s.") % {"cycle": " → ".join(cycle)}}
            )
        pair = find_contradiction(dependencies, exclusive, together)
        if pair is not None:
            raise ValidationError({"before": _contradiction_text(pair)})
        link = ScenarioLink(scenario=scenario, before=before, after=after)
        link.full_clean()
        link.save()
    return link


def remove_dependency(user: Any, link: ScenarioLink) -> None:
    require_change(user, link.scenario)
    with transaction.atomic():
        _locked(link.scenario)
        link.delete()


def add_group(user: Any, scenario: Scenario, kind: str, members: Iterable[Initiative], name: str = "") -> ScenarioGroup:
    """An exclusive group (at most one funded) or a together group (all or none)."""
    require_change(user, scenario)
    if kind not in GroupKind.values:
        raise ValidationError({"kind": _("Choose at most one or all or none.")})
    distinct = sorted({i.pk: i for i in members}.values(), key=lambda i: i.code)
    if len(distinct) < 2:
        raise ValidationError({"members": _("A group needs at least two different initiatives.")})
    codes = [i.code for i in distinct]
    with transaction.atomic():
        scenario = _locked(scenario)
        _require_candidates(scenario, {"members": distinct})
        dependencies, exclusive, together = stored_links(scenario)
        same_kind = exclusive if kind == GroupKind.EXCLUSIVE else together
        if codes in same_kind:
            raise ValidationError({"members": _("This group exists already: %(codes)s.") % {"codes": ", ".join(codes)}})
        same_kind.append(codes)
        pair = find_contradiction(dependencies, exclusive, together)
        if pair is not None:
            raise ValidationError({"members": _contradiction_text(pair)})
        group = ScenarioGroup(scenario=scenario, kind=kind, name=name.strip())
        group.full_clean()
        group.save()
        for initiative in distinct:
            ScenarioGroupMember.objects.create(group=group, initiative=initiative)
    return group


def remove_group(user: Any, group: ScenarioGroup) -> None:
    """The group with its members (the cascade records each member's removal in the audit trail too)."""
    require_change(user, group.scenario)
    with transaction.atomic():
        _locked(group.scenario)
        group.delete()


def copy_links(source: Scenario, target: Scenario) -> None:
    """Give ``target`` (a new what-if variant) the same dependencies and groups as ``source``."""
    for link in source.links.all():
        ScenarioLink.objects.create(scenario=target, before_id=link.before_id, after_id=link.after_id)
    for group in source.groups.prefetch_related("members"):
        copy = ScenarioGroup.objects.create(scenario=target, kind=group.kind, name=group.name)
        for member in group.members.all():
            ScenarioGroupMember.objects.create(group=copy, initiative_id=member.initiative_id)
