"""A scenario's links: every validation, the audit trail, cycles and contradictions, variants."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.planning.models import GroupKind, ScenarioGroup, ScenarioGroupMember, ScenarioLink
from roer.planning.services.link_checks import find_contradiction, find_cycle
from roer.planning.services.links import add_dependency, add_group, remove_dependency, remove_group, stored_links
from roer.planning.services.scenarios import create_variant
from roer.planning.tests.scenario_setup import portfolio, scenario
from roer.portfolio.models import Phase
from roer.portfolio.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    items = portfolio(world)
    return scenario(world), items


def _error(excinfo: pytest.ExceptionInfo[ValidationError], field: str) -> str:
    return " ".join(excinfo.value.message_dict[field])


# The pure checks


def test_find_cycle_reports_the_cycle_in_order():
    assert find_cycle([("A", "B"), ("B", "C")]) is None
    assert find_cycle([("A", "B"), ("B", "C"), ("C", "A")]) == ["A", "B", "C", "A"]
    assert find_cycle([("X", "Y"), ("B", "C"), ("C", "B")]) == ["B", "C", "B"]


def test_find_contradiction_follows_dependencies_and_together_groups():
    assert find_contradiction([("A", "B")], [["A", "C"]], []) is None
    assert find_contradiction([("A", "B")], [["A", "B"]], []) == ("B", "A"), "B needs A"
    assert find_contradiction([], [["A", "B"]], [["A", "B"]]) == ("A", "B")
    assert find_contradiction([("C", "B")], [["A", "C"]], [["A", "B"]]) == ("A", "C"), "A needs B needs C"


# Dependencies


def test_a_dependency_is_stored_and_audited(world, setup):
    base, items = setup
    with acting(world.alice, Source.WEB):
        link = add_dependency(world.alice, base, items["c"], items["a"])
    assert stored_links(base) == ([("MINBZ-0004", "MINBZ-0001")], [], [])
    event = AuditEvent.objects.for_object(link).get()
    assert event.action == "create" and event.actor == world.alice
    assert event.after["before"] == items["c"].pk and event.scope_path == base.org_unit.path
    with acting(world.alice, Source.WEB):
        remove_dependency(world.alice, ScenarioLink.objects.get(pk=link.pk))
    assert not ScenarioLink.objects.exists()
    assert AuditEvent.objects.for_object(link).filter(action="delete", actor=world.alice).exists()


def test_no_self_dependency(world, setup):
    base, items = setup
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["a"], items["a"])
    assert "cannot depend on itself" in _error(excinfo, "after")


def test_no_duplicate_dependency(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["c"], items["a"])
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["c"], items["a"])
    assert "exists already" in _error(excinfo, "after")
    assert ScenarioLink.objects.count() == 1


def test_a_cycle_is_refused_with_its_codes(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["a"], items["b"])
    add_dependency(world.alice, base, items["b"], items["c"])
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["c"], items["a"])
    assert "MINBZ-0004 → MINBZ-0001 → MINBZ-0003 → MINBZ-0004" in _error(excinfo, "before")
    assert ScenarioLink.objects.count() == 2, "nothing half-saved"


def test_both_ends_must_be_candidates(world, setup):
    base, items = setup
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["closed"], items["a"])
    assert "MINBZ-0005 is not a candidate" in _error(excinfo, "before")
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["a"], world.other_initiative)
    assert world.other_initiative.code in _error(excinfo, "after")
    stopped = InitiativeFactory(code="MINBZ-0009", org_unit=world.directorate, phase=Phase.STOPPED)
    with pytest.raises(ValidationError):
        add_dependency(world.alice, base, items["a"], stopped)
    # Undated initiatives are in the unit and open: they may be linked, the build skips the link.
    add_dependency(world.alice, base, items["undated"], items["a"])


def test_a_viewer_and_an_outsider_may_not_link(world, setup):
    base, items = setup
    for person in (world.bob, world.charlie):
        with pytest.raises(PermissionDenied):
            add_dependency(person, base, items["c"], items["a"])
        with pytest.raises(PermissionDenied):
            add_group(person, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    link = add_dependency(world.alice, base, items["c"], items["a"])
    group = add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    with pytest.raises(PermissionDenied):
        remove_dependency(world.bob, link)
    with pytest.raises(PermissionDenied):
        remove_group(world.bob, group)


# Groups


def test_a_group_is_stored_with_its_members_and_audited(world, setup):
    base, items = setup
    with acting(world.alice, Source.WEB):
        group = add_group(world.alice, base, GroupKind.TOGETHER, [items["b"], items["a"]], name=" Programma ")
    assert group.name == "Programma"
    assert stored_links(base) == ([], [], [["MINBZ-0001", "MINBZ-0003"]])
    assert AuditEvent.objects.for_object(group).get().after["kind"] == "together"
    members = list(group.members.all())
    assert all(AuditEvent.objects.for_object(m).filter(action="create", actor=world.alice) for m in members)
    with acting(world.alice, Source.WEB):
        remove_group(world.alice, group)
    assert not ScenarioGroup.objects.exists() and not ScenarioGroupMember.objects.exists()
    for member in members:
        assert AuditEvent.objects.for_object(member).filter(action="delete").exists()


def test_a_group_needs_two_distinct_members(world, setup):
    base, items = setup
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["a"]])
    assert "at least two different" in _error(excinfo, "members")
    with pytest.raises(ValidationError):
        add_group(world.alice, base, GroupKind.EXCLUSIVE, [])
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, "sometimes", [items["a"], items["b"]])
    assert "kind" in excinfo.value.message_dict


def test_group_members_must_be_candidates(world, setup):
    base, items = setup
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["closed"], world.other_initiative])
    assert "MINBZ-0005" in _error(excinfo, "members") and world.other_initiative.code in _error(excinfo, "members")
    assert not ScenarioGroup.objects.exists()


def test_no_duplicate_group(world, setup):
    base, items = setup
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["b"], items["a"]])
    assert "exists already" in _error(excinfo, "members")
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"], items["c"]])


def test_together_with_what_it_excludes_is_a_contradiction(world, setup):
    base, items = setup
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]])
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["b"]])
    assert "exclusive alternatives" in _error(excinfo, "members")
    # Through a dependency: b needs a, and a, b exclude each other.
    with pytest.raises(ValidationError) as excinfo:
        add_dependency(world.alice, base, items["a"], items["b"])
    assert "MINBZ-0003 needs MINBZ-0001" in _error(excinfo, "before")
    assert not ScenarioLink.objects.exists() and ScenarioGroup.objects.count() == 1


def test_excluding_what_one_needs_is_a_contradiction(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["c"], items["a"])
    add_group(world.alice, base, GroupKind.TOGETHER, [items["a"], items["b"]])
    with pytest.raises(ValidationError) as excinfo:
        add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["b"], items["c"]])
    assert "MINBZ-0003 needs MINBZ-0004" in _error(excinfo, "members")


# Variants


def test_a_variant_copies_the_links(world, setup):
    base, items = setup
    add_dependency(world.alice, base, items["c"], items["a"])
    add_group(world.alice, base, GroupKind.EXCLUSIVE, [items["a"], items["b"]], name="Alternatieven")
    variant = create_variant(world.alice, base, "Minder budget", force_out=["MINBZ-0003"])
    assert stored_links(variant) == stored_links(base)
    assert variant.groups.get().name == "Alternatieven"
    remove_dependency(world.alice, variant.links.get())
    assert base.links.count() == 1, "the variant's links are its own"
