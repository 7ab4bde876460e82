"""Counting a body's votes: pure rules, no Django.

Consensus depends on the body's rule:

* ``no_objection`` — at least *quorum* voting members stated a position, and none objects;
* ``consensus_minus_one`` — quorum reached and at most one objection (the objector's
  dissent is recorded with the decision);
* ``unanimity`` — every voting member agrees (an abstention breaks unanimity).

A vote closes early only when every voting member has stated a position and the result
is consensus: while an objection stands, the objector may still withdraw it until the
deadline, so the deadline decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

AGREE = "agree"
OBJECT = "object"
ABSTAIN = "abstain"

NO_OBJECTION = "no_objection"
CONSENSUS_MINUS_ONE = "consensus_minus_one"
UNANIMITY = "unanimity"


@dataclass(frozen=True)
class Tally:
    voting_members: int
    agree: int = 0
    object: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.agree + self.object + self.abstain

    @property
    def everyone_voted(self) -> bool:
        return self.cast >= self.voting_members


def count(positions: Iterable[str], voting_members: int) -> Tally:
    """The tally of the positions of the voting members (advisory members' votes are not passed in)."""
    listed = list(positions)
    unknown = set(listed) - {AGREE, OBJECT, ABSTAIN}
    if unknown:
        raise ValueError(f"unknown positions: {sorted(unknown)}")
    return Tally(voting_members, listed.count(AGREE), listed.count(OBJECT), listed.count(ABSTAIN))


def quorum_reached(tally: Tally, quorum: int) -> bool:
    return tally.cast >= quorum


def consensus(rule: str, quorum: int, tally: Tally) -> bool:
    if rule == NO_OBJECTION:
        return quorum_reached(tally, quorum) and tally.object == 0
    if rule == CONSENSUS_MINUS_ONE:
        return quorum_reached(tally, quorum) and tally.object <= 1
    if rule == UNANIMITY:
        return tally.voting_members > 0 and tally.agree == tally.voting_members
    raise ValueError(f"unknown consensus rule: {rule}")


def closes_early(rule: str, quorum: int, tally: Tally) -> bool:
    """True when the vote need not wait for its deadline: everyone voted and that is consensus."""
    return tally.everyone_voted and consensus(rule, quorum, tally)


def why_no_consensus(rule: str, quorum: int, tally: Tally) -> str:
    """A short, untranslated key for the reason a vote failed; the pages translate it."""
    if rule == UNANIMITY:
        return "not_unanimous"
    if not quorum_reached(tally, quorum):
        return "no_quorum"
    return "objection"
