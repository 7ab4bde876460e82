"""The quarterly evaluation of the business–IT collaboration by a portfolio board's members, and its trend.

Each member (and the chair) answers five statements on a scale of 1 (disagree) to 5 (agree)
once per quarter — the quarter of the meeting that asked for it — and may revise the answer
until that quarter ends. The trend shows per quarter how many answered and the mean per
statement, with one decimal, as ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.governance.models import EVALUATION_FIELDS, BodyKind, CollaborationEvaluation, Meeting
from roer.governance.services.bodies import current_memberships
from roer.governance.services.meetings import quarter_of

__all__ = ["QuarterTrend", "evaluation_of", "is_open", "may_evaluate", "quarter_end", "submit_evaluation", "trend"]

ONE_DECIMAL = Decimal("0.1")


def may_evaluate(user: Any, meeting: Meeting) -> bool:
    body = meeting.body
    if body.kind != BodyKind.PORTFOLIO_BOARD or not getattr(user, "is_authenticated", False):
        return False
    return user.pk == body.chair_id or current_memberships(body).filter(person_id=user.pk).exists()


def quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date.fromordinal(date(year, quarter * 3 + 1, 1).toordinal() - 1)


def is_open(meeting: Meeting, now: datetime | None = None) -> bool:
    """Answers for the meeting's quarter are taken (and revised) until that quarter ends."""
    year, quarter = quarter_of(meeting.starts_at)
    return timezone.localtime(now or timezone.now()).date() <= quarter_end(year, quarter)


def evaluation_of(user: Any, meeting: Meeting) -> CollaborationEvaluation | None:
    year, quarter = quarter_of(meeting.starts_at)
    return CollaborationEvaluation.objects.filter(
        body=meeting.body, year=year, quarter=quarter, respondent_id=user.pk
    ).first()


def submit_evaluation(
    user: Any, meeting: Meeting, scores: dict[str, int], comment: str = "", now: datetime | None = None
) -> CollaborationEvaluation:
    """The member's answer for the meeting's quarter; a second submission in the quarter revises the first."""
    if meeting.body.kind != BodyKind.PORTFOLIO_BOARD:
        raise ValidationError(_("Only a portfolio board evaluates the business–IT collaboration."))
    if not may_evaluate(user, meeting):
        raise PermissionDenied(_("Only the members of %(body)s evaluate its collaboration.") % {"body": meeting.body})
    if not is_open(meeting, now):
        raise ValidationError(_("This quarter has ended: its evaluation can no longer be given or changed."))
    errors: dict[str, list[str]] = {}
    for name in EVALUATION_FIELDS:
        value = scores.get(name)
        if not isinstance(value, int) or not 1 <= value <= 5:
            errors[name] = [_("Choose a score from 1 to 5.")]
    if errors:
        raise ValidationError(errors)
    year, quarter = quarter_of(meeting.starts_at)
    moment = now or timezone.now()
    with transaction.atomic():
        evaluation = (
            CollaborationEvaluation.objects.select_for_update()
            .filter(body=meeting.body, year=year, quarter=quarter, respondent_id=user.pk)
            .first()
        ) or CollaborationEvaluation(body=meeting.body, year=year, quarter=quarter, respondent=user)
        for name in EVALUATION_FIELDS:
            setattr(evaluation, name, scores[name])
        evaluation.comment = comment
        evaluation.submitted_at = moment
        evaluation.full_clean()
        evaluation.save()
    return evaluation


@dataclass(frozen=True)
class QuarterTrend:
    year: int
    quarter: int
    respondents: int
    means: dict[str, Decimal]

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}"

    @property
    def overall(self) -> Decimal:
        total = sum(self.means.values(), Decimal(0)) / len(self.means)
        return total.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)

    def mean_list(self) -> list[Decimal]:
        return [self.means[name] for name in EVALUATION_FIELDS]


def trend(body: Any) -> list[QuarterTrend]:
    """Per quarter, oldest first: respondents and the mean per statement (one decimal, half up)."""
    sums: dict[tuple[int, int], list[int]] = {}
    counts: dict[tuple[int, int], int] = {}
    for row in CollaborationEvaluation.objects.filter(body=body).values("year", "quarter", *EVALUATION_FIELDS):
        key = (row["year"], row["quarter"])
        totals = sums.setdefault(key, [0] * len(EVALUATION_FIELDS))
        for index, name in enumerate(EVALUATION_FIELDS):
            totals[index] += row[name]
        counts[key] = counts.get(key, 0) + 1
    result = []
    for key in sorted(sums):
        n = counts[key]
        means = {
            name: (Decimal(total) / n).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            for name, total in zip(EVALUATION_FIELDS, sums[key], strict=True)
        }
        result.append(QuarterTrend(key[0], key[1], n, means))
    return result
