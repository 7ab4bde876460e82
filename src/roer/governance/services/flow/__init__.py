"""A proposal's path to a decision: classification, formal advice, consensus, then mandate.

draft ──submit──▶ advice ──all advice in, or its deadline passed──▶
    local:          awaiting decision ──the unit's own CIO decides──▶ decided (unit mandate)
    cross-cutting:  voting ──everyone voted, consensus──▶ decided (consensus)
                           ──deadline: consensus──▶ decided (consensus)
                           ──deadline: no consensus──▶ escalated ──mandate holder decides──▶ decided (mandate)

Deadlines move without anyone visiting a page: ``process_deadlines`` runs from the
``roer governance-deadlines`` command (cron) and from the background worker. Every step
is one transaction, audited through the models' audit registration; notifications go out
after commit. Times are passed in (``now``) so tests run on a frozen clock.
"""

from roer.governance.services.flow.advice import give_advice
from roer.governance.services.flow.common import StaleProposal, current_tally, missing_advice, voting_members
from roer.governance.services.flow.council import cast_vote
from roer.governance.services.flow.deadlines import REMINDER_INTERVAL, DeadlineReport, process_deadlines
from roer.governance.services.flow.deciding import decide, in_force, may_decide, may_supersede, supersede
from roer.governance.services.flow.drafting import (
    PROPOSAL_FIELDS,
    SUBJECT_NEEDS,
    create_proposal,
    may_reclassify,
    reclassify,
    submit,
    update_proposal,
    withdraw,
)

__all__ = [
    "PROPOSAL_FIELDS",
    "REMINDER_INTERVAL",
    "SUBJECT_NEEDS",
    "DeadlineReport",
    "StaleProposal",
    "cast_vote",
    "create_proposal",
    "current_tally",
    "decide",
    "give_advice",
    "in_force",
    "may_decide",
    "may_reclassify",
    "may_supersede",
    "missing_advice",
    "process_deadlines",
    "reclassify",
    "submit",
    "supersede",
    "update_proposal",
    "voting_members",
    "withdraw",
]
