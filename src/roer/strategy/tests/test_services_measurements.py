"""Measurements one at a time through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory
from roer.strategy.models import Measurement
from roer.strategy.services import add_measurement, create_kpi, delete_measurement, update_measurement
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")

DAY = datetime.date(2025, 3, 31)


def _values(**extra: object) -> dict[str, object]:
    return {"measured_on": DAY, "value": Decimal("52.5"), "source": "CBS", **extra}


def test_alice_records_a_measurement_and_it_is_audited(world: World, goals: Goals) -> None:
    with acting(actor=world.alice, source=Source.WEB):
        measurement = add_measurement(world.alice, goals.kpi, _values(note="Eerste meting"))
    assert (measurement.kpi, measurement.value, measurement.note) == (goals.kpi, Decimal("52.5"), "Eerste meting")
    event = AuditEvent.objects.for_object(measurement).get()
    assert (event.action, event.actor, event.after["value"]) == ("create", world.alice, "52.5000")


def test_a_data_officer_records_measurements_but_does_not_manage_kpis(world: World, goals: Goals) -> None:
    officer = PersonFactory(username="dora")
    RoleAssignmentFactory(person=officer, role=Role.DATA_OFFICER, org_unit=world.department)
    assert add_measurement(officer, goals.kpi, _values()).pk
    with pytest.raises(PermissionDenied):
        create_kpi(officer, {"org_unit": world.department, "name": "X"})


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_viewers_and_outsiders_may_not_record(world: World, goals: Goals, who: str) -> None:
    with pytest.raises(PermissionDenied, match="You may not record measurements for the KPI"):
        add_measurement(getattr(world, who), goals.kpi, _values())


def test_alice_may_not_record_for_the_organisation_kpi_she_can_see(world: World, goals: Goals) -> None:
    with pytest.raises(PermissionDenied):
        add_measurement(world.alice, goals.org_kpi, _values())
    assert add_measurement(world.frank, goals.org_kpi, _values()).pk


def test_one_measurement_per_kpi_and_day_and_none_in_the_future(world: World, goals: Goals) -> None:
    add_measurement(world.alice, goals.kpi, _values())
    with pytest.raises(ValidationError, match="already a measurement") as info:
        add_measurement(world.alice, goals.kpi, _values(value=Decimal("1")))
    assert set(info.value.message_dict) == {"measured_on"}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="future"):
        add_measurement(world.alice, goals.kpi, _values(measured_on=tomorrow))
    with pytest.raises(ValidationError) as info:
        add_measurement(world.alice, goals.kpi, _values(measured_on=DAY.replace(day=1), value=Decimal("1.23456")))
    assert set(info.value.message_dict) == {"value"}
    assert Measurement.objects.count() == 1


def test_correcting_and_deleting(world: World, goals: Goals) -> None:
    first = add_measurement(world.alice, goals.kpi, _values())
    second = add_measurement(world.alice, goals.kpi, _values(measured_on=DAY.replace(month=6, day=30)))
    with pytest.raises(ValidationError, match="already a measurement"):
        update_measurement(world.alice, second, {"measured_on": DAY})
    with acting(actor=world.alice, source=Source.WEB):
        saved = update_measurement(world.alice, first, {"value": Decimal("53"), "kpi": goals.org_kpi})
    assert (saved.value, saved.kpi) == (Decimal("53"), goals.kpi)  # the KPI stays
    event = AuditEvent.objects.for_object(first).get(action="update")
    assert (event.before["value"], event.after["value"]) == ("52.5000", "53.0000")
    with pytest.raises(PermissionDenied):
        delete_measurement(world.bob, first)
    delete_measurement(world.alice, first)
    assert list(Measurement.objects.all()) == [second]
    assert AuditEvent.objects.filter(content_type__model="measurement", action="delete").count() == 1
