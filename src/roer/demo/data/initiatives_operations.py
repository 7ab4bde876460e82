"""Demo initiatives of Openbaar Bestuur, Overheidsorganisatie, the shared service organisation
and the ministry itself; and two of the municipality, which the ministry must never see."""

from __future__ import annotations

from roer.demo.data.specs import InitiativeSpec as Spec
from roer.portfolio.models import Phase

# fmt: off  (one initiative per block reads better than one argument per line)
INITIATIVES_OPERATIONS: tuple[Spec, ...] = (
    # DG Openbaar Bestuur en Democratie — Directie Verkiezingen en Democratie
    Spec(
        "BDZ-0021", "Vernieuwing uitslagensoftware verkiezingen", "bdz-dgobd-ver", Phase.EXECUTION, "fatima", "bas",
        "De programmatuur waarmee verkiezingsuitslagen worden vastgesteld is verouderd en niet aantoonbaar controleerbaar.",
        "Nieuwe software, openbaar ontwikkeld, met een onafhankelijke broncode-audit; gereed vóór de "
        "gemeenteraadsverkiezingen.",
    ),
    Spec(
        "BDZ-0022", "Kiezerspas digitaal aanvragen", "bdz-dgobd-ver", Phase.APPROVED, "fatima", "bas",
        "Kiezers die in een andere gemeente willen stemmen, moeten een kiezerspas nog schriftelijk aanvragen.",
        "Aanvraag met een erkend inlogmiddel, afgehandeld door de woongemeente van de kiezer.",
    ),
    Spec(
        "BDZ-0023", "Toegankelijke stemhulpen", "bdz-dgobd-ver", Phase.IDEA, "fatima", None,
        "",
        "Idee uit het kiezerspanel: afspraken met makers van stemhulpen over eenvoudige taal en schermlezers.",
    ),
    Spec(
        "BDZ-0024", "Kandidatenlijsten digitaal indienen", "bdz-dgobd-ver", Phase.LIVE, "fatima", "bas",
        "Partijen leverden kandidatenlijsten op papier in; fouten werden pas bij de zitting van het stembureau ontdekt.",
        "Digitale indiening met controles vooraf; partijen krijgen uitleg en ondersteuning in de aanloop naar "
        "de verkiezingen.",
    ),
    # DG Openbaar Bestuur en Democratie — Directie Decentrale Overheden en Financiën
    Spec(
        "BDZ-0025", "Nieuw verdeelmodel gemeentefonds", "bdz-dgobd-dof", Phase.EXECUTION, "fatima", "bas",
        "Het verdeelmodel van het gemeentefonds draait in rekenbladen die slechts twee medewerkers doorgronden.",
        "Het model wordt herbouwd als getoetste, gedocumenteerde rekenkern met een openbare uitleg per gemeente.",
    ),
    Spec(
        "BDZ-0026", "Gegevensknooppunt interbestuurlijk toezicht", "bdz-dgobd-dof", Phase.ON_HOLD, "fatima", "bas",
        "Provincies en het Rijk vragen gemeenten herhaaldelijk om dezelfde verantwoordingsinformatie.",
        "On hold: wacht op het besluit van de CIO-raad over gezamenlijke gegevensknooppunten.",
    ),
    Spec(
        "BDZ-0027", "Open raadsinformatie", "bdz-dgobd-dof", Phase.INTAKE, "fatima", "bas",
        "Raadsstukken van gemeenten zijn per gemeente anders vindbaar, wat vergelijken en hergebruik vrijwel onmogelijk maakt.",
        "Een gedeelde standaard en een landelijke zoekingang voor raads- en statenstukken.",
    ),
    # DG Overheidsorganisatie en Personeel — Directie Arbeidsmarkt Publieke Sector
    Spec(
        "BDZ-0028", "Rijksbreed vacatureplatform", "bdz-dgop-aps", Phase.EXECUTION, "erik", "nadia",
        "Vacatures staan verspreid over tientallen sites; kandidaten met een arbeidsbeperking vinden passende "
        "functies niet.",
        "Eén platform voor alle rijksvacatures, met filters op toegankelijkheid en werken op afstand.",
    ),
    Spec(
        "BDZ-0029", "Strategische personeelsplanning ICT-functies", "bdz-dgop-aps", Phase.APPROVED, "erik", "nadia",
        "Ministeries zien pas laat dat ICT-functies moeilijk vervulbaar worden.",
        "Kwartaaloverzicht van vraag en aanbod per functiefamilie, gevoed uit de HR-registratie.",
    ),
    Spec(
        "BDZ-0030", "Loopbaanportaal rijksmedewerkers", "bdz-dgop-aps", Phase.STOPPED, "erik", "nadia",
        "Medewerkers vinden weinig zicht op ontwikkelmogelijkheden buiten hun eigen organisatie.",
        "Gestopt: de functionaliteit overlapte grotendeels met het rijksbrede vacatureplatform.",
    ),
    # DG Overheidsorganisatie en Personeel — Directie HR-dienstverlening Rijk
    Spec(
        "BDZ-0031", "Nieuw HR- en salarissysteem", "bdz-dgop-hrd", Phase.EXECUTION, "erik", "nadia",
        "Het huidige HR-systeem is zwaar op maat gemaakt; elke cao-wijziging kost maanden aanpassen en hertesten.",
        "Overstap naar een standaardpakket als dienst, met zo min mogelijk maatwerk; de processen worden eerst "
        "vereenvoudigd.",
    ),
    Spec(
        "BDZ-0032", "Verlof en declaraties digitaal afhandelen", "bdz-dgop-hrd", Phase.LIVE, "erik", "nadia",
        "Papieren formulieren voor verlof en declaraties lagen gemiddeld drie weken bij leidinggevenden.",
        "Digitale aanvraag met werkstroom; een helpdesk ondersteunt medewerkers en leidinggevenden na de invoering.",
    ),
    Spec(
        "BDZ-0033", "Vertrouwelijke registratie integriteitsmeldingen", "bdz-dgop-hrd", Phase.ON_HOLD, "erik", None,
        "Meldingen van integriteitsschendingen worden nu in losse bestanden bijgehouden, zonder toegangsbeveiliging.",
        "Gepauzeerd tot er een projectleider is gevonden met ervaring in vertrouwelijke registraties.",
    ),
    # Shared Service Organisatie ICT
    Spec(
        "BDZ-0034", "Digitale werkplek 2027", "bdz-ssoict-ws", Phase.EXECUTION, "anouk", "maarten",
        "Medewerkers werken in drie verschillende werkplekomgevingen; beheer en beveiliging zijn daardoor duur en "
        "kwetsbaar.",
        "Eén werkplek voor vier ministeries, in golven uitgerold, met training en een inloopspreekuur per locatie.",
    ),
    Spec(
        "BDZ-0035", "Samenwerkingsplatform op open standaarden", "bdz-ssoict-ws", Phase.INTAKE, "anouk", None,
        "Externe partners kunnen niet in de huidige samenwerkingsomgeving; stukken gaan als e-mailbijlage heen en "
        "weer.",
        "Vervanging van de huidige samenwerkingsomgeving; bestanden en agenda's uitwisselbaar met andere overheden.",
    ),
    Spec(
        "BDZ-0036", "Vaste telefonie uitfaseren", "bdz-ssoict-ws", Phase.CLOSED, "anouk", "maarten",
        "Vaste toestellen werden nauwelijks nog gebruikt, maar kostten jaarlijks een aanzienlijk bedrag aan licenties "
        "en beheer.",
        "Bellen via de werkplek; alle vaste toestellen ingenomen en gerecycled.",
    ),
    Spec(
        "BDZ-0037", "Migratie naar de overheidscloud", "bdz-ssoict-hc", Phase.EXECUTION, "anouk", "maarten",
        "Het eigen rekencentrum bereikt het einde van zijn levensduur en de afhankelijkheid van één leverancier is "
        "een risico.",
        "Verhuizing van 180 applicaties naar een door de overheid beheerde cloud, per applicatie getoetst op "
        "gegevensclassificatie.",
    ),
    Spec(
        "BDZ-0038", "Zero-trustnetwerk", "bdz-ssoict-hc", Phase.APPROVED, "anouk", "maarten",
        "Het netwerk vertrouwt alles wat zich binnen de muren bevindt; één besmet apparaat kan zich vrij verplaatsen.",
        "Toegang per applicatie op basis van identiteit en apparaatstatus, gefaseerd over twee jaar.",
    ),
    Spec(
        "BDZ-0039", "Energiezuinige hosting", "bdz-ssoict-hc", Phase.IDEA, "anouk", "maarten",
        "Het stroomverbruik van de hosting stijgt elk jaar, terwijl het ministerie klimaatneutraal wil werken.",
        "Verkenning van restwarmtelevering, zuiniger apparatuur en het uitzetten van ongebruikte omgevingen.",
    ),
    # The ministry itself
    Spec(
        "BDZ-0040", "Portfoliomanagement met Roer", "bdz", Phase.EXECUTION, "gerard", "thomas",
        "Het ministerie heeft geen actueel overzicht van lopende ICT-initiatieven, hun doelen en hun status.",
        "Invoering van Roer voor de kwartaalcyclus van de portfolioboard, eerst voor het eigen ministerie.",
    ),
)

# Gemeente Dijkhaven: outside the ministry's scope.
INITIATIVES_OUTSIDER: tuple[Spec, ...] = (
    Spec(
        "DIJKHAVEN-0001", "Nieuw zaaksysteem", "dijkhaven-iv", Phase.EXECUTION, "femke", "jeroen",
        "Aanvragen en klachten worden in vier losse systemen gevolgd; inwoners krijgen geen eenduidige status.",
        "Zaakgericht werken met één zaaksysteem volgens de landelijke standaarden voor zaakgegevens.",
    ),
    Spec(
        "DIJKHAVEN-0002", "Parkeervergunning online", "dijkhaven-iv", Phase.LIVE, "femke", "jeroen",
        "Inwoners moesten voor een parkeervergunning naar het stadskantoor komen.",
        "Aanvragen en wijzigen online; het klantcontactcentrum helpt inwoners die dat niet zelf kunnen.",
    ),
)
# fmt: on
