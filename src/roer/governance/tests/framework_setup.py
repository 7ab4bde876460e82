"""Helpers for the framework, compliance and decision-link tests: a framework put in force by the council."""

from __future__ import annotations

import datetime as dt

from roer.governance.models import Decision, Framework, FrameworkVersion, Proposal
from roer.governance.services import flow, frameworks
from roer.governance.tests.conftest import Council
from roer.organisation.models import OrgUnit

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
TODAY = START.date()

ADVISERS = ("petra", "dirk", "tim")


def advise_all(proposal: Proposal, council: Council) -> None:
    people = {
        "privacy_officer": council.petra,
        "data_officer": council.dirk,
        "technology_officer": council.tim,
        "controller": council.carla,
    }
    for request in proposal.advice.all():
        flow.give_advice(people[request.role], proposal, request.role, "positive", "Akkoord.")


def consensus(proposal: Proposal, council: Council) -> Decision:
    """Advice, then alice and otto agree: the council decides by consensus."""
    advise_all(proposal, council)
    flow.cast_vote(council.world.alice, proposal, "agree")
    flow.cast_vote(council.otto, proposal, "agree")
    decision: Decision = proposal.decisions.get()
    return decision


def framework(council: Council, unit: OrgUnit | None = None, code: str = "cloud") -> Framework:
    return frameworks.create_framework(
        council.tim,
        {"code": code, "title": "Cloudbeleid", "org_unit": unit or council.world.ministry, "description": "Kader"},
    )


def draft(council: Council, item: Framework, effective_on: dt.date = TODAY, lines: int = 2) -> FrameworkVersion:
    requirements = ["Data blijft in de EU.", "Een exit-strategie is beschreven.", "Versleuteling in rust."][:lines]
    return frameworks.save_draft(
        council.tim, item, {"summary": "Eerste versie", "effective_on": effective_on, "requirements": requirements}
    )


def in_force(council: Council, unit: OrgUnit | None = None, code: str = "cloud") -> tuple[Framework, Decision]:
    """A framework whose first version the council adopted by consensus, effective today."""
    item = framework(council, unit, code)
    version = draft(council, item)
    proposal = frameworks.propose(council.tim, version, {"scope_reason": "Raakt het hele ministerie."})
    return item, consensus(proposal, council)
