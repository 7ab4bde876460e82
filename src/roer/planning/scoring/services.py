"""Scores from the portfolio's data: the one Django module of the scoring package.

``scores_for(initiatives)`` gathers each initiative's facts in a fixed number of queries
per 2,000 initiatives (two, plus one for the configurations) and scores them with its
organisation's configuration. The scenario pages use ``ScoreBreakdown.value`` as the
candidate's ``value``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roer.organisation.access import has_capability
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.planning.models import ScoringConfiguration
from roer.planning.scoring.criteria import CRITERIA, Criterion, Facts
from roer.planning.scoring.score import ScoreBreakdown, Weights, score
from roer.portfolio.models import Baseline, BaselineCost, CostKind, Initiative, Phase, StatusReport, cost_total
from roer.portfolio.services import StaleVersion
from roer.strategy.models import Contribution

__all__ = ["ScoreBreakdown", "scores_for"]

CHUNK = 2000
FINISHED = (Phase.CLOSED, Phase.STOPPED)
CONFIG_FIELDS = (*(f"weight_{criterion.value}" for criterion in CRITERIA), "enabled_criteria", "cost_reference")

LABELS = {
    Criterion.STRATEGIC: gettext_lazy("Strategic contribution"),
    Criterion.LEGAL: gettext_lazy("Legal obligation"),
    Criterion.RISK: gettext_lazy("Risk"),
    Criterion.URGENCY: gettext_lazy("Urgency"),
    Criterion.COST: gettext_lazy("Cost"),
}
EXPLANATIONS = {
    Criterion.STRATEGIC: gettext_lazy(
        "Contributions to goals in the goal–effort network: 1, 2 or 3 points by confidence (low, medium, high), "
        "one more when the contribution names a KPI; 6 points or more score in full."
    ),
    Criterion.LEGAL: gettext_lazy(
        "Mandatory by law scores in full, a recorded legal basis without the mandatory mark scores half, "
        "otherwise nothing."
    ),
    Criterion.RISK: gettext_lazy(
        "Lower risk scores higher: the CIO risk rating of the latest status report (5 in full, 1 nothing), "
        "else that report's overall colour (green 5, amber 3, red 1); without a report half."
    ),
    Criterion.URGENCY: gettext_lazy(
        "A nearer end date (latest baseline) scores higher: today or past in full, three years or more away "
        "nothing; without an end date, or once closed or stopped, nothing."
    ),
    Criterion.COST: gettext_lazy(
        "Cheaper scores higher: the cost reference divided by the reference plus the current cost estimate "
        "(forecast, else plan, else latest baseline); without an estimate half."
    ),
}


def root_id(path: str) -> int:
    return int(path.strip("/").split("/")[0])


def configuration_for(organisation: OrgUnit) -> ScoringConfiguration:
    """The stored configuration of the unit's organisation, or an unsaved one with the defaults (version 0)."""
    organisation_id = root_id(organisation.path)
    stored = ScoringConfiguration.objects.filter(organisation_id=organisation_id).first()
    return stored or ScoringConfiguration(organisation_id=organisation_id, version=0)


def weights_of(configuration: ScoringConfiguration) -> Weights:
    return Weights(
        weights={criterion: int(getattr(configuration, f"weight_{criterion.value}")) for criterion in CRITERIA},
        enabled=frozenset(
            Criterion(name) for name in configuration.enabled_criteria if name in Criterion._value2member_map_
        ),
        cost_reference=configuration.cost_reference,
    )


DEFAULT = weights_of(ScoringConfiguration())


def may_manage(user: Any, organisation: OrgUnit) -> bool:
    return organisation.parent_id is None and has_capability(user, Capability.MANAGE_POLICY, organisation.path)


def update_configuration(
    user: Any, organisation: OrgUnit, values: dict[str, Any], expected_version: int
) -> ScoringConfiguration:
    """Store the weights; refused with ``StaleVersion`` when someone saved a newer version meanwhile."""
    if not may_manage(user, organisation):
        raise PermissionDenied(_("You may not set the scoring of %(unit)s.") % {"unit": organisation})
    with transaction.atomic():
        stored = ScoringConfiguration.objects.select_for_update().filter(organisation=organisation).first()
        # Not stored yet: version 0, so a form opened before the first save is refused after it.
        stored = stored or ScoringConfiguration(organisation=organisation, version=0)
        if stored.version != expected_version:
            raise StaleVersion(stored, expected_version)
        for name in CONFIG_FIELDS:
            if name in values:
                setattr(stored, name, values[name])
        known = {criterion.value for criterion in CRITERIA}
        if not isinstance(stored.enabled_criteria, list) or not set(stored.enabled_criteria) <= known:
            raise ValidationError({"enabled_criteria": _("Choose criteria from the list.")})
        stored.version += 1  # safe: the row is locked until the transaction ends (or unique on creation)
        stored.full_clean()
        stored.save()
    return stored


def _chunks(initiatives: Iterable[Initiative]) -> Iterator[QuerySet[Initiative]]:
    """Querysets of the given initiatives: a given queryset as a subquery, a list in chunks."""
    if isinstance(initiatives, QuerySet):
        yield Initiative.objects.filter(pk__in=initiatives.order_by().values("pk"))
        return
    ids = sorted({initiative.pk for initiative in initiatives})
    for start in range(0, len(ids), CHUNK):
        yield Initiative.objects.filter(pk__in=ids[start : start + CHUNK])


def _annotated(initiatives: QuerySet[Initiative]) -> QuerySet[Any, dict[str, Any]]:
    latest_report = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-period_end")
    latest_baseline = Baseline.objects.filter(initiative=OuterRef("pk")).order_by("-number")
    baseline_total = (
        BaselineCost.objects.filter(
            baseline__initiative=OuterRef("pk"),
            baseline__number=Subquery(
                Baseline.objects.filter(initiative=OuterRef(OuterRef("pk"))).order_by("-number").values("number")[:1]
            ),
        )
        .order_by()
        .values("baseline")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return initiatives.order_by().annotate(
        forecast_total=cost_total(CostKind.FORECAST),
        plan_total=cost_total(CostKind.PLAN),
        baseline_total=Subquery(baseline_total),
        has_baseline=Exists(latest_baseline),
        end_date=Subquery(latest_baseline.values("end_date")[:1]),
        cio_rating=Subquery(latest_report.values("cio_rating")[:1]),
        overall_rag=Subquery(
            latest_report.annotate(rag=Coalesce("independent_overall", "overall")).values("rag")[:1]
        ),
    ).values(
        "pk", "mandatory", "legal_basis", "phase", "org_unit__path", "forecast_total", "plan_total",
        "baseline_total", "has_baseline", "end_date", "cio_rating", "overall_rag",
    )  # fmt: skip


def _cost(row: dict[str, Any]) -> tuple[Decimal | None, str]:
    for name, source in (("forecast_total", "forecast"), ("plan_total", "plan"), ("baseline_total", "baseline")):
        if row[name] is not None:
            return Decimal(row[name]), source
    if row["has_baseline"]:
        return Decimal(0), "baseline"
    return None, ""


def facts_for(initiatives: Iterable[Initiative]) -> dict[int, tuple[Facts, int]]:
    """Each initiative's facts and the id of its organisation."""
    result: dict[int, tuple[Facts, int]] = {}
    for chunk in _chunks(initiatives):
        contributions: dict[int, list[tuple[str, bool]]] = defaultdict(list)
        for initiative_id, confidence, kpi_id in (
            Contribution.objects.filter(initiative__in=chunk.values("pk"))
            .order_by("initiative", "pk")
            .values_list("initiative", "confidence", "kpi")
        ):
            contributions[initiative_id].append((confidence, kpi_id is not None))
        for row in _annotated(chunk):
            cost, source = _cost(row)
            rag = row["overall_rag"] or None
            facts = Facts(
                contributions=tuple(contributions.get(row["pk"], ())),
                mandatory=row["mandatory"],
                legal_basis=bool(row["legal_basis"].strip()),
                cio_rating=row["cio_rating"],
                overall_rag=rag,
                end_date=row["end_date"],
                finished=row["phase"] in FINISHED,
                cost=cost,
                cost_source=source,
            )
            result[row["pk"]] = (facts, root_id(row["org_unit__path"]))
    return result


def scores_for(initiatives: Iterable[Initiative], today: datetime.date | None = None) -> dict[int, ScoreBreakdown]:
    """The score and its breakdown of each initiative, by id, with its organisation's configuration.

    Runs two queries per 2,000 initiatives (one for a queryset, whatever its size) and one for the
    configurations. ``value`` is a ``Decimal`` from 0 to 100 in cents.
    """
    day = today or timezone.localdate()
    facts = facts_for(initiatives)
    organisations = {organisation for _facts, organisation in facts.values()}
    weights = {
        configuration.organisation_id: weights_of(configuration)
        for configuration in ScoringConfiguration.objects.filter(organisation_id__in=organisations)
    } if organisations else {}  # fmt: skip
    # Initiatives with the same facts in the same organisation share one (immutable) breakdown:
    # portfolios have many, e.g. ideas with no data yet.
    memo: dict[tuple[Facts, int], ScoreBreakdown] = {}
    result = {}
    for pk, key in facts.items():
        if key not in memo:
            fact, organisation = key
            memo[key] = score(fact, weights.get(organisation, DEFAULT), day)
        result[pk] = memo[key]
    return result
