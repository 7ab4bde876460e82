import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from roer.organisation.roles import Role
from roer.organisation.tests.factories import PersonFactory, RoleAssignmentFactory
from roer.portfolio.models import CioOpinion
from roer.portfolio.services.baselines import figures, record_baseline
from roer.portfolio.services.reports import (
    INDEPENDENT_FIELDS,
    rate_as_cio,
    rate_independently,
    ratings,
    record_cio_opinion,
    record_status_report,
    reports,
    rosier_by,
)
from roer.portfolio.services.stale import ChangedMeanwhile, fingerprint

D = datetime.date


def report_values(**extra):
    values = {
        "period_end": D(2026, 3, 31),
        "cost": "green",
        "schedule": "amber",
        "scope": "green",
        "risk": "amber",
        "overall": "green",
        "narrative": "Op koers.",
    }
    values.update(extra)
    return values


def test_report_needs_variance_narrative_above_threshold(world):
    record_baseline(
        world.alice,
        world.initiative,
        {"start_date": D(2025, 1, 1), "end_date": D(2026, 12, 31)},
        {"hardware": Decimal("100000")},
    )
    world.initiative.cost_lines.create(year=2026, category="hardware", kind="forecast", amount=Decimal("120000"))
    with pytest.raises(ValidationError) as refused:
        record_status_report(world.alice, world.initiative, report_values())
    assert "variance_narrative" in refused.value.message_dict
    record_status_report(world.alice, world.initiative, report_values(variance_narrative="Extra servers."))


def test_one_report_per_period(world):
    record_status_report(world.alice, world.initiative, report_values())
    with pytest.raises(ValidationError):
        record_status_report(world.alice, world.initiative, report_values())


def test_independent_rating_by_assurance_not_by_the_writer(world):
    report = record_status_report(world.alice, world.initiative, report_values())
    with pytest.raises(PermissionDenied):
        rate_independently(world.alice, report, {"independent_overall": "red"}, None)  # a CIO is not independent
    office = PersonFactory(username="pim")
    RoleAssignmentFactory(person=office, role=Role.PORTFOLIO_MANAGER, org_unit=world.department)
    rated = rate_independently(world.audrey, report, {"independent_overall": "red", "independent_comment": "x"}, None)
    assert rated.independent_by == world.audrey
    assert rosier_by(rated) == 2
    # A second rater working from the old values is refused.
    stale = fingerprint(report, INDEPENDENT_FIELDS)
    with pytest.raises(ChangedMeanwhile):
        rate_independently(office, rated, {"independent_overall": "amber"}, stale)
    own = record_status_report(office, world.initiative, report_values(period_end=D(2026, 6, 30)))
    with pytest.raises(ValidationError):
        rate_independently(office, own, {"independent_overall": "amber"}, None)


def test_cio_rating_and_computed_overall(world):
    record_baseline(
        world.alice,
        world.initiative,
        {"start_date": D(2025, 1, 1), "end_date": D(2026, 12, 31)},
        {"hardware": Decimal("100000")},
    )
    world.initiative.cost_lines.create(year=2026, category="hardware", kind="forecast", amount=Decimal("108000"))
    report = record_status_report(world.alice, world.initiative, report_values(variance_narrative="Duurder."))
    with pytest.raises(PermissionDenied):
        rate_as_cio(world.bob, report, {"cio_rating": 2}, None)
    rate_as_cio(world.alice, report, {"cio_rating": 2, "cio_comment": "Risico op leverancier."}, None)
    found = ratings(figures(world.initiative), reports(world.initiative))
    # cost 8 % → 4, schedule on time → 5, CIO 2 is worse than both: it decides.
    assert (found.cost, found.schedule, found.cio) == (4, 5, 2)
    assert found.overall == Decimal(2) and found.colour == "red" and found.cio_decides


def test_cio_opinion(world):
    values = {"given_on": D(2026, 1, 1), "opinion": "positive", "text": "Akkoord."}
    with pytest.raises(PermissionDenied):
        record_cio_opinion(world.charlie, world.initiative, values)
    record_cio_opinion(world.alice, world.initiative, values)
    assert CioOpinion.objects.get().given_by == world.alice
