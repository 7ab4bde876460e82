"""Factories for goals, KPIs, measurements and contributions, with Dutch names."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from roer.organisation.tests.factories import OrgUnitFactory
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.models import KPI, Contribution, Direction, Frequency, Goal, GoalKpi, GoalLevel, Measurement


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    org_unit = factory.SubFactory(OrgUnitFactory)
    level = GoalLevel.AMBITION
    title = factory.Sequence(lambda n: f"Dienstverlening die werkt {n}")

    class Params:
        # A strategic goal serving a new ambition of the same unit.
        strategic = factory.Trait(
            level=GoalLevel.STRATEGIC_GOAL,
            parent=factory.SubFactory(
                "roer.strategy.tests.factories.GoalFactory", org_unit=factory.SelfAttribute("..org_unit")
            ),
        )


class KpiFactory(DjangoModelFactory):
    class Meta:
        model = KPI

    org_unit = factory.SubFactory(OrgUnitFactory)
    name = factory.Sequence(lambda n: f"Digitaal afgehandelde aanvragen {n}")
    unit_of_measure = "%"
    direction = Direction.HIGHER
    baseline_value = Decimal("40")
    baseline_date = datetime.date(2024, 1, 1)
    target_value = Decimal("80")
    target_date = datetime.date(2027, 12, 31)
    frequency = Frequency.QUARTERLY


class GoalKpiFactory(DjangoModelFactory):
    class Meta:
        model = GoalKpi

    goal = factory.SubFactory(GoalFactory)
    kpi = factory.SubFactory(KpiFactory)


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    kpi = factory.SubFactory(KpiFactory)
    measured_on = datetime.date(2025, 3, 31)
    value = Decimal("52.5")


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = Contribution

    initiative = factory.SubFactory(InitiativeFactory)
    goal = factory.SubFactory(GoalFactory)
    weight = Decimal("1")
