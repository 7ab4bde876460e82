"""The demo's other proposals: a gate with lapsed advice and a correction, a withdrawn proposal,
an escalated and a voting policy, a budget change awaiting its decision and a draft.

Chapters of the governance story in ``roer.demo.governance``; each takes the story, which
holds the clock, the people and the bodies.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from roer.governance.models import Outcome, Scope, SubjectKind
from roer.governance.services import flow
from roer.organisation.models import OrgUnit

if TYPE_CHECKING:
    from roer.demo.governance import Story


def gate_with_lapsed_advice_and_correction(story: Story) -> None:
    initiative = story.initiative("BDZ-0008")
    proposal = story.propose(
        "eva",
        -40,
        {
            "title": "Vernieuwing open-dataportaal: goedkeuring",
            "summary": "Het plan is uitgewerkt; door naar de uitvoering.",
            "subject_kind": SubjectKind.GATE,
            "initiative": initiative,
            "gate": "approval",
            "decision_type": story.kind("gate"),
            "scope": Scope.LOCAL,
            "scope_reason": "Binnen het budget en de architectuur van DG Digitale Overheid.",
        },
    )
    story.advise("yusuf", proposal, -37, "positive", "Past in de referentiearchitectuur.")
    story.deadlines(-30, 10, 30)  # the data officer did not advise: the advice lapses, recorded
    with story.by("joost") as joost:
        first = flow.decide(
            joost, proposal, Outcome.APPROVED, "Het plan is rijp; het budget is er.", now=story.clock.at(-29, 9)
        )
        story.decided(proposal)
        flow.supersede(
            joost,
            first,
            Outcome.CONDITIONAL,
            "Correctie: de goedkeuring had de toegankelijkheidseis moeten noemen.",
            conditions="Het portaal voldoet aantoonbaar aan WCAG 2.1 AA vóór de livegang.",
            now=story.clock.at(-20, 11),
        )
    story.decided(proposal)


def withdrawn(story: Story) -> None:
    proposal = story.propose(
        "sanne",
        -35,
        {
            "title": "Landelijke 3D-basisvoorziening: intake",
            "summary": "Start van de verkenning met het Kadaster.",
            "subject_kind": SubjectKind.GATE,
            "initiative": story.initiative("BDZ-0018"),
            "gate": "intake",
            "decision_type": story.kind("gate"),
            "scope": Scope.LOCAL,
            "scope_reason": "Een verkenning binnen DG Wonen.",
        },
    )
    with story.by("sanne") as sanne:
        flow.withdraw(sanne, proposal, "Eerst de verkenning met het Kadaster afronden; daarna opnieuw.")


def escalated_policy(story: Story) -> None:
    proposal = story.propose(
        "thomas",
        -26,
        {
            "title": "Eén videovergaderdienst voor het hele ministerie",
            "summary": "Alle onderdelen stappen over op de rijksbrede videovergaderdienst.",
            "subject_kind": SubjectKind.POLICY,
            "policy_topic": "Videobellen",
            "decision_type": story.kind("policy"),
            "org_unit": story.ministry,
            "scope": Scope.CROSS_CUTTING,
            "scope_reason": "Raakt elk onderdeel en de samenwerking tussen de DG's.",
            "body": story.council,
            "involves_personal_data": True,
        },
    )
    story.advise("lotte", proposal, -20, "conditional", "Akkoord, mits opnames standaard uit staan.")
    story.advise("daan", proposal, -12, "positive", "Geen bezwaar.")
    story.vote("ruud", proposal, -11, "agree")
    story.vote("ingrid", proposal, -10, "agree")
    story.vote("pieter", proposal, -9, "agree")
    story.vote(
        "joost",
        proposal,
        -8,
        "object",
        "DG Digitale Overheid heeft tot 2028 een eigen contract; overstappen kost nu € 180.000 afkoop.",
    )
    story.vote("samira", proposal, -6, "abstain")
    story.deadlines(-2, 12)  # escalated: the mandate holder decides within five days


def voting_policy(story: Story) -> None:
    proposal = story.propose(
        "thomas",
        -16,
        {
            "title": "Open source, tenzij",
            "summary": "Nieuwe software is open source, tenzij er zwaarwegende redenen zijn om dat niet te doen.",
            "subject_kind": SubjectKind.POLICY,
            "policy_topic": "Open source",
            "decision_type": story.kind("policy"),
            "org_unit": story.ministry,
            "scope": Scope.CROSS_CUTTING,
            "scope_reason": "Een beleidslijn voor het hele ministerie.",
            "body": story.council,
        },
    )
    story.advise("lotte", proposal, -12, "positive", "Geen privacybezwaren.", hour=12)
    story.advise("daan", proposal, -5, "positive", "Sluit aan op het gegevensbeleid.")
    story.vote("ruud", proposal, -4, "agree")
    story.vote("ingrid", proposal, -3, "agree")
    story.vote("pieter", proposal, -2, "agree")


def budget_awaiting_decision(story: Story) -> None:
    proposal = story.propose(
        "anouk",
        -6,
        {
            "title": "Digitale werkplek 2027: extra budget voor uitrol",
            "summary": "De uitrol gaat naar alle locaties; de licenties vallen hoger uit dan begroot.",
            "subject_kind": SubjectKind.BUDGET,
            "initiative": story.initiative("BDZ-0034"),
            "budget_change": Decimal("350000.00"),
            "decision_type": story.kind("budget"),
            "org_unit": OrgUnit.objects.get(code="bdz-ssoict"),
            "scope": Scope.LOCAL,
            "scope_reason": "Binnen de begroting van de SSO; geen gevolgen voor andere onderdelen.",
        },
    )
    story.advise("esther", proposal, -4, "positive", "Past binnen de meerjarenraming van de SSO.")


def draft_rebaseline(story: Story) -> None:
    story.propose(
        "thomas",
        -1,
        {
            "title": "Herijking Stabilisatie omgevingsloket",
            "summary": "Nieuwe planning na de vertraging bij de koppelingen met gemeenten.",
            "subject_kind": SubjectKind.REBASELINE,
            "initiative": story.initiative("BDZ-0017"),
            "decision_type": story.kind("rebaseline"),
            "scope": Scope.LOCAL,
            "scope_reason": "De herijking blijft binnen het budget van DG Wonen.",
        },
        submit=False,
    )
