"""The demo's planning scenario: made once, with validated links the optimiser receives."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from roer.audit.models import AuditEvent
from roer.planning.models import Scenario, ScenarioGroup, ScenarioLink
from roer.planning.optimiser import check, optimise, parse_scenario
from roer.planning.services.build import build

pytestmark = pytest.mark.django_db


def test_the_demo_scenario_carries_links() -> None:
    call_command("demo", stdout=StringIO())
    scenario = Scenario.objects.get(org_unit__code="bdz")
    assert scenario.name.startswith("Portfolioplan ")
    assert set(scenario.links.values_list("before__code", "after__code")) == {
        ("BDZ-0006", "BDZ-0010"),
        ("BDZ-0006", "BDZ-0026"),
    }
    assert set(scenario.groups.values_list("kind", "name")) == {
        ("exclusive", "Eerste afnemer van het federatief datastelsel"),
        ("together", "Programma Digitale Werkplek"),
    }
    built = build(scenario)
    assert built.data["dependencies"] == [
        {"before": "BDZ-0006", "after": "BDZ-0010"},
        {"before": "BDZ-0006", "after": "BDZ-0026"},
    ]
    assert built.data["exclusive"] == [["BDZ-0010", "BDZ-0026"]]
    assert built.data["together"] == [["BDZ-0034", "BDZ-0038"]]
    assert not [item for item in built.skipped if item.get("link")], "every demo link reaches the optimiser"
    plan = optimise(parse_scenario(built.data), time_limit=10)
    assert check(built.data, plan.to_json()) == []
    for link in ScenarioLink.objects.all():
        assert AuditEvent.objects.for_object(link).filter(actor_label="command:demo").exists()
    output = StringIO()
    call_command("demo", stdout=output)
    assert Scenario.objects.count() == 1 and ScenarioGroup.objects.count() == 2, "added once"
