"""Gate reviews with the six-lever check, and the phase a passed gate leads to.

A passed (or conditionally passed) gate moves the initiative forward, never back:

=========  =============================  ==============
gate       moves from                     to
=========  =============================  ==============
intake     idea                           intake
approval   idea, intake                   approved
go-live    approved, execution            live (adoption)
closure    execution, live                closed
=========  =============================  ==============

Approved → execution has no gate: it is a phase change on the initiative itself. An
initiative on hold or stopped is never moved by a gate, and a postponed or rejected
review moves nothing. The move goes through ``update_initiative``, so the intake rule
applies: a gate cannot carry an initiative out of the idea phase without what it needs.

At the approval gate a passing review is refused while any lever scored below the
organisation's threshold lacks a waiver (its reason, recorded with the person who
records the review). A passing closure review needs the adoption evaluation: until
one is recorded, a live or closed initiative stays listed as "adoption not yet evaluated".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.organisation.roles import Capability
from roer.portfolio.models import PASSING, Gate, GateReview, Initiative, Lever, LeverScore, Phase
from roer.portfolio.services import Refused, update_initiative
from roer.portfolio.services.checks import require
from roer.portfolio.services.policy import policy_for

PHASE_AFTER: dict[str, tuple[tuple[str, ...], str]] = {
    Gate.INTAKE: ((Phase.IDEA,), Phase.INTAKE),
    Gate.APPROVAL: ((Phase.IDEA, Phase.INTAKE), Phase.APPROVED),
    Gate.GO_LIVE: ((Phase.APPROVED, Phase.EXECUTION), Phase.LIVE),
    Gate.CLOSURE: ((Phase.EXECUTION, Phase.LIVE), Phase.CLOSED),
}

REVIEW_FIELDS = ("gate", "outcome", "held_on", "reviewer", "conditions", "notes", "adoption_evaluation", "decision")


@dataclass(frozen=True)
class LeverInput:
    score: int
    evidence: str = ""
    waiver_reason: str = ""


class LeversBelowThreshold(ValidationError):
    """A passing approval review with levers below the threshold and no waiver; ``levers`` names them."""

    def __init__(self, levers: list[str], threshold: int) -> None:
        names = ", ".join(str(Lever(lever).label) for lever in levers)
        super().__init__(
            _(
                "The approval gate cannot pass: these levers score below %(threshold)d and need a waiver "
                "(its reason): %(levers)s."
            )
            % {"threshold": threshold, "levers": names}
        )
        self.levers = levers


def next_phase(gate: str, outcome: str, phase: str) -> str | None:
    """The phase a review leads to, or None when it leaves the phase as it is."""
    if outcome not in PASSING:
        return None
    sources, target = PHASE_AFTER[gate]
    return target if phase in sources else None


def below_threshold(gate: str, outcome: str, levers: dict[str, LeverInput], threshold: int) -> list[str]:
    """Levers that need a waiver before this review may be recorded; only a passing approval checks them."""
    if gate != Gate.APPROVAL or outcome not in PASSING:
        return []
    return [name for name, given in levers.items() if given.score < threshold]


def _check(values: dict[str, Any], levers: dict[str, LeverInput], threshold: int) -> None:
    missing = [str(lever.label) for lever in Lever if lever.value not in levers]
    if missing:
        raise ValidationError(_("Score every lever; missing: %(levers)s.") % {"levers": ", ".join(missing)})
    if any(not 0 <= given.score <= 3 for given in levers.values()):
        raise ValidationError(_("Lever scores run from 0 to 3."))
    unwaived = [
        name
        for name in below_threshold(values["gate"], values["outcome"], levers, threshold)
        if not levers[name].waiver_reason.strip()
    ]
    if unwaived:
        raise LeversBelowThreshold(unwaived, threshold)
    if (
        values["gate"] == Gate.CLOSURE
        and values["outcome"] in PASSING
        and not str(values.get("adoption_evaluation") or "").strip()
    ):
        raise ValidationError(
            {"adoption_evaluation": _("A closure passes only with an evaluation of how far the result was adopted.")}
        )


def _check_decision(values: dict[str, Any], initiative: Initiative) -> None:
    """A cited decision must approve this gate of this initiative, and be in force."""
    from roer.governance.models import SubjectKind
    from roer.governance.services.citations import check

    decision = values.get("decision")
    if decision is None:
        return
    problem = check(decision, initiative, SubjectKind.GATE, values.get("gate"))
    if problem:
        raise ValidationError({"decision": problem})


def record_gate_review(
    user: Any, initiative: Initiative, values: dict[str, Any], levers: dict[str, LeverInput]
) -> GateReview:
    """Record the review and its six lever scores; move the phase when the gate passes (see above).

    ``values["decision"]`` (optional) cites the governance decision that approved passing the gate.
    """
    require(user, Capability.REVIEW_GATES, initiative)
    threshold = policy_for(initiative).lever_threshold
    _check(values, levers, threshold)
    _check_decision(values, initiative)
    waivable = set(below_threshold(values["gate"], values["outcome"], levers, threshold))
    with transaction.atomic():
        review = GateReview(initiative=initiative, **{k: v for k, v in values.items() if k in REVIEW_FIELDS})
        review.reviewer = values.get("reviewer") or user
        review.held_on = values.get("held_on") or timezone.localdate()
        review.full_clean()
        review.save()
        for name, given in levers.items():
            waived = name in waivable
            LeverScore.objects.create(
                review=review,
                lever=name,
                score=given.score,
                evidence=given.evidence,
                waiver_reason=given.waiver_reason if waived else "",
                waived_by=user if waived else None,
            )
        stored = Initiative.objects.select_for_update().get(pk=initiative.pk)
        target = next_phase(review.gate, review.outcome, stored.phase)
        if target is not None:
            try:
                update_initiative(user, stored, {"phase": target}, stored.version)
            except Refused as refusal:
                raise ValidationError(str(refusal.message)) from None
    return review


def reviews(initiative: Initiative) -> list[GateReview]:
    """The initiative's gate reviews, newest first, each with its levers weakest first."""
    return list(
        initiative.gate_reviews.select_related("reviewer")
        .prefetch_related("levers__waived_by")
        .order_by("-held_on", "-pk")
    )


def _evaluated() -> Exists:
    return Exists(
        GateReview.objects.filter(initiative=OuterRef("pk"), gate=Gate.CLOSURE, outcome__in=PASSING).exclude(
            adoption_evaluation=""
        )
    )


def awaiting_adoption(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Initiatives past go-live whose adoption has not been evaluated at a closure review."""
    return queryset.filter(phase__in=[Phase.LIVE, Phase.CLOSED]).exclude(_evaluated())


def adoption_evaluated(initiative: Initiative) -> bool:
    return (
        initiative.gate_reviews.filter(gate=Gate.CLOSURE, outcome__in=PASSING).exclude(adoption_evaluation="").exists()
    )
