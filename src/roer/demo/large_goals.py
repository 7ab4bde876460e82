"""The large demo's goals and KPIs: generated strategic goals and objectives under the
ministry's two ambitions, three KPIs per objective, and years of measurements.

Sizes follow the number of generated initiatives (one objective per hundred, so 100
objectives, 34 strategic goals and 300 KPIs at 10,000). Every row is derived from its
number alone; titles and names end in a tag such as ``(L-D007)`` by which a later run
finds what exists. Measurements are added only for KPIs added in the same run.
"""

from __future__ import annotations

import datetime
import math
import random
from decimal import Decimal

from roer.demo.data.specs import KpiSpec, Trend
from roer.demo.series import series
from roer.organisation.models import OrgUnit, Person
from roer.strategy.models import KPI, Direction, Frequency, Goal, GoalKpi, GoalLevel, Measurement

TAG = " (L-"
STRATEGIC_THEMES = (
    "Dienstverlening die past bij de leefwereld van burgers", "Betrouwbare uitvoering van wet- en regelgeving",
    "Wendbare en toekomstvaste informatievoorziening", "Samenwerken in de keten zonder dubbel werk",
    "Datagedreven werken met oog voor privacy", "Minder afhankelijk van enkele leveranciers",
    "Vakmanschap en goed werkgeverschap", "Digitale weerbaarheid van de organisatie",
)  # fmt: skip
OBJECTIVE_THEMES = (
    "Kortere doorlooptijden", "Minder handmatige controles", "Eén loket voor ketenpartners", "Actuele stuurinformatie",
    "Verouderde systemen uitgefaseerd", "Minder storingen in de keten", "Hogere klanttevredenheid",
    "Gegevens bij de bron gebruikt", "Open standaarden in alle koppelingen", "Lagere beheerkosten",
    "Toegankelijke digitale diensten", "Minder fouten in besluiten",
)  # fmt: skip
# (name, unit of measure, direction, a typical worst value, a typical best value, decimals)
METRICS: tuple[tuple[str, str, Direction, float, float, int], ...] = (
    ("Doorlooptijd van een aanvraag", "dagen", Direction.LOWER, 60, 10, 0),
    ("Digitaal afgehandelde zaken", "%", Direction.HIGHER, 30, 95, 1),
    ("Tevredenheid van gebruikers", "rapportcijfer", Direction.HIGHER, 5.8, 8.2, 1),
    ("Storingsuren per maand", "uren", Direction.LOWER, 40, 2, 0),
    ("Handmatige correcties per week", "aantal", Direction.LOWER, 400, 40, 0),
    ("Beheerkosten per gebruiker", "euro per jaar", Direction.LOWER, 900, 450, 2),
    ("Koppelingen op open standaarden", "%", Direction.HIGHER, 20, 100, 1),
    ("Besluiten zonder herstel na bezwaar", "%", Direction.HIGHER, 80, 99, 1),
)
FREQUENCY_WEIGHTS = {Frequency.MONTHLY: 40, Frequency.QUARTERLY: 40, Frequency.HALF_YEARLY: 5, Frequency.YEARLY: 15}
KPIS_PER_OBJECTIVE = 3
HORIZON = (datetime.date(2024, 1, 1), datetime.date(2028, 12, 31))
GENERATED = "Gegenereerd voor prestatiemetingen; inhoudelijk niet representatief."


def sizes(count: int) -> tuple[int, int]:
    """(strategic goals, objectives) for ``count`` generated initiatives."""
    objectives = max(2, round(count / 100))
    return math.ceil(objectives / 3), objectives


def add_goals(ministry: OrgUnit, units: list[OrgUnit], owners: list[Person], count: int) -> tuple[list[Goal], int]:
    """Add the missing generated goals; return the objectives (in number order) and how many goals were added."""
    ambitions = list(Goal.objects.filter(org_unit=ministry, level=GoalLevel.AMBITION).order_by("pk"))
    existing = {goal.title: goal for goal in Goal.objects.filter(title__contains=TAG).select_related("org_unit")}
    children: dict[int, list[OrgUnit]] = {}
    for unit in units:
        if unit.parent_id:
            children.setdefault(unit.parent_id, []).append(unit)
    n_strategic, n_objectives = sizes(count)
    added = 0

    def get_or_build(title: str, **values: object) -> Goal:
        nonlocal added
        if title in existing:
            goal: Goal = existing[title]
            return goal
        added += 1
        return Goal(title=title, description=GENERATED, horizon_start=HORIZON[0], horizon_end=HORIZON[1], **values)

    strategic = []
    for number in range(1, n_strategic + 1):
        rng = random.Random(f"strategic:{number}")  # noqa: S311  (demo data, not security)
        strategic.append(
            get_or_build(
                f"{rng.choice(STRATEGIC_THEMES)}{TAG}S{number:03d})",
                org_unit=units[number % len(units)],
                parent=ambitions[number % len(ambitions)],
                level=GoalLevel.STRATEGIC_GOAL,
                owner=rng.choice(owners),
            )
        )
    Goal.objects.bulk_create([goal for goal in strategic if goal.pk is None])
    objectives = []
    for number in range(1, n_objectives + 1):
        rng = random.Random(f"objective:{number}")  # noqa: S311
        parent = strategic[(number - 1) // 3]
        below = children.get(parent.org_unit_id, [])
        objectives.append(
            get_or_build(
                f"{rng.choice(OBJECTIVE_THEMES)}{TAG}D{number:03d})",
                org_unit=rng.choice(below) if below and rng.random() < 0.5 else parent.org_unit,
                parent=parent,
                level=GoalLevel.OBJECTIVE,
                owner=rng.choice(owners),
            )
        )
    Goal.objects.bulk_create([goal for goal in objectives if goal.pk is None])
    return objectives, added


def kpi_spec(number: int, unit: OrgUnit) -> KpiSpec:
    """Generated KPI ``number``: a metric with a baseline, a target, a frequency and a trend."""
    rng = random.Random(f"kpi:{number}")  # noqa: S311
    name, measure, direction, worst, best, decimals = rng.choice(METRICS)
    baseline = worst + (best - worst) * rng.uniform(0.0, 0.4)
    target = worst + (best - worst) * rng.uniform(0.7, 1.0)
    frequency = rng.choices(list(FREQUENCY_WEIGHTS), weights=list(FREQUENCY_WEIGHTS.values()))[0]
    low, high = sorted((worst, best))
    draw = rng.random()
    return KpiSpec(
        key=f"L{number}",
        unit=unit.code,
        name=f"{name}{TAG}K{number:04d})",
        unit_of_measure=measure,
        direction=direction,
        baseline=(Decimal(f"{baseline:.{decimals}f}"), datetime.date(2024, 1, 1)),
        target=(Decimal(f"{target:.{decimals}f}"), datetime.date(rng.randint(2026, 2029), 12, 31)),
        source=rng.choice(("Zaaksysteem", "Klantpanel", "Servicemanagementtool", "Financiële administratie")),
        frequency=frequency,
        goals=(),
        trend=Trend(pace=rng.uniform(-0.3, 1.2), noise=0.05),
        description=GENERATED,
        decimals=decimals,
        history_months=rng.randint(24, 96),
        # One in twenty stopped being measured in 2024; one in thirty is not measured yet.
        last_measured=datetime.date(2024, rng.randint(1, 12), 15) if draw < 0.05 else None,
        measured=not 0.05 <= draw < 0.0833,
        bounds=(Decimal(0), Decimal(100)) if measure == "%" else (Decimal(0), Decimal(10**9)),
    )


def add_kpis(objectives: list[Goal], today: datetime.date) -> tuple[list[KPI], list[GoalKpi], list[Measurement]]:
    """Build the missing generated KPIs (saved here), and their goal links and measurements (not yet saved)."""
    existing = set(KPI.objects.filter(name__contains=TAG).values_list("name", flat=True))
    specs: list[tuple[KpiSpec, KPI, list[Goal]]] = []
    for index in range(len(objectives) * KPIS_PER_OBJECTIVE):
        goal = objectives[index // KPIS_PER_OBJECTIVE]
        spec = kpi_spec(index + 1, goal.org_unit)
        if spec.name in existing:
            continue
        # Every tenth KPI also measures the next objective: KPIs shared by two goals.
        following = index // KPIS_PER_OBJECTIVE + 1
        served = [goal] + ([objectives[following]] if index % 10 == 9 and following < len(objectives) else [])
        kpi = KPI(
            org_unit=goal.org_unit,
            name=spec.name,
            description=spec.description,
            unit_of_measure=spec.unit_of_measure,
            direction=spec.direction,
            baseline_value=spec.baseline[0],
            baseline_date=spec.baseline[1],
            target_value=spec.target[0],
            target_date=spec.target[1],
            source=spec.source,
            frequency=spec.frequency,
        )
        specs.append((spec, kpi, served))
    KPI.objects.bulk_create([kpi for _, kpi, _ in specs])
    links = [GoalKpi(goal=goal, kpi=kpi) for _, kpi, served in specs for goal in served]
    measurements = [
        Measurement(kpi=kpi, measured_on=day, value=value, source=spec.source)
        for spec, kpi, _ in specs
        for day, value in series(spec, today)
    ]
    return [kpi for _, kpi, _ in specs], links, measurements
