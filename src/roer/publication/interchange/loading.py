"""All-or-nothing loading of checked records, with a report of what changes.

Rows are bulk-created (ten thousand single saves with an audit snapshot each would take
minutes), so the load writes one summary audit event per kind of row itself, in the
channel "import". Imported initiatives keep the phase the file gives them without
passing Roer's intake rule: their intake happened at the source organisation. That is
the one place the rule is skipped, and the summary event records why.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Length
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from roer.audit.context import Source, acting, current
from roer.audit.models import Action, AuditEvent
from roer.organisation.access import has_capability, is_unrestricted
from roer.organisation.models import OrgUnit, OrgUnitKind
from roer.organisation.roles import Capability
from roer.portfolio.models import Baseline, BaselineCost, Initiative
from roer.publication.interchange.building import Built, build
from roer.publication.interchange.records import Problem, Record

INTAKE_NOTE = (
    "Imported without Roer's intake rule (problem statement and goal contribution): the intake took place at the "
    "source organisation. Complete the problem statement and contributions in Roer."
)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    new_units: list[str] = field(default_factory=list)
    written: bool = False


def _units(records: list[Record], user: Any, outcome: Outcome) -> dict[str, OrgUnit | None]:
    """The unit per ministry name: an existing top unit, else one to create (if the user may)."""
    names = sorted({r.ministry for r in records})
    existing = {u.name: u for u in OrgUnit.objects.filter(parent=None, name__in=names)}
    may_create = is_unrestricted(user) or has_capability(user, Capability.MANAGE_ORGANISATION)
    units: dict[str, OrgUnit | None] = {}
    for name in names:
        unit = existing.get(name)
        if unit is None and not may_create:
            row = next(r.row for r in records if r.ministry == name)
            outcome.problems.append(
                Problem(row, "Ministerie (naam)", _("no such organisation, and you may not add one"))
            )
        elif unit is None:
            outcome.new_units.append(name)
        elif not has_capability(user, Capability.ADD_INITIATIVE, unit.path):
            for r in records:
                if r.ministry == name:
                    outcome.problems.append(Problem(r.row, "Ministerie (naam)", _("you may not add initiatives here")))
        units[name] = unit
    return units


def _duplicates(records: list[Record], units: dict[str, OrgUnit | None]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], int] = {}
    # Names already anywhere in each organisation (the export names the top unit, not the sub-unit).
    known = {
        (name, initiative_name)
        for name, unit in units.items()
        if unit is not None
        for initiative_name in Initiative.objects.filter(org_unit__path__startswith=unit.path).values_list(
            "name", flat=True
        )
    }
    for record in records:
        key = (record.ministry, record.name)
        if key in seen:
            problems.append(Problem(record.row, "ICT-activiteit", _("same name as row %(row)d") % {"row": seen[key]}))
        elif key in known:
            problems.append(Problem(record.row, "ICT-activiteit", _("already in Roer; imports only add initiatives")))
        seen.setdefault(key, record.row)
    return problems


def _new_unit(name: str) -> OrgUnit:
    base = slugify(name)[:34] or "organisatie"
    code, n = base, 1
    while OrgUnit.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    unit = OrgUnit(code=code, name=name, kind=OrgUnitKind.ORGANISATION)
    unit.save()
    return unit


def _codes(unit: OrgUnit) -> Any:
    prefix = unit.root().code.upper() + "-"
    highest = (
        Initiative.objects.filter(code__regex=rf"^{re.escape(prefix)}[0-9]+$")
        .order_by(Length("code").desc(), "-code")
        .values_list("code", flat=True)
        .first()
    )
    number = int(highest[len(prefix) :]) if highest else 0
    while True:
        number += 1
        yield f"{prefix}{number:04d}"


def _summary(model: type[models.Model], count: int, details: dict[str, Any]) -> None:
    if not count:
        return
    context = current()
    with translation.override("en"):  # audit summaries are written in English, like the source strings
        plural = str(model._meta.verbose_name_plural)
    after = {"count": count, **details, "note": "Bulk import; the rows have no audit event of their own."}
    AuditEvent.objects.create(
        actor=context.actor,
        actor_label=context.actor_label,
        source=context.source,
        request_id=context.request_id,
        action=Action.CREATE,
        content_type=ContentType.objects.get_for_model(model),
        object_id="import",
        object_repr=f"{count} imported {plural}"[:200],
        scope_path="",
        before=None,
        after=after,
        changed_fields=sorted(after),
    )


def _write(built: list[Built], details: dict[str, Any], outcome: Outcome) -> None:
    initiatives = Initiative.objects.bulk_create([b.initiative for b in built], batch_size=1000)
    parts: dict[type[models.Model], list[Any]] = {}
    baselines, costs = [], []
    for item, initiative in zip(built, initiatives, strict=True):
        for baseline, baseline_costs in item.baselines:
            baseline.initiative = initiative
            baselines.append((baseline, baseline_costs))
        for part in item.cost_lines + item.milestones + item.benefits + item.documents:
            part.initiative = initiative
            parts.setdefault(type(part), []).append(part)
    saved = Baseline.objects.bulk_create([b for b, _c in baselines], batch_size=1000)
    for stored, (_b, baseline_costs) in zip(saved, baselines, strict=True):
        for cost in baseline_costs:
            cost.baseline = stored
            costs.append(cost)
    BaselineCost.objects.bulk_create(costs, batch_size=2000)
    for model, rows in parts.items():
        model.objects.bulk_create(rows, batch_size=2000)  # type: ignore[attr-defined]
    counts: dict[type[models.Model], int] = {
        Initiative: len(initiatives),
        Baseline: len(saved),
        BaselineCost: len(costs),
    }
    counts.update({model: len(rows) for model, rows in parts.items()})
    for model, count in counts.items():
        _summary(model, count, details | ({"intake_rule": INTAKE_NOTE} if model is Initiative else {}))
        with translation.override("en"):  # the command line and audit summary speak English
            outcome.created[str(model._meta.verbose_name_plural)] += count


def load(
    records: list[Record],
    problems: list[Problem],
    user: Any,
    reference: datetime.date,
    *,
    dry_run: bool,
    details: dict[str, Any],
) -> Outcome:
    """Write every record, or nothing when any row (here or before) has a problem."""
    outcome = Outcome(problems=list(problems))
    units = _units(records, user, outcome)
    outcome.problems += _duplicates(records, units)
    outcome.problems.sort(key=lambda p: p.row)
    outcome.created["initiatives"] = len(records)
    if outcome.problems or dry_run:
        return outcome
    outcome.created.clear()
    with acting(actor=user, source=Source.IMPORT, label=current().label), transaction.atomic():
        for name in outcome.new_units:
            units[name] = _new_unit(name)
        code_series = {name: _codes(unit) for name, unit in units.items() if unit}
        built = []
        for record in records:
            unit = units[record.ministry]
            assert unit is not None  # noqa: S101  (every missing unit was refused or created above)
            initiative = Initiative(
                code=next(code_series[record.ministry]),
                name=record.name,
                org_unit=unit,
                phase=record.phase,
                activity_type=record.activity_type,
                description=record.description,
                start_date=record.start_date,
            )
            built.append(build(record, initiative, reference, user))
        _write(built, details, outcome)
    outcome.written = True
    return outcome
