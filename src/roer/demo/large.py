"""The large demo: 10,000 extra initiatives in the demo ministry, for benchmarks and load tests.

Each initiative is derived from its number alone, so the set is the same on every
machine and a run that was interrupted can be completed by running it again.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from tqdm import tqdm

from roer.audit.context import current
from roer.audit.models import Action, AuditEvent
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
    )


def _missing_numbers(count: int) -> list[int]:
    taken = set(Initiative.objects.filter(code__startswith=PREFIX).values_list("code", flat=True))
    return [n for n in range(1, count + 1) if code_for(n) not in taken]


def _batches(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def add_large_portfolio(count: int = LARGE_COUNT, progress: bool = True) -> int:
    """Add the missing ones of ``count`` generated initiatives; return how many were added."""
    ministry = OrgUnit.objects.get(code=MINISTRY)
    units = list(ministry.subtree().exclude(pk=ministry.pk).order_by("path"))
    sponsors, managers = _people_with(Role.SPONSOR), _people_with(Role.PROJECT_MANAGER)
    missing = _missing_numbers(count)
    if not missing:
        return 0
    with transaction.atomic(), tqdm(total=len(missing), unit=" initiatives", disable=not progress) as bar:
        # bulk_create skips the save signals, so these rows get no audit event of their own: ten
        # thousand single saves with a before/after snapshot each would make loading take minutes.
        # Silence is not acceptable either, so one summary event below records the load.
        for numbers in _batches(missing, BATCH):
            Initiative.objects.bulk_create([_build(n, units, sponsors, managers) for n in numbers])
            bar.update(len(numbers))
        _record_bulk_load(ministry, missing)
    return len(missing)


def _record_bulk_load(ministry: OrgUnit, numbers: list[int]) -> None:
    context = current()
    summary: dict[str, Any] = {
        "count": len(numbers),
        "first_code": code_for(numbers[0]),
        "last_code": code_for(numbers[-1]),
        "note": "Bulk load of generated demo initiatives; individual rows have no audit event of their own.",
    }
    AuditEvent.objects.create(
        actor=None,
        actor_label=context.actor_label,
        source=context.source,
        request_id=context.request_id,
        action=Action.CREATE,
        content_type=ContentType.objects.get_for_model(Initiative),
        object_id=f"{summary['first_code']}..{summary['last_code']}",
        object_repr=f"{len(numbers)} generated demo initiatives"[:200],
        scope_path=ministry.path,
        before=None,
        after=summary,
        changed_fields=sorted(summary),
    )
