"""Turns the demo's goal–effort network into rows: goals, KPIs and their measurements,
contributions and cost lines. Adds what is missing, never changes what exists.

Every row goes through ``full_clean()`` and an ordinary ``save()``, so each gets its
own audit event. A KPI's measurements are added only when the KPI itself is added:
their dates count back from the build day, so a later run would otherwise add a
second, shifted series.
"""

from __future__ import annotations

import datetime

from roer.demo.costs import cost_lines
from roer.demo.data.budgets import BUDGETS
from roer.demo.data.contributions import CONTRIBUTIONS
from roer.demo.data.goals import GOALS
from roer.demo.data.kpis import KPIS
from roer.demo.data.specs import GoalSpec, KpiSpec
from roer.demo.report import BuildReport
from roer.demo.series import series
from roer.organisation.models import OrgUnit, Person
from roer.portfolio.models import CostLine, Initiative
from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement


def build_goals(units: dict[str, OrgUnit], people: dict[str, Person], report: BuildReport) -> dict[str, Goal]:
    goals: dict[str, Goal] = {}
    for spec in GOALS:
        goals[spec.key] = _goal(spec, units, people, goals, report)
    return goals


def _goal(
    spec: GoalSpec, units: dict[str, OrgUnit], people: dict[str, Person], goals: dict[str, Goal], report: BuildReport
) -> Goal:
    unit = units[spec.unit]
    goal = Goal.objects.filter(org_unit=unit, title=spec.title).first()
    report.note("goals", goal is None)
    if goal is None:
        goal = Goal(
            org_unit=unit,
            parent=goals[spec.parent] if spec.parent else None,
            level=spec.level,
            title=spec.title,
            description=spec.description,
            owner=people[spec.owner],
            horizon_start=spec.horizon[0],
            horizon_end=spec.horizon[1],
        )
        goal.full_clean()
        goal.save()
    return goal


def build_kpis(
    units: dict[str, OrgUnit], goals: dict[str, Goal], today: datetime.date, report: BuildReport
) -> dict[str, KPI]:
    return {spec.key: _kpi(spec, units, goals, today, report) for spec in KPIS}


def _kpi(
    spec: KpiSpec, units: dict[str, OrgUnit], goals: dict[str, Goal], today: datetime.date, report: BuildReport
) -> KPI:
    unit = units[spec.unit]
    kpi = KPI.objects.filter(org_unit=unit, name=spec.name).first()
    report.note("KPIs", kpi is None)
    if kpi is None:
        kpi = KPI(
            org_unit=unit,
            name=spec.name,
            description=spec.description,
            unit_of_measure=spec.unit_of_measure,
            direction=spec.direction,
            baseline_value=spec.baseline[0],
            baseline_date=(
                today - datetime.timedelta(days=spec.baseline_days_ago) if spec.baseline_days_ago else spec.baseline[1]
            ),
            target_value=spec.target[0],
            target_date=spec.target[1],
            source=spec.source,
            frequency=spec.frequency,
        )
        kpi.full_clean()
        kpi.save()
        for measured_on, value in series(spec, today):
            measurement = Measurement(kpi=kpi, measured_on=measured_on, value=value, source=spec.source)
            measurement.full_clean(validate_unique=False, validate_constraints=False)  # a new KPI: no duplicates
            measurement.save()
            report.note("measurements", True)
    linked = set(GoalKpi.objects.filter(kpi=kpi).values_list("goal_id", flat=True))
    for key in spec.goals:
        goal = goals[key]
        if goal.pk not in linked:
            link = GoalKpi(goal=goal, kpi=kpi)
            link.full_clean()
            link.save()
    return kpi


def add_contributions(
    initiative: Initiative, goals: dict[str, Goal], kpis: dict[str, KPI], report: BuildReport
) -> None:
    for spec in CONTRIBUTIONS.get(initiative.code, ()):
        goal, kpi = goals[spec.goal], kpis[spec.kpi] if spec.kpi else None
        exists = Contribution.objects.filter(initiative=initiative, goal=goal, kpi=kpi).exists()
        report.note("contributions", not exists)
        if exists:
            continue
        contribution = Contribution(
            initiative=initiative,
            goal=goal,
            kpi=kpi,
            expected_change=spec.expected_change,
            expected_by=spec.expected_by,
            effect_from=spec.effect_from,
            confidence=spec.confidence,
            weight=spec.weight,
            rationale=spec.rationale,
        )
        contribution.full_clean()
        contribution.save()


def add_cost_lines(initiative: Initiative, phase: str, this_year: int, report: BuildReport) -> None:
    budget = BUDGETS.get(initiative.code)
    if budget is None:
        return
    present = set(
        CostLine.objects.filter(initiative=initiative).values_list("year", "category", "kind", "nature", "recurrence")
    )
    for spec in cost_lines(initiative.code, budget, phase, this_year):
        key = (spec.year, spec.category, spec.kind, spec.nature, spec.recurrence)
        report.note("cost lines", key not in present)
        if key in present:
            continue
        line = CostLine(
            initiative=initiative,
            year=spec.year,
            category=spec.category,
            kind=spec.kind,
            nature=spec.nature,
            recurrence=spec.recurrence,
            amount=spec.amount,
        )
        line.full_clean(validate_unique=False, validate_constraints=False)  # checked against ``present`` above
        line.save()
