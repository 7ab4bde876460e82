"""Status reports with the dual rating, the CIO's risk rating and the CIO opinion.

- The project's own report (RAG per aspect and overall, narrative) is recorded by the
  portfolio office or the initiative's sponsor or manager. When the current variance
  against the initial baseline exceeds the organisation's explanation threshold, the
  explanation of variances is required.
- The independent rating comes from the portfolio office or assurance (portfolio
  manager or auditor), never from the person who wrote the report.
- The CIO risk rating (1 high risk – 5 low risk) and the CIO opinion come from a CIO or
  mandate holder.
- Computed: cost and schedule ratings from the variance against the initial baseline,
  overall = mean of cost, schedule and CIO rating unless the CIO rating is worse than
  both (then it replaces the mean). A report whose own overall RAG is one step or more
  rosier than the independent one is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from roer.organisation.roles import Capability
from roer.portfolio.health import rating
from roer.portfolio.models import CioOpinion, Initiative, StatusReport
from roer.portfolio.services.baselines import Figures, figures
from roer.portfolio.services.checks import require, require_reporter
from roer.portfolio.services.policy import policy_for
from roer.portfolio.services.stale import refuse_if_changed

REPORT_FIELDS = ("period_end", "cost", "schedule", "scope", "risk", "overall", "narrative", "variance_narrative")
INDEPENDENT_FIELDS = ("independent_overall", "independent_comment", "independent_by_id")
CIO_FIELDS = ("cio_rating", "cio_comment", "cio_rated_by_id")
OPINION_FIELDS = ("given_on", "opinion", "text")


def record_status_report(user: Any, initiative: Initiative, values: dict[str, Any]) -> StatusReport:
    require_reporter(user, initiative)
    report = StatusReport(initiative=initiative, reported_by=user, **{k: values.get(k) or "" for k in REPORT_FIELDS})
    report.period_end = values["period_end"]
    found = figures(initiative)
    limit = policy_for(initiative).narrative_from
    if (
        found
        and max(abs(found.variance.cost), found.variance.schedule) > limit
        and not report.variance_narrative.strip()
    ):
        raise ValidationError(
            {
                "variance_narrative": _(
                    "Cost or schedule deviate more than %(limit)s %% from the initial baseline: explain why."
                )
                % {"limit": (limit * 100).normalize()}
            }
        )
    with transaction.atomic():
        report.full_clean()
        report.save()
    return report


def _locked(report: StatusReport) -> StatusReport:
    return StatusReport.objects.select_for_update().select_related("initiative__org_unit").get(pk=report.pk)


def rate_independently(user: Any, report: StatusReport, values: dict[str, Any], expected: str | None) -> StatusReport:
    require(user, Capability.RATE_INDEPENDENTLY, report.initiative)
    if report.reported_by_id == user.pk:
        raise ValidationError(_("An independent rating cannot come from the person who wrote the report."))
    with transaction.atomic():
        stored = _locked(report)
        refuse_if_changed(stored, INDEPENDENT_FIELDS, expected)
        stored.independent_overall = values["independent_overall"]
        stored.independent_comment = values.get("independent_comment") or ""
        stored.independent_by = user
        stored.full_clean()
        stored.save()
    return stored


def rate_as_cio(user: Any, report: StatusReport, values: dict[str, Any], expected: str | None) -> StatusReport:
    require(user, Capability.RATE_AS_CIO, report.initiative)
    with transaction.atomic():
        stored = _locked(report)
        refuse_if_changed(stored, CIO_FIELDS, expected)
        stored.cio_rating = values["cio_rating"]
        stored.cio_comment = values.get("cio_comment") or ""
        stored.cio_rated_by = user
        stored.full_clean()
        stored.save()
    return stored


def record_cio_opinion(user: Any, initiative: Initiative, values: dict[str, Any]) -> CioOpinion:
    require(user, Capability.RATE_AS_CIO, initiative)
    opinion = CioOpinion(initiative=initiative, given_by=user, **{k: values.get(k) for k in OPINION_FIELDS})
    with transaction.atomic():
        opinion.full_clean()
        opinion.save()
    return opinion


def rosier_by(report: StatusReport) -> int:
    """Steps by which the project's own overall RAG is rosier than the independent one (0 without one)."""
    if not report.independent_overall:
        return 0
    return rating.rating_gap(rating.Colour(report.overall), rating.Colour(report.independent_overall))


@dataclass(frozen=True)
class Ratings:
    cost: int | None
    schedule: int | None
    cio: int | None
    cio_report: StatusReport | None

    @property
    def overall(self) -> Decimal | None:
        if self.cost is None or self.schedule is None or self.cio is None:
            return None
        return rating.overall_rating(self.cost, self.schedule, self.cio)

    @property
    def colour(self) -> str | None:
        overall = self.overall
        return None if overall is None else rating.colour(overall).value

    @property
    def cio_decides(self) -> bool:
        """True when the CIO rating replaces the mean (worse than cost and schedule)."""
        return None not in (self.cost, self.schedule, self.cio) and self.cio < min(self.cost, self.schedule)  # type: ignore[operator,type-var]


def ratings(found: Figures | None, reports: list[StatusReport]) -> Ratings:
    """Computed ratings: cost and schedule from the variance against the initial baseline, CIO from the latest."""
    cio_report = next((r for r in reports if r.cio_rating is not None), None)
    cost = rating.rating_for_variance(found.variance.cost) if found else None
    schedule = rating.rating_for_variance(found.variance.schedule) if found else None
    return Ratings(cost, schedule, cio_report.cio_rating if cio_report else None, cio_report)


def reports(initiative: Initiative) -> list[StatusReport]:
    """Newest period first."""
    return list(
        initiative.status_reports.select_related("reported_by", "independent_by", "cio_rated_by").order_by(
            "-period_end"
        )
    )
