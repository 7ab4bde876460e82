"""The large demo: 10,000 extra initiatives in the demo ministry, for benchmarks and load tests.

Each initiative is derived from its number alone, so the set is the same on every
machine and a run that was interrupted can be completed by running it again.
"""

from __future__ import annotations

import random

from django.db import transaction
from tqdm import tqdm

from roer.demo.bulk import batches, record_bulk_load
from roer.demo.data.units import MINISTRY
from roer.organisation.models import OrgUnit, Person
from roer.organisation.roles import Role
from roer.portfolio.models import Initiative, Phase

LARGE_COUNT = 10_000
PREFIX = "BDZ-L"
BATCH = 500

# Ingredients for invented but plausible names: "<verb> <subject> <qualifier>".
VERBS = ("Vernieuwing", "Digitalisering", "Vervanging", "Koppeling", "Verbetering", "Uitfasering", "Standaardisering")
SUBJECTS = (
    "vergunningverlening", "subsidieregistratie", "klantcontact", "archivering", "zaakafhandeling",
    "gegevensuitwisseling", "toezichtsinformatie", "documentbeheer", "financiële administratie", "inkoopproces",
    "meldingenregistratie", "roosterplanning", "kennisbank", "bezwaarafhandeling", "rapportage",
)  # fmt: skip
QUALIFIERS = ("fase 1", "fase 2", "pilot", "landelijk", "regio Noord", "regio Zuid", "2027", "herstart", "")
# About one in twenty-five is required by law.
MANDATORY_SHARE = 0.04
LEGAL_BASES = (
    "Wet digitale overheid (Wdo), art. 5: verplichte aansluiting op erkende inlogmiddelen.",
    "Algemene verordening gegevensbescherming (AVG), art. 32: passende beveiliging van persoonsgegevens.",
    "Archiefwet 1995, art. 3: archiefbescheiden in goede, geordende en toegankelijke staat.",
    "Wet open overheid (Woo), art. 3.3: actieve openbaarmaking van informatiecategorieën.",
    "Besluit digitale toegankelijkheid overheid, art. 2: websites en apps voldoen aan EN 301 549.",
    "Verordening (EU) 2018/1724 (Single Digital Gateway), art. 6: procedures volledig online.",
)
# Running work dominates a real portfolio; ideas and stopped work are the minority.
PHASE_WEIGHTS = {
    Phase.IDEA: 8,
    Phase.INTAKE: 8,
    Phase.APPROVED: 10,
    Phase.EXECUTION: 40,
    Phase.LIVE: 14,
    Phase.CLOSED: 12,
    Phase.ON_HOLD: 5,
    Phase.STOPPED: 3,
}


def code_for(number: int) -> str:
    return f"{PREFIX}{number:05d}"


def _people_with(role: Role) -> list[Person]:
    return list(Person.objects.filter(role_assignments__role=role).distinct().order_by("username"))


def _build(number: int, units: list[OrgUnit], sponsors: list[Person], managers: list[Person]) -> Initiative:
    rng = random.Random(number)  # noqa: S311  (demo data, not security)
    qualifier = rng.choice(QUALIFIERS)
    name = f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}" + (f" {qualifier}" if qualifier else "")
    phase = rng.choices(list(PHASE_WEIGHTS), weights=list(PHASE_WEIGHTS.values()))[0]
    # A separate generator, so that the draws above stay what they were before this was added.
    law = random.Random(f"mandatory:{number}")  # noqa: S311
    mandatory = law.random() < MANDATORY_SHARE
    return Initiative(
        code=code_for(number),
        name=name,
        org_unit=rng.choice(units),
        phase=phase,
        sponsor=rng.choice(sponsors),
        # One in ten lacks a manager, as in real portfolios.
        manager=rng.choice(managers) if rng.random() > 0.1 else None,
        problem_statement=f"Knelpunt in de {name.split(' ', 1)[1]}: doorlooptijden en foutkans zijn te hoog.",
        description="Gegenereerd voor prestatiemetingen; inhoudelijk niet representatief.",
        mandatory=mandatory,
        legal_basis=law.choice(LEGAL_BASES) if mandatory else "",
    )


def _missing_numbers(count: int) -> list[int]:
    taken = set(Initiative.objects.filter(code__startswith=PREFIX).values_list("code", flat=True))
    return [n for n in range(1, count + 1) if code_for(n) not in taken]


def add_large_portfolio(count: int = LARGE_COUNT, progress: bool = True) -> int:
    """Add the missing ones of ``count`` generated initiatives; return how many were added."""
    ministry = OrgUnit.objects.get(code=MINISTRY)
    units = list(ministry.subtree().exclude(pk=ministry.pk).order_by("path"))
    sponsors, managers = _people_with(Role.SPONSOR), _people_with(Role.PROJECT_MANAGER)
    missing = _missing_numbers(count)
    if not missing:
        return 0
    with transaction.atomic(), tqdm(total=len(missing), unit=" initiatives", disable=not progress) as bar:
        # bulk_create skips the save signals; one summary event records the load (see roer.demo.bulk).
        for numbers in batches(missing, BATCH):
            Initiative.objects.bulk_create([_build(n, units, sponsors, managers) for n in numbers])
            bar.update(len(numbers))
        first, last = code_for(missing[0]), code_for(missing[-1])
        record_bulk_load(
            Initiative, len(missing), ministry.path, f"{first}..{last}", {"first_code": first, "last_code": last}
        )
    return len(missing)
