from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from roer.organisation.tests.factories import OrgUnitFactory
from roer.portfolio.models import Initiative, Phase


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = Initiative

    code = factory.Sequence(lambda n: f"INI-{n:04d}")
    name = factory.Sequence(lambda n: f"Vernieuwing zaaksysteem {n}")
    org_unit = factory.SubFactory(OrgUnitFactory)
    phase = Phase.IDEA
    problem_statement = "Burgers wachten te lang op een besluit."
