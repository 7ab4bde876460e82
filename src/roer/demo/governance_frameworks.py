"""The demo's binding frameworks: drafted, proposed and decided through the frameworks service,
then stated per initiative through the compliance service (comply or explain).

Chapters of the governance story in ``roer.demo.governance``; each takes the story, which
holds the clock, the people and the bodies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roer.demo.governance_meetings import council_meeting
from roer.governance.models import ComplianceState, ComplianceStatement, Framework, Meeting, Outcome, Proposal
from roer.governance.services import compliance, flow
from roer.governance.services import frameworks as service

if TYPE_CHECKING:
    from roer.demo.governance import Story

SCOPE_REASON = "Het kader bindt elk initiatief van het ministerie: de CIO-raad besluit."

CLOUD_V1 = (
    "Nieuwe systemen worden ontworpen voor de (overheids)cloud, tenzij de risicoafweging anders uitwijst.",
    "Staatsgeheime en bijzondere persoonsgegevens staan niet bij een publieke clouddienst buiten de EU.",
    "Elke clouddienst heeft een exitplan en een actuele risicoafweging volgens de BIO.",
    "Gegevens zijn in een open formaat te exporteren.",
)
CLOUD_V2 = (
    *CLOUD_V1,
    "Voor kritieke diensten kiest het ministerie een aanbieder die onder Europese jurisdictie valt (soevereiniteit).",
)
AI_V1 = (
    "Generatieve AI wordt alleen ingezet na een DPIA en een IAMA (impact assessment mensenrechten en algoritmes).",
    "Een mens beoordeelt elke uitkomst voordat die een burger of bedrijf raakt.",
    "Vertrouwelijke gegevens en persoonsgegevens gaan niet in publieke taalmodellen.",
    "Elke toepassing met impact staat in het algoritmeregister.",
)


def _framework(story: Story, code: str, title: str, description: str) -> Framework:
    with story.by("yusuf") as yusuf:
        framework = service.create_framework(
            yusuf, {"code": code, "title": title, "org_unit": story.ministry, "description": description}
        )
    story.report.note("frameworks", True)
    return framework


def _propose_version(
    story: Story, framework: Framework, summary: str, effective: int, rules: tuple[str, ...], days: int
) -> Proposal:
    """Yusuf, the technology officer, drafts the version and sends it to the CIO council."""
    with story.by("yusuf") as yusuf:
        version = service.save_draft(
            yusuf,
            framework,
            {"summary": summary, "effective_on": story.clock.day(effective), "requirements": list(rules)},
        )
        proposal = service.propose(
            yusuf,
            version,
            {"scope_reason": SCOPE_REASON, "involves_personal_data": framework.code == "generatieve-ai"},
            now=story.clock.at(days),
        )
    story.report.note("proposals", True)
    return proposal


def _state(
    story: Story, username: str, code: str, framework: Framework, days: int, explanation: str, until: int = 0
) -> ComplianceStatement:
    """Comply, or explain and ask an exemption (which the service submits as a proposal at once)."""
    values = {
        "state": ComplianceState.EXEMPTION_REQUESTED if until else ComplianceState.COMPLIES,
        "explanation": explanation,
        "exemption_until": story.clock.day(until) if until else None,
    }
    with story.by(username) as person:
        statement = compliance.state(person, story.initiative(code), framework, values, now=story.clock.at(days, 9))
    if until:
        story.report.note("proposals", True)
    return statement


def cloud_by_consensus(story: Story) -> Framework:
    cloud = _framework(
        story,
        "cloud",
        "Kader cloudgebruik",
        "Welke systemen en gegevens in welke cloud mogen, en onder welke voorwaarden.",
    )
    proposal = _propose_version(story, cloud, "Eerste versie, naar het rijksbrede cloudbeleid.", -120, CLOUD_V1, -150)
    story.advise("lotte", proposal, -147, "positive", "Akkoord: R2 dekt de bijzondere persoonsgegevens af.")
    story.advise("daan", proposal, -145, "conditional", "Akkoord, mits het exportformaat per dienst vastligt.")
    for days, username in ((-144, "joost"), (-143, "samira"), (-143, "pieter"), (-142, "ingrid"), (-141, "ruud")):
        story.vote(username, proposal, days, "agree")
    story.decided(proposal)  # consensus: every member agreed, so the vote closed early
    for username, code, days, explanation in (
        ("kevin", "BDZ-0001", -115, "De wallet-pilot draait in de overheidscloud; het exitplan ligt bij de SSO."),
        ("eva", "BDZ-0006", -112, "Bevragingen lopen via de Federatieve Dienstencatalogus in de overheidscloud."),
        ("sanne", "BDZ-0012", -110, "Het zaakdossier is een SaaS-dienst binnen de EU, met exitplan."),
        ("maarten", "BDZ-0034", -108, "De werkplek gebruikt de rijkscloud; gegevens blijven in de EU."),
        ("maarten", "BDZ-0037", -108, "Dit project ís de migratie naar de overheidscloud."),
        ("bas", "BDZ-0021", -105, "De uitslagensoftware draait on-premises: de risicoafweging (R1) wijst dat uit."),
    ):
        _state(story, username, code, cloud, days, explanation)
    return cloud


def ai_by_mandate(story: Story) -> Meeting:
    ai = _framework(
        story,
        "generatieve-ai",
        "Kader generatieve AI",
        "Voorwaarden voor het gebruik van generatieve AI (taalmodellen) in het werk van het ministerie.",
    )
    summary = "Eerste versie: DPIA, menselijke controle, geen vertrouwelijke invoer."
    proposal = _propose_version(story, ai, summary, -30, AI_V1, -84)
    story.advise("lotte", proposal, -80, "conditional", "Alleen met een DPIA per toepassing, niet één voor alles.")
    story.advise("daan", proposal, -78, "positive", "Akkoord; sluit aan op het algoritmeregister.")
    story.vote("joost", proposal, -77, "agree")
    story.vote("ruud", proposal, -76, "agree")
    story.vote("ingrid", proposal, -75, "agree")
    story.vote(
        "samira",
        proposal,
        -74,
        "object",
        "DG Wonen gebruikt al een taalmodel om zienswijzen samen te vatten; R3 maakt dat per direct onmogelijk. "
        "Wij vragen een overgangstermijn.",
    )
    story.vote("pieter", proposal, -70, "abstain", "Wij hebben geen eigen toepassingen; de gebruikers beslissen.")
    story.deadlines(-68, 12)  # no consensus by the deadline: escalated to the mandate holder
    meeting = council_meeting(story.clock, story.council, story.people["rik"])
    with story.by("marieke") as marieke:
        flow.decide(
            marieke,
            proposal,
            Outcome.CONDITIONAL,
            "Eén lijn voor het hele ministerie: de risico's van taalmodellen verschillen niet per DG. "
            "Het bezwaar van DG Wonen is terecht voor de lopende toepassing; daarom een overgangstermijn.",
            conditions="DG Wonen mag de lopende samenvattingstoepassing tot de ingangsdatum blijven gebruiken, "
            "met menselijke controle op elke samenvatting.",
            meeting=meeting,
            now=story.clock.at(-64, 15, 30),
        )
    story.decided(proposal)
    _state(story, "eva", "BDZ-0007", ai, -25, "Elke impacttoets is een IAMA; er is geen generatieve AI in gebruik.")
    _state(story, "wendy", "BDZ-0009", ai, -24, "De verkenning start pas na DPIA en IAMA, met menselijke controle.")
    return meeting


def cloud_exemption_by_consensus(story: Story, cloud: Framework) -> None:
    statement = _state(
        story,
        "sanne",
        "BDZ-0013",
        cloud,
        -50,
        "De rekenhulp draait op een eigen platform dat volgend jaar wordt vervangen. "
        "Nu nog migreren naar de cloud kost dubbel.",
        until=75,
    )
    proposal = statement.proposals.get()
    story.advise("yusuf", proposal, -47, "conditional", "Akkoord tot de vervanging, mits er een exitplan ligt.")
    for days, username, position in (
        (-46, "joost", "agree"),
        (-46, "samira", "agree"),
        (-45, "pieter", "agree"),
        (-45, "ingrid", "abstain"),
        (-44, "ruud", "agree"),
    ):
        story.vote(username, proposal, days, position)
    story.decided(proposal)  # consensus; the exemption is granted until the date asked


def ai_exemption_requested(story: Story) -> None:
    _state(
        story,
        "eva",
        "BDZ-0041",
        Framework.objects.get(code="generatieve-ai"),
        -4,
        "De anonimiseringstool gebruikt een taalmodel van een leverancier buiten de EU (R3). "
        "De overstap naar een eigen model staat gepland; tot dan vragen wij een uitzondering.",
        until=120,
    )


def cloud_v2_in_advice(story: Story, cloud: Framework) -> None:
    proposal = _propose_version(story, cloud, "R5 over soevereiniteit toegevoegd.", 60, CLOUD_V2, -3)
    story.advise("lotte", proposal, -1, "positive", "Akkoord; R5 versterkt de bescherming van gegevens.")
