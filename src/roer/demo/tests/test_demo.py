"""The demo command: deterministic, idempotent, complete, and audited as command-line work."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.demo.data.people import DEMO_PASSWORD
from roer.demo.large import PREFIX, add_large_portfolio
from roer.demo.large_network import add_large_network
from roer.organisation.models import OrgUnit, OrgUnitKind, Person, RoleAssignment
from roer.organisation.roles import Role
from roer.portfolio.models import CostLine, Initiative, Phase, PublicationVersion
from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "units": OrgUnit.objects.count(),
        "people": Person.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "initiatives": Initiative.objects.count(),
        "goals": Goal.objects.count(),
        "KPIs": KPI.objects.count(),
        "goal links": GoalKpi.objects.count(),
        "measurements": Measurement.objects.count(),
        "contributions": Contribution.objects.count(),
        "cost lines": CostLine.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def snapshot() -> list[tuple[str, str, str, str | None, str | None]]:
    return list(
        Initiative.objects.order_by("code").values_list(
            "code", "org_unit__code", "phase", "sponsor__username", "manager__username"
        )
    )


def test_demo_is_idempotent_and_deterministic() -> None:
    output = run_demo()
    first, rows = counts(), snapshot()
    assert "roer-demo-2026" in output and "marieke" in output

    second_output = run_demo()

    assert counts() == first  # no duplicates, and no audit events for rows that were already there
    assert snapshot() == rows
    assert "nothing added" in second_output


def test_demo_has_the_promised_shape() -> None:
    run_demo()
    ministry = OrgUnit.objects.get(code="bdz")
    departments = ministry.children.filter(kind=OrgUnitKind.DEPARTMENT)
    assert departments.count() == 4
    assert all(d.children.filter(kind=OrgUnitKind.DIRECTORATE).exists() for d in departments)
    assert ministry.children.filter(kind=OrgUnitKind.SHARED_SERVICE).count() == 1

    assert set(RoleAssignment.objects.values_list("role", flat=True)) == set(Role)
    mandate = RoleAssignment.objects.get(role=Role.MANDATE_HOLDER)
    assert mandate.org_unit == ministry
    current_cios = RoleAssignment.objects.active_on(timezone.localdate()).filter(
        role=Role.CIO, org_unit__in=departments
    )
    assert current_cios.count() == 4

    in_ministry = Initiative.objects.filter(org_unit__path__startswith=ministry.path)
    assert 35 <= in_ministry.count() <= 45
    assert set(in_ministry.values_list("phase", flat=True)) == set(Phase)
    open_work = in_ministry.exclude(phase__in=[Phase.CLOSED, Phase.STOPPED])
    assert open_work.filter(problem_statement="").exists(), "the home page's gaps need examples"
    assert open_work.filter(manager__isnull=True).exists()


def test_outsider_organisation_is_separate() -> None:
    run_demo()
    municipality = OrgUnit.objects.get(code="dijkhaven")
    assert municipality.parent is None
    marieke, femke = Person.objects.get(username="marieke"), Person.objects.get(username="femke")

    ministry_view = set(Initiative.objects.for_user(marieke).values_list("code", flat=True))
    municipality_view = set(Initiative.objects.for_user(femke).values_list("code", flat=True))

    assert ministry_view and municipality_view
    assert not any(code.startswith("DIJKHAVEN") for code in ministry_view)
    assert all(code.startswith("DIJKHAVEN") for code in municipality_view)


def test_demo_logins_work_and_the_superuser_exists() -> None:
    run_demo()
    assert Person.objects.get(username="thomas").check_password(DEMO_PASSWORD)
    beheer = Person.objects.get(username="beheer")
    assert beheer.is_superuser and beheer.is_staff


def test_demo_changes_are_audited_as_command_line_work() -> None:
    run_demo()
    events = AuditEvent.objects.filter(content_type__model="initiative")
    # One creation per initiative, one phase change for each that is past the idea phase,
    # and one change for each that is marked for the public overview.
    assert events.filter(action="create").count() == Initiative.objects.count()
    expected_updates = (
        Initiative.objects.exclude(phase=Phase.IDEA).count() + Initiative.objects.filter(public=True).count()
    )
    assert events.filter(action="update").count() == expected_updates
    for model in (Goal, KPI, Measurement, Contribution, CostLine, PublicationVersion):
        audited = AuditEvent.objects.filter(content_type__model=model._meta.model_name, action="create")
        assert audited.count() == model._default_manager.count() > 0, model
    assert set(AuditEvent.objects.values_list("source", "actor_label")) == {(Source.COMMAND, "command:demo")}


def test_once_loads_nothing_when_present_and_keeps_edits() -> None:
    run_demo()
    initiative = Initiative.objects.get(code="BDZ-0001")
    initiative.name = "Hernoemd door een gebruiker"
    initiative.save()
    before = counts()

    output = run_demo("--once")

    assert "loaded already" in output
    assert counts() == before
    assert Initiative.objects.get(code="BDZ-0001").name == "Hernoemd door een gebruiker"


def test_bad_size_is_refused_with_a_message() -> None:
    with pytest.raises(CommandError, match="invalid choice: 'huge'"):
        run_demo("--size", "huge")


def test_refuses_production_settings_unless_told() -> None:
    with override_settings(SETTINGS_MODULE="roer.conf.production"):
        with pytest.raises(CommandError, match="production"):
            run_demo()
        run_demo("--allow-production")
    assert OrgUnit.objects.filter(code="bdz").exists()


def test_large_portfolio_is_bulk_loaded_once_with_one_summary_event() -> None:
    run_demo()
    events_before = AuditEvent.objects.count()

    with acting(source=Source.COMMAND, label="command:demo"):
        assert add_large_portfolio(300, progress=False) == 300
        first = list(
            Initiative.objects.filter(code__startswith=PREFIX).order_by("code").values_list("code", "name", "phase")
        )
        assert add_large_portfolio(300, progress=False) == 0

    assert len(first) == 300
    assert len({phase for _, _, phase in first}) >= 6
    summary = AuditEvent.objects.order_by("-pk").first()
    assert AuditEvent.objects.count() == events_before + 1
    assert summary is not None and summary.after is not None
    assert summary.after["count"] == 300 and summary.source == Source.COMMAND


def test_large_size_adds_ten_thousand() -> None:
    output = run_demo("--size", "large", "--verbosity", "0")
    generated = Initiative.objects.filter(code__startswith=PREFIX)
    assert generated.count() == 10_000
    assert "Large demo network:" in output and "cost lines" in output
    assert 200 <= KPI.objects.filter(name__contains="(L-").count() <= 400
    assert Measurement.objects.count() <= 100_000
    with_goal = generated.filter(contributions__isnull=False).distinct().count()
    assert 0.85 * 10_000 <= with_goal <= 0.95 * 10_000
    assert "complete already" in run_demo("--size", "large", "--verbosity", "0")


def test_large_network_is_bulk_loaded_once_with_a_summary_event_per_kind() -> None:
    run_demo()
    today = timezone.localdate()
    with acting(source=Source.COMMAND, label="command:demo"):
        add_large_portfolio(300, progress=False)
        events_before = AuditEvent.objects.count()
        added = add_large_network(300, progress=False, today=today)
        before = counts()
        assert add_large_network(300, progress=False, today=today) == {}
    assert counts() == before
    assert set(added) == {"goals", "KPIs", "goal links", "measurements", "contributions", "cost lines"}
    summaries = AuditEvent.objects.filter(pk__gt=0).order_by("-pk")[: len(added)]
    assert AuditEvent.objects.count() == events_before + len(added)
    assert {event.after["count"] for event in summaries if event.after} == set(added.values())
    generated = Initiative.objects.filter(code__startswith=PREFIX)
    past_idea = generated.exclude(phase__in=[Phase.IDEA, Phase.STOPPED])
    assert not past_idea.filter(contributions__isnull=True, mandatory=False).exists()  # the intake rule holds
    assert not generated.filter(mandatory=True, legal_basis="").exists()
    assert not generated.filter(
        phase__in=[Phase.APPROVED, Phase.EXECUTION, Phase.LIVE, Phase.CLOSED], cost_lines__isnull=True
    ).exists()


def test_every_demo_login_reaches_its_pages(client: Client) -> None:
    run_demo()
    for person in Person.objects.all():
        client.force_login(person)
        for url in ("/", "/initiatives/"):
            response = client.get(url)
            assert response.status_code == 200, f"{person.username} {url}"
    client.force_login(Person.objects.get(username="femke"))
    assert b"BDZ-0001" not in client.get("/initiatives/").content
    assert b"DIJKHAVEN-0001" in client.get("/initiatives/").content
