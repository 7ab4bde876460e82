"""What an approving (or refusing) decision changes elsewhere.

Frameworks and exemptions live in this app and are handled here. Other apps register a
hook for their own subject kind (the optimiser's plans: ``on_decision("plan", hook)``),
so governance does not import them. Gate reviews and re-baselines cite their decision
themselves (``GateReview.decision``, ``Baseline.decision``).
"""

from __future__ import annotations

from collections.abc import Callable

from roer.governance.models import ComplianceState, Decision, SubjectKind

Hook = Callable[[Decision], None]

_HOOKS: dict[str, list[Hook]] = {}


def on_decision(subject_kind: str, hook: Hook) -> None:
    """Call ``hook(decision)`` inside the deciding transaction for every decision on ``subject_kind``."""
    hooks = _HOOKS.setdefault(subject_kind, [])
    if hook not in hooks:
        hooks.append(hook)


def apply(decision: Decision) -> None:
    proposal = decision.proposal
    if proposal.subject_kind == SubjectKind.FRAMEWORK and proposal.framework_version is not None:
        version = proposal.framework_version
        # The newest decision on the version rules: a correction that rejects takes it out of force.
        version.decision = decision if decision.approves else None
        version.save()
    if proposal.subject_kind == SubjectKind.EXEMPTION and proposal.compliance_statement is not None:
        statement = proposal.compliance_statement
        statement.state = ComplianceState.EXEMPTION_GRANTED if decision.approves else ComplianceState.EXEMPTION_REFUSED
        statement.decision = decision
        if decision.approves and decision.valid_until:
            statement.exemption_until = decision.valid_until
        statement.version += 1
        statement.save()
    for hook in _HOOKS.get(proposal.subject_kind, []):
        hook(decision)
