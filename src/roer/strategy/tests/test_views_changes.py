"""Pages that change goals, KPIs, measurements and contributions: alice may, bob and charlie may not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.strategy.models import KPI, Contribution, Goal, Measurement
from roer.strategy.tests import page_data


@pytest.fixture
def net(world):
    return page_data.build(world)


@pytest.fixture
def urls(world, net):
    code = world.initiative.code
    contribution = Contribution.objects.get(initiative=world.initiative, goal=net.objective)
    return {
        "goal-create": reverse("strategy:goal-create"),
        "goal-edit": reverse("strategy:goal-edit", args=[net.objective.pk]),
        "kpi-create": reverse("strategy:kpi-create"),
        "kpi-edit": reverse("strategy:kpi-edit", args=[net.satisfaction.pk]),
        "measurement-create": reverse("strategy:kpi-measurement-create", args=[net.satisfaction.pk]),
        "measurement-import": reverse("strategy:measurement-import"),
        "contribution-create": reverse("strategy:contribution-create", args=[code]),
        "contribution-edit": reverse("strategy:contribution-edit", args=[code, contribution.pk]),
        "contribution-delete": reverse("strategy:contribution-delete", args=[code, contribution.pk]),
    }


def _goal_data(goal, **changes):
    data = {
        "org_unit": goal.org_unit_id,
        "level": goal.level,
        "parent": goal.parent_id or "",
        "title": goal.title,
        "description": goal.description,
        "owner": goal.owner_id or "",
        "horizon_start": "",
        "horizon_end": "",
        "version": goal.version,
    }
    data.update(changes)
    return data


def _kpi_data(kpi, goals=(), **changes):
    data = {
        "org_unit": kpi.org_unit_id,
        "name": kpi.name,
        "description": kpi.description,
        "unit_of_measure": kpi.unit_of_measure,
        "direction": kpi.direction,
        "baseline_value": str(kpi.baseline_value),
        "baseline_date": kpi.baseline_date.isoformat(),
        "target_value": str(kpi.target_value),
        "target_date": kpi.target_date.isoformat(),
        "source": kpi.source,
        "frequency": kpi.frequency,
        "goals": [goal.pk for goal in goals],
        "version": kpi.version,
    }
    data.update(changes)
    return data


def test_anonymous_is_sent_to_sign_in(client, urls):
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_outsider_is_refused_everywhere(client, world, urls):
    client.force_login(world.charlie)
    for name, url in urls.items():
        expected = 403 if name in ("goal-create", "kpi-create", "measurement-import") else 404
        assert client.get(url).status_code == expected, name
        assert client.post(url, {"title": "x"}).status_code == expected, name


def test_viewer_may_look_but_not_change(client, world, net, urls):
    client.force_login(world.bob)
    for name, url in urls.items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"title": "x"}).status_code == 403, name
    for url in (reverse("strategy:goal-detail", args=[net.objective.pk]), world.initiative.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "/edit" not in body and "contributions/new" not in body, url


def test_cio_sees_the_change_links(client, world, net):
    client.force_login(world.alice)
    body = client.get(reverse("strategy:goal-detail", args=[net.objective.pk])).content.decode()
    assert reverse("strategy:goal-edit", args=[net.objective.pk]) in body
    assert "?parent=" not in body  # nothing goes below an objective
    # An organisation-wide goal is the ministry's to change, not the department's.
    body = client.get(reverse("strategy:goal-detail", args=[net.strategic.pk])).content.decode()
    assert reverse("strategy:goal-edit", args=[net.strategic.pk]) not in body
    assert f"?parent={net.strategic.pk}" in body
    assert client.get(reverse("strategy:goal-edit", args=[net.strategic.pk])).status_code == 403


def test_create_a_goal_below_another(client, world, net, urls):
    client.force_login(world.alice)
    form = client.get(urls["goal-create"], {"parent": net.strategic.pk}).context["form"]
    assert form.initial["level"] == "objective" and form.initial["parent"] == net.strategic
    data = _goal_data(Goal(org_unit=world.department, level="objective", parent=net.strategic), title="Eén loket")
    data.pop("version")
    response = client.post(urls["goal-create"], data)
    goal = Goal.objects.get(title="Eén loket")
    assert response.status_code == 302 and response["Location"] == goal.get_absolute_url()
    event = AuditEvent.objects.for_object(goal).get()
    assert event.action == "create" and event.actor == world.alice


def test_a_goal_refused_by_the_model_shows_why(client, world, urls):
    client.force_login(world.alice)
    data = _goal_data(Goal(org_unit=world.department, level="objective"), title="Zwevend subdoel")
    data.pop("version")
    response = client.post(urls["goal-create"], data)
    assert response.status_code == 200 and not Goal.objects.filter(title="Zwevend subdoel").exists()
    assert "Please correct the fields marked below." in response.content.decode()


def test_edit_a_goal_and_refuse_a_stale_version(client, world, net, urls):
    client.force_login(world.alice)
    opened = _goal_data(net.objective)
    response = client.post(urls["goal-edit"], {**opened, "title": "Inloggen met één klik"})
    assert response.status_code == 302
    net.objective.refresh_from_db()
    assert net.objective.title == "Inloggen met één klik" and net.objective.version == 2

    # The same form, opened before that save, is refused and shows what differs.
    response = client.post(urls["goal-edit"], {**opened, "title": "Mijn eigen titel"})
    body = response.content.decode()
    assert response.status_code == 200 and "Not saved: someone else changed this meanwhile" in body
    assert "Inloggen met één klik" in body and "Mijn eigen titel" in body
    net.objective.refresh_from_db()
    assert net.objective.title == "Inloggen met één klik"
    # Saving again is a deliberate choice: the form now carries the stored version.
    assert response.context["form"].data["version"] == "2"
    response = client.post(urls["goal-edit"], {**opened, "title": "Mijn eigen titel", "version": 2})
    assert response.status_code == 302


def test_create_and_edit_a_kpi(client, world, net, urls):
    client.force_login(world.alice)
    assert client.get(urls["kpi-create"], {"goal": net.objective.pk}).context["form"].initial["goals"] == [
        str(net.objective.pk)
    ]
    template = KPI(
        org_unit=world.department,
        name="Doorlooptijd aanvragen",
        unit_of_measure="dagen",
        direction="lower",
        baseline_value=Decimal("30"),
        baseline_date=net.shared.baseline_date,
        target_value=Decimal("10"),
        target_date=net.shared.target_date,
        frequency="monthly",
    )
    data = _kpi_data(template, goals=[net.objective], baseline_value="30.5")
    data.pop("version")
    assert client.post(urls["kpi-create"], data).status_code == 302
    kpi = KPI.objects.get(name="Doorlooptijd aanvragen")
    assert kpi.baseline_value == Decimal("30.5") and list(kpi.goals.all()) == [net.objective]

    opened = _kpi_data(net.satisfaction, goals=[net.objective])
    assert client.post(urls["kpi-edit"], {**opened, "target_value": "8"}).status_code == 302
    net.satisfaction.refresh_from_db()
    assert net.satisfaction.target_value == Decimal("8") and net.satisfaction.version == 2
    response = client.post(urls["kpi-edit"], {**opened, "target_value": "9"})
    assert "Not saved: someone else changed this meanwhile" in response.content.decode()
    # A target on the wrong side of the baseline is the service's refusal, shown at its field.
    response = client.post(urls["kpi-edit"], {**opened, "version": 2, "target_value": "1"})
    assert response.status_code == 200 and "wrong side of the baseline" in response.content.decode()


def test_record_a_measurement(client, world, net, urls):
    client.force_login(world.alice)
    data = {"measured_on": "2026-03-31", "value": "7.2", "source": "Enquête", "note": ""}
    response = client.post(urls["measurement-create"], data)
    assert response.status_code == 302 and response["Location"] == net.satisfaction.get_absolute_url()
    assert Measurement.objects.get(kpi=net.satisfaction).value == Decimal("7.2")
    response = client.post(urls["measurement-create"], data)  # the same day again
    assert response.status_code == 200 and Measurement.objects.filter(kpi=net.satisfaction).count() == 1


def _upload(text, name="metingen.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_import_stores_everything_or_nothing(client, world, net, urls):
    client.force_login(world.alice)
    pk = net.satisfaction.pk
    bad = f"kpi,date,value\n{pk},2026-01-31,7.1\nOnbekend,2026-02-28,7.3\n{pk},morgen,x\n"
    response = client.post(urls["measurement-import"], {"file": _upload(bad)})
    body = response.content.decode()
    assert response.status_code == 200 and not Measurement.objects.filter(kpi=net.satisfaction).exists()
    assert "Nothing was stored: the file has" in body
    problems = response.context["problems"]
    assert {(p.row, p.column) for p in problems} >= {(3, "kpi"), (4, "date"), (4, "value")}

    good = f"kpi,date,value\n{net.satisfaction.pk},2026-01-31,7.1\nKlanttevredenheid,2026-02-28,7.3\n"
    response = client.post(urls["measurement-import"], {"file": _upload(good)}, follow=True)
    assert Measurement.objects.filter(kpi=net.satisfaction).count() == 2
    assert "Import done for 1 KPI: 2 added, 0 replaced, 0 unchanged." in response.content.decode()


def test_import_refuses_a_file_of_another_kind(client, world, urls):
    client.force_login(world.alice)
    response = client.post(urls["measurement-import"], {"file": _upload("x", "metingen.pdf")})
    assert response.status_code == 200 and response.context["form"].errors["file"]


def test_contributions_from_the_initiative_page(client, world, net, urls):
    client.force_login(world.alice)
    page = client.get(world.initiative.get_absolute_url()).content.decode()
    assert "Goals served" in page and "Inloggen zonder gedoe" in page and urls["contribution-edit"] in page
    data = {"goal": net.lonely.pk, "kpi": "", "confidence": "low", "weight": "1", "rationale": "Minder post"}
    assert client.post(urls["contribution-create"], data).status_code == 302
    added = Contribution.objects.get(initiative=world.initiative, goal=net.lonely)

    edit = reverse("strategy:contribution-edit", args=[world.initiative.code, added.pk])
    assert client.post(edit, {**data, "weight": "3"}).status_code == 302
    added.refresh_from_db()
    assert added.weight == Decimal("3")
    # An expected change needs the KPI it changes: the model's refusal comes back on the form.
    response = client.post(edit, {**data, "expected_change": "5"})
    assert response.status_code == 200 and "An expected change needs the KPI it changes." in response.content.decode()

    delete = reverse("strategy:contribution-delete", args=[world.initiative.code, added.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302 and not Contribution.objects.filter(pk=added.pk).exists()


def test_the_last_contribution_of_a_running_initiative_stays(client, world, net):
    client.force_login(world.alice)
    only = Contribution.objects.get(initiative=net.closed)
    net.closed.phase = "execution"
    net.closed.save()
    response = client.post(reverse("strategy:contribution-delete", args=[net.closed.code, only.pk]))
    assert response.status_code == 200 and Contribution.objects.filter(pk=only.pk).exists()
    assert 'role="alert"' in response.content.decode()


def test_a_closed_initiative_shows_its_realised_effect(client, world, net):
    client.force_login(world.bob)
    body = client.get(net.closed.get_absolute_url()).content.decode()
    assert "Realised effects" in body and "180%" in body


def test_every_choice_can_be_chosen(client, world, net, urls):
    client.force_login(world.alice)
    body = client.get(urls["goal-edit"]).content.decode()
    assert '<option value="objective" selected>' in body and '<option value="ambition">' in body
    body = client.get(urls["kpi-edit"]).content.decode()
    assert '<option value="higher" selected>' in body and '<option value="quarterly" selected>' in body
    body = client.get(urls["contribution-edit"]).content.decode()
    assert '<option value="high" selected>' in body and '<option value="low">' in body
