import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.portfolio.models import Baseline, EarlyWarning, GateReview, Lever, Phase, PortfolioPolicy, StatusReport
from roer.portfolio.services.baselines import record_baseline
from roer.portfolio.services.warnings import refresh_warnings
from roer.portfolio.tests.factories import InitiativeFactory

D = datetime.date


def url(name, world, **query):
    target = reverse(f"portfolio:{name}", args=[world.initiative.code])
    return target + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def gate_post(gate="intake", outcome="passed", score=3, **extra):
    data = {"gate": gate, "outcome": outcome, "held_on": "2026-03-01", **extra}
    for lever in Lever:
        data[f"{lever.value}_score"] = str(score)
        data[f"{lever.value}_evidence"] = "Plan gezien"
        data[f"{lever.value}_waiver"] = ""
    return data


REPORT = {
    "period_end": "2026-03-31",
    "cost": "green",
    "schedule": "green",
    "scope": "green",
    "risk": "amber",
    "overall": "green",
    "narrative": "Op koers.",
}


@pytest.fixture
def ready(world):
    world.initiative.mandatory, world.initiative.legal_basis = True, "Wet digitale overheid"
    world.initiative.save()
    return world


def test_pages_refuse_outsider_and_viewer(client, world):
    client.force_login(world.charlie)
    for name in ("gate-list", "gate-create", "baseline-list", "baseline-create", "report-list", "report-create"):
        assert client.get(url(name, world)).status_code == 404, name
    client.force_login(world.bob)
    for name in ("gate-list", "baseline-list", "report-list"):
        assert client.get(url(name, world)).status_code == 200, name
    for name in ("gate-create", "baseline-create", "report-create", "opinion-create"):
        assert client.get(url(name, world)).status_code == 403, name
        assert client.post(url(name, world), {}).status_code == 403, name


def test_alice_records_a_gate_review_and_the_phase_moves(client, ready):
    world = ready
    client.force_login(world.alice)
    assert client.get(url("gate-create", world)).status_code == 200
    data = gate_post(reviewer=world.alice.pk)
    response = client.post(url("gate-create", world), data)
    assert response.status_code == 302
    world.initiative.refresh_from_db()
    assert world.initiative.phase == Phase.INTAKE
    assert AuditEvent.objects.filter(content_type__model="gatereview", action="create").count() == 1
    body = client.get(url("gate-list", world)).content.decode()
    assert "Users involved before the solution exists" in body


def test_approval_without_waiver_shows_the_levers(client, ready):
    world = ready
    client.force_login(world.alice)
    data = gate_post(gate="approval", score=3, reviewer=world.alice.pk)
    data["adoption_score"] = "1"
    body = client.post(url("gate-create", world), data).content.decode()
    assert "Training and support after go-live" in body and not GateReview.objects.exists()
    data["adoption_waiver"] = "Besluit stuurgroep: training in fase 2."
    assert client.post(url("gate-create", world), data).status_code == 302
    assert GateReview.objects.get().levers.get(lever="adoption").waived_by == world.alice


def test_baselines_pages_show_initial_and_latest(client, world):
    client.force_login(world.alice)
    data = {
        "recorded_on": "2025-01-01",
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "amount_hardware": "100000",
    }
    assert client.post(url("baseline-create", world), data).status_code == 302
    data.update(recorded_on="2025-06-01", amount_hardware="150000", end_date="2026-12-31")
    form = client.post(url("baseline-create", world), data).context["form"]
    assert set(form.errors) == {"reason", "decision_reference"}
    data.update(reason="Meer servers", decision_reference="SC-12")
    body = client.post(url("baseline-create", world), data).content.decode()
    assert "The total cost changes: explain why." in body, [
        line for line in body.splitlines() if "alert" in line or "error" in line
    ]
    data.update(cost_change_explanation="Extra opslag")
    assert client.post(url("baseline-create", world), data).status_code == 302
    body = client.get(url("baseline-list", world)).content.decode()
    assert "Meer servers" in body and "+50%" in body
    detail = client.get(world.initiative.get_absolute_url()).content.decode()
    assert "Initial baseline against the latest" in detail and "Meer servers" in detail
    assert Baseline.objects.count() == 2


def test_reports_and_dual_rating(client, world):
    client.force_login(world.alice)
    assert client.post(url("report-create", world), REPORT).status_code == 302
    report = StatusReport.objects.get()
    client.force_login(world.audrey)
    rate = url("report-rate", world, report=report.pk, **{"as": "independent"})
    page = client.get(rate)
    assert page.status_code == 200
    fingerprint = page.context["form"].initial["fingerprint"]
    data = {"report": report.pk, "as": "independent", "independent_overall": "red", "fingerprint": fingerprint}
    assert client.post(url("report-rate", world), data).status_code == 302
    # A second save from the same (now stale) form is refused and shows the stored value.
    data["independent_overall"] = "amber"
    stale = client.post(url("report-rate", world), data)
    assert stale.status_code == 200 and stale.context["stored"].independent_overall == "red"
    body = client.get(url("report-list", world)).content.decode()
    assert "2 steps rosier" in body
    client.force_login(world.bob)
    assert client.get(rate).status_code == 403


def test_warnings_page_filters_and_stays_within_15_queries(client, world, django_assert_max_num_queries):
    for n in range(30):
        item = InitiativeFactory(
            code=f"MINBZ-09{n:02d}", org_unit=world.department, phase=Phase.EXECUTION, team_size=12
        )
        refresh_warnings(item)
    refresh_warnings(world.other_initiative)
    client.force_login(world.alice)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("portfolio:warning-list"), {"rule": "team_size", "severity": "amber"})
    assert response.status_code == 200 and response.context["page"].paginator.count == 30
    assert "A team of 12 people" in response.content.decode()
    with django_assert_max_num_queries(15):
        response = client.get(reverse("portfolio:warning-list"), {"unit": world.directorate.pk})
    assert response.context["page"].paginator.count == 0
    client.force_login(world.charlie)
    assert client.get(reverse("portfolio:warning-list")).context["page"].paginator.count == 0


def test_detail_page_lists_warnings(client, world):
    world.initiative.team_size = 20
    world.initiative.save()
    refresh_warnings(world.initiative)
    client.force_login(world.bob)
    body = client.get(world.initiative.get_absolute_url()).content.decode()
    assert "A team of 20 people" in body and "Gate reviews" in body


def test_policy_page(client, world):
    edit = reverse("portfolio:policy-edit", args=[world.ministry.code])
    client.force_login(world.alice)  # CIO of a department, not of the organisation
    assert client.get(edit).status_code == 404
    assert client.get(reverse("portfolio:policy-choose")).status_code == 403
    client.force_login(world.frank)
    assert client.get(reverse("portfolio:policy-choose"))["Location"] == edit
    form = client.get(edit).context["form"]
    data = {
        "lever_threshold": "3",
        "cio_opinion_from": "5000000",
        "narrative_from": "0.05",
        "amber_from": "0.10",
        "red_from": "0.30",
        "max_team_size": "7",
        "max_increment_months": "3",
        "report_period_days": "92",
        "enabled_rules": ["team_size", "variance"],
        "fingerprint": form.initial["fingerprint"],
    }
    assert client.post(edit, data).status_code == 302
    policy = PortfolioPolicy.objects.get(organisation=world.ministry)
    assert policy.max_team_size == 7 and policy.enabled_rules == ["team_size", "variance"]
    assert AuditEvent.objects.filter(content_type__model="portfoliopolicy").exists()
    data["max_team_size"] = "9"
    stale = client.post(edit, data)  # the fingerprint of the first form is stale now
    assert stale.status_code == 200 and stale.context["stored"].max_team_size == 7


def test_report_needs_explanation_when_over_threshold(client, world):
    record_baseline(
        world.alice,
        world.initiative,
        {"start_date": D(2025, 1, 1), "end_date": D(2026, 1, 1)},
        {"hardware": Decimal(100)},
    )
    world.initiative.cost_lines.create(year=2026, category="hardware", kind="forecast", amount=Decimal(150))
    client.force_login(world.alice)
    body = client.post(url("report-create", world), REPORT).content.decode()
    assert "explain why" in body and not StatusReport.objects.exists()
    assert not EarlyWarning.objects.exists()
