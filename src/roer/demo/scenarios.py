"""The demo's planning scenario: the ministry's next four years, with the links a portfolio manager would set.

Made through the scenario and link services in the name of the portfolio manager, so the
links are validated and every row is audited (as ``command:demo``, like all demo rows).
Added once: a scenario of that name that exists already is left as it is.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from roer.demo.data.units import MINISTRY
from roer.demo.report import BuildReport
from roer.organisation.models import OrgUnit, Person
from roer.planning.models import GroupKind, Scenario
from roer.planning.services.links import add_dependency, add_group
from roer.planning.services.scenarios import create_scenario
from roer.portfolio.models import Initiative

BUDGET_PER_YEAR = Decimal("30000000")
CAPACITY_PER_TEAM = Decimal("20")

# Both data projects query the base registries through the federated data system.
DEPENDENCIES = (("BDZ-0006", "BDZ-0010"), ("BDZ-0006", "BDZ-0026"))
GROUPS = (
    # The data system can take on one new consumer in these years: the board chooses which.
    (GroupKind.EXCLUSIVE, "Eerste afnemer van het federatief datastelsel", ("BDZ-0010", "BDZ-0026")),
    # One programme: the new workplace runs on the zero-trust network, delivered as a whole.
    (GroupKind.TOGETHER, "Programma Digitale Werkplek", ("BDZ-0034", "BDZ-0038")),
)


def add_scenario(today: datetime.date, people: dict[str, Person], report: BuildReport) -> Scenario:
    first_year = today.year + 1
    name = f"Portfolioplan {first_year}–{first_year + 3}"
    ministry = OrgUnit.objects.get(code=MINISTRY)
    existing: Scenario | None = Scenario.objects.filter(name=name, org_unit=ministry).first()
    report.note("scenarios", existing is None)
    if existing is not None:
        return existing
    manager = people["thomas"]
    values = {
        "name": name,
        "org_unit": ministry,
        "start_year": first_year,
        "start_quarter": 1,
        "quarters": 16,  # four years: the longest approved work (the zero-trust network) fits
        "discount_rate": Decimal("3"),
    }
    scenario = create_scenario(manager, values, BUDGET_PER_YEAR, CAPACITY_PER_TEAM)
    initiatives = {i.code: i for i in Initiative.objects.filter(code__startswith="BDZ-")}
    for before, after in DEPENDENCIES:
        add_dependency(manager, scenario, initiatives[before], initiatives[after])
    for kind, group_name, codes in GROUPS:
        add_group(manager, scenario, kind, [initiatives[code] for code in codes], group_name)
    return scenario
