import datetime
from decimal import Decimal

import pytest

from roer.portfolio.models import EarlyWarning, Phase, PortfolioPolicy
from roer.portfolio.services.reports import record_cio_opinion, record_status_report
from roer.portfolio.services.warnings import refresh_warnings

D = datetime.date


def rules(initiative):
    return set(EarlyWarning.objects.filter(initiative=initiative).values_list("rule", flat=True))


@pytest.fixture
def running(world):
    world.initiative.phase = Phase.EXECUTION
    world.initiative.start_date = D(2024, 1, 1)
    world.initiative.save()
    return world.initiative


def test_refresh_inserts_and_deletes_the_difference_keeping_first_seen(world, running):
    refresh_warnings(running, today=D(2026, 1, 1))
    assert rules(running) == {"status_report", "approval_gate"}
    first = EarlyWarning.objects.get(initiative=running, rule="status_report")
    running.team_size = 12
    running.save()
    refresh_warnings(running, today=D(2026, 2, 1))
    assert rules(running) == {"status_report", "approval_gate", "team_size"}
    assert EarlyWarning.objects.get(pk=first.pk).first_seen == D(2026, 1, 1)


def test_warnings_follow_every_change(world, running, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        running.team_size = 3
        running.save()
    assert "status_report" in rules(running)
    with django_capture_on_commit_callbacks(execute=True):
        record_status_report(
            world.alice,
            running,
            {
                "period_end": datetime.date.today(),
                "cost": "green",
                "schedule": "green",
                "scope": "green",
                "risk": "green",
                "overall": "green",
                "narrative": "Op koers.",
            },
        )
    assert "status_report" not in rules(running)
    with django_capture_on_commit_callbacks(execute=True):
        running.cost_lines.create(year=2026, category="outsourced_work", kind="forecast", amount=Decimal("5000000"))
    assert "cio_opinion" in rules(running)
    with django_capture_on_commit_callbacks(execute=True):
        record_cio_opinion(world.alice, running, {"given_on": D(2026, 1, 1), "opinion": "positive", "text": "Ja."})
    assert "cio_opinion" not in rules(running)


def test_policy_change_refreshes_its_organisation(world, running, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        running.team_size = 6
        running.save()
    assert "team_size" not in rules(running)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PortfolioPolicy.objects.create(organisation=world.ministry, max_team_size=5)
    assert callbacks and "team_size" in rules(running)
    assert EarlyWarning.objects.get(initiative=running, rule="team_size").params == {"size": 6, "max": 5}


def test_one_refresh_per_commit(world, running, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        running.team_size = 9
        running.save()
        running.cost_lines.create(year=2026, category="hardware", kind="plan", amount=Decimal(1))
    assert len(callbacks) >= 2
    callbacks[0]()
    assert "team_size" in rules(running)
    for callback in callbacks[1:]:
        with django_assert_max_num_queries(0):
            callback()  # the first would do the work; the rest find nothing left
