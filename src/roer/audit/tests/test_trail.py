"""The audit trail records every create, update and delete with before and after values."""

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.organisation.models import Person
from roer.portfolio.models import Initiative


def test_create_update_delete_are_recorded_with_values(world):
    with acting(actor=world.alice, source=Source.COMMAND, label="command:test"):
        initiative = Initiative.objects.create(code="MINBZ-0050", name="Eerste naam", org_unit=world.department)
        initiative.name = "Tweede naam"
        initiative.save()
        pk = initiative.pk
        initiative.delete()
    events = list(AuditEvent.objects.filter(object_id=str(pk), content_type__model="initiative").order_by("pk"))
    assert [e.action for e in events] == ["create", "update", "delete"]
    created, updated, deleted = events
    assert created.before is None and created.after["name"] == "Eerste naam"
    assert updated.before["name"] == "Eerste naam" and updated.after["name"] == "Tweede naam"
    assert updated.changed_fields == ["name", "updated_at"]
    assert deleted.before["name"] == "Tweede naam" and deleted.after is None
    assert all(e.actor == world.alice and e.source == "command" for e in events)
    assert all(e.scope_path == world.department.path for e in events)


def test_saving_without_changes_records_nothing(world):
    before = AuditEvent.objects.count()
    unit = world.department
    unit.save()
    assert AuditEvent.objects.count() == before


def test_without_a_person_the_channel_is_named(world):
    with acting(source=Source.COMMAND, label="command:demo"):
        world.department.name = "DG Digitale Overheid en Samenleving"
        world.department.save()
    event = AuditEvent.objects.for_object(world.department).latest("pk")
    assert event.actor is None and event.actor_label == "command:demo" and event.source == "command"


def test_passwords_are_masked(world):
    person = Person.objects.get(username="bob")
    person.set_password("a-new-secret-password")
    person.save()
    event = AuditEvent.objects.for_object(person).latest("pk")
    assert event.changed_fields == ["password"]
    assert event.before["password"] == event.after["password"] == "********"
    assert "a-new-secret" not in str(event.after)


def test_auditors_see_events_of_their_scope_only(world):
    world.other_org.name = "Gemeente Elders"
    world.other_org.save()
    visible = AuditEvent.objects.for_user(world.audrey)
    assert visible.filter(object_repr__contains="Regie op gegevens").exists()
    assert not visible.filter(object_repr="Gemeente Elders").exists()
    assert not AuditEvent.objects.for_user(world.alice).exists()


def test_creating_an_org_unit_is_one_event_with_its_full_path(world):
    from roer.organisation.models import OrgUnit

    unit = OrgUnit.objects.create(code="dir-nieuw", name="Directie Nieuw", kind="directorate", parent=world.department)
    events = list(AuditEvent.objects.for_object(unit))
    assert [e.action for e in events] == ["create"]
    assert events[0].after["path"] == unit.path and events[0].scope_path == unit.path


def test_a_decimal_saved_unchanged_is_no_change(world):
    import datetime
    from decimal import Decimal

    from roer.strategy.models import KPI

    kpi = KPI.objects.create(
        org_unit=world.department,
        name="Doorlooptijd",
        unit_of_measure="dagen",
        direction="lower",
        baseline_value=Decimal("52.5"),
        baseline_date=datetime.date(2025, 1, 1),
        target_value=Decimal("30"),
        target_date=datetime.date(2027, 1, 1),
        frequency="monthly",
    )
    created = AuditEvent.objects.for_object(kpi).get()
    assert created.after["baseline_value"] == "52.5000"
    stored = KPI.objects.get(pk=kpi.pk)
    stored.baseline_value = Decimal("52.5")  # as a form would give it
    stored.save()
    assert AuditEvent.objects.for_object(kpi).count() == 1
