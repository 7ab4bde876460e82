"""Gate reviews and re-baselines cite the decision that authorised them.

A citable decision approves (possibly with conditions), is in force (not superseded), and
decided a proposal on this very initiative: of subject "gate" for the same gate, or of
subject "rebaseline". The portfolio services check a cited decision with ``check`` and
the forms offer ``citable(...)`` as their choices. The decision page lists what cites a
decision with ``cited_by``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from roer.governance.models import APPROVING, ComplianceStatement, Decision, FrameworkVersion, SubjectKind


def citable(initiative: Any, subject_kind: str, gate: str | None = None) -> QuerySet[Decision]:
    """Approving decisions in force on ``initiative`` for the subject (and gate), newest first."""
    queryset = Decision.objects.filter(
        outcome__in=APPROVING,
        superseded_by__isnull=True,
        proposal__initiative=initiative,
        proposal__subject_kind=subject_kind,
    ).select_related("proposal")
    if gate:
        queryset = queryset.filter(proposal__gate=gate)
    return queryset.order_by("-decided_at", "-pk")


def check(decision: Decision, initiative: Any, subject_kind: str, gate: str | None = None) -> str | None:
    """Why ``decision`` cannot be cited here, or None when it can."""
    proposal = decision.proposal
    if proposal.initiative_id != initiative.pk:
        return _("Decision %(reference)s is about another initiative.") % {"reference": decision.reference}
    if proposal.subject_kind != subject_kind:
        return _("Decision %(reference)s decided %(subject)s, not this.") % {
            "reference": decision.reference,
            "subject": proposal.get_subject_kind_display().lower(),
        }
    if gate and proposal.gate != gate:
        return _("Decision %(reference)s is about the %(gate)s gate.") % {
            "reference": decision.reference,
            "gate": proposal.get_gate_display().lower(),
        }
    if not decision.approves:
        return _("Decision %(reference)s did not approve: it cannot authorise this.") % {
            "reference": decision.reference
        }
    if Decision.objects.filter(supersedes=decision).exists():
        return _("Decision %(reference)s was superseded: cite the decision in force.") % {
            "reference": decision.reference
        }
    return None


@dataclass
class Effects:
    framework_version: FrameworkVersion | None
    exemption: ComplianceStatement | None
    gate_reviews: list[Any]
    baselines: list[Any]

    def __bool__(self) -> bool:
        return bool(self.framework_version or self.exemption or self.gate_reviews or self.baselines)


def cited_by(decision: Decision, user: Any) -> Effects:
    """What the decision set or authorised, as far as ``user`` may see it."""
    from roer.portfolio.models import Baseline, GateReview, Initiative

    visible = Initiative.objects.for_user(user)
    proposal = decision.proposal
    version = None
    if proposal.subject_kind == SubjectKind.FRAMEWORK and proposal.framework_version_id:
        version = FrameworkVersion.objects.select_related("framework").get(pk=proposal.framework_version_id)
    exemption = None
    if proposal.subject_kind == SubjectKind.EXEMPTION and proposal.compliance_statement_id:
        exemption = (
            ComplianceStatement.objects.filter(pk=proposal.compliance_statement_id, initiative__in=visible)
            .select_related("initiative", "framework")
            .first()
        )
    reviews = list(GateReview.objects.filter(decision=decision, initiative__in=visible).select_related("initiative"))
    baselines = list(Baseline.objects.filter(decision=decision, initiative__in=visible).select_related("initiative"))
    return Effects(version, exemption, reviews, baselines)
