"""The demo's federated governance: a CIO council, a portfolio board, proposals in every state,
two binding frameworks with comply-or-explain statements, meetings and the inbox.

Everything moves through the governance services (the flow, frameworks and compliance) on
explicit clock values counted back from ``today``, in the order it would have happened:
advice, votes, the deadline job (``process_deadlines(now=…)``) and decisions. So the state
history and the notifications are real, every step is audited (as the work of
``command:demo``, like all demo rows), and the build is deterministic for a given day.
Deadlines still open lie after ``today``: the deadline job has nothing to move right after
the demo loads.

The story, in days relative to ``today`` (chapters in ``governance_frameworks`` and
``governance_proposals``):

-150 Cloud framework v1 → advice → every member agrees: consensus (−141); statements follow
 -84 Generative-AI framework v1 → an objection and an abstention → escalated at the deadline
     (−68) → the mandate holder decides at the council meeting (−64), the dissent recorded
 -50 An initiative asks an exemption from the cloud framework → granted by consensus (−44)
 -40 A gate → one adviser silent: the advice lapses (−30) → the unit's CIO decides (−29),
     and corrects it (−20): a new decision supersedes the first
 -35 A gate proposal, withdrawn
 -26 Video conferencing policy → an objection → escalated (−2): awaiting the mandate holder
 -16 Open source policy: the council votes until +5
  -6 A budget change: awaiting the CIO of the shared service organisation
  -4 An exemption from the AI framework: awaiting advice
  -3 Cloud framework v2: awaiting advice
  -1 A re-baseline: a draft
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.utils import timezone, translation

from roer.demo import governance_frameworks as frameworks
from roer.demo import governance_proposals as proposals
from roer.demo.governance_meetings import add_meetings
from roer.demo.report import BuildReport
from roer.governance.models import (
    Body,
    BodyKind,
    Cadence,
    ConsensusRule,
    Decision,
    DecisionType,
    MemberCapacity,
    Proposal,
)
from roer.governance.services import bodies, flow
from roer.organisation.models import OrgUnit, Person
from roer.portfolio.models import Initiative

COUNCIL = "CIO-raad BDZ"
BOARD = "Portfolioboard BDZ"
MEMBERS_SINCE = dt.date(2024, 3, 1)


class Clock:
    """Moments counted in days from the build day, in the current time zone."""

    def __init__(self, today: dt.date) -> None:
        self.today = today

    def at(self, days: int, hour: int = 10, minute: int = 0) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.today + dt.timedelta(days=days), dt.time(hour, minute)))

    def day(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)


def add_governance(today: dt.date, people: dict[str, Person], report: BuildReport) -> None:
    """Build the governance story once: when the council exists, the story was told already."""
    if Body.objects.filter(name=COUNCIL).exists():
        report.note("bodies", False)
        return
    story = Story(Clock(today), people, report)
    story.tell()


class Story:
    def __init__(self, clock: Clock, people: dict[str, Person], report: BuildReport) -> None:
        self.clock = clock
        self.people = people
        self.report = report
        self.ministry = OrgUnit.objects.get(code="bdz")
        self.council = self._council()
        self.board = self._board()

    # --- helpers --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def by(self, username: str) -> Iterator[Person]:
        """A step taken by ``username`` (the audit trail names the channel, ``command:demo``, as for all demo rows)."""
        yield self.people[username]

    def kind(self, code: str) -> DecisionType:
        return DecisionType.objects.get(code=code)

    def initiative(self, code: str) -> Initiative:
        initiative: Initiative = Initiative.objects.select_related("org_unit").get(code=code)
        return initiative

    def propose(self, username: str, days: int, values: dict[str, Any], submit: bool = True) -> Proposal:
        with self.by(username) as person:
            proposal = flow.create_proposal(person, values, now=self.clock.at(days))
            if submit:
                flow.submit(person, proposal, now=self.clock.at(days, 10, 5))
        self.report.note("proposals", True)
        proposal.refresh_from_db()
        return proposal

    def advise(self, username: str, proposal: Proposal, days: int, position: str, text: str, hour: int = 11) -> None:
        role = {"lotte": "privacy_officer", "daan": "data_officer", "yusuf": "technology_officer"}.get(
            username, "controller"
        )
        with self.by(username) as person:
            flow.give_advice(person, proposal, role, position, text, now=self.clock.at(days, hour))

    def vote(self, username: str, proposal: Proposal, days: int, position: str, reason: str = "") -> None:
        with self.by(username) as person:
            flow.cast_vote(person, proposal, position, reason, now=self.clock.at(days, 16))

    def deadlines(self, days: int, hour: int = 10, minute: int = 15) -> flow.DeadlineReport:
        return flow.process_deadlines(now=self.clock.at(days, hour, minute))

    def decided(self, proposal: Proposal) -> Decision:
        self.report.note("decisions", True)
        decision: Decision = proposal.decisions.order_by("-decided_at", "-pk").first()  # type: ignore[assignment]
        return decision

    # --- the bodies -----------------------------------------------------------------------------

    def _body(self, values: dict[str, Any], voting: tuple[str, ...], advisory: tuple[str, ...]) -> Body:
        """Rik, the functional administrator, sets the body up through the bodies service."""
        with self.by("rik") as rik:
            body = bodies.create_body(rik, {"org_unit": self.ministry, **values})
            for capacity, usernames in ((MemberCapacity.VOTING, voting), (MemberCapacity.ADVISORY, advisory)):
                for username in usernames:
                    bodies.add_member(rik, body, self.people[username], capacity, MEMBERS_SINCE)
        self.report.note("bodies", True)
        return body

    def _council(self) -> Body:
        return self._body(
            {
                "name": COUNCIL,
                "kind": BodyKind.CIO_COUNCIL,
                "chair": self.people["marieke"],
                "secretary": self.people["rik"],
                "mandate_holder": self.people["marieke"],
                "quorum": 3,
                "consensus_rule": ConsensusRule.NO_OBJECTION,
                "cadence": Cadence.MONTHLY,
                "description": (
                    "De CIO's van de directoraten-generaal en de SSO besluiten samen over wat het hele ministerie "
                    "raakt. Lukt consensus niet voor de termijn, dan besluit de CIO van het ministerie als "
                    "mandaathouder. De privacy-, data- en technologie-officer adviseren."
                ),
            },
            voting=("joost", "samira", "pieter", "ingrid", "ruud"),
            advisory=("lotte", "daan", "yusuf"),
        )

    def _board(self) -> Body:
        return self._body(
            {
                "name": BOARD,
                "kind": BodyKind.PORTFOLIO_BOARD,
                "chair": self.people["gerard"],
                "secretary": self.people["thomas"],
                "mandate_holder": self.people["marieke"],
                "quorum": 3,
                "consensus_rule": ConsensusRule.CONSENSUS_MINUS_ONE,
                "cadence": Cadence.QUARTERLY,
                "description": (
                    "Bestuur en IT bespreken elk kwartaal het portfolio: intakes, initiatieven in het rood, "
                    "aflopende uitzonderingen, en hoe de samenwerking tussen bedrijf en IT verloopt."
                ),
            },
            voting=("gerard", "marieke", "joost", "samira", "ruud"),
            advisory=("thomas", "esther"),
        )

    def tell(self) -> None:
        """The chapters in the order they happened; the deadline job runs between them as it would have."""
        with translation.override("nl"):  # texts the services write (titles, summaries) in the demo's language
            cloud = frameworks.cloud_by_consensus(self)
            meeting = frameworks.ai_by_mandate(self)
            frameworks.cloud_exemption_by_consensus(self, cloud)
            proposals.gate_with_lapsed_advice_and_correction(self)
            proposals.withdrawn(self)
            proposals.escalated_policy(self)
            proposals.voting_policy(self)
            proposals.budget_awaiting_decision(self)
            frameworks.ai_exemption_requested(self)
            frameworks.cloud_v2_in_advice(self, cloud)
            proposals.draft_rebaseline(self)
            add_meetings(self.clock, self.people, self.council, self.board, meeting, self.report)
