"""The demo goal trees: the ministry's two ambitions with their strategic goals and objectives,
department trees that serve those ambitions, and the municipality's own small tree.

A department goal that serves a ministry ambition shows that work in a department can
serve an organisation-wide goal without being an orphan. Two objectives are deliberate
orphans (see :mod:`roer.demo.data.orphans`): nobody works on them yet.
"""

from __future__ import annotations

import datetime

from roer.demo.data.specs import GoalSpec as Goal
from roer.demo.data.units import MINISTRY, OUTSIDER
from roer.strategy.models import GoalLevel

AMBITION, STRATEGIC, OBJECTIVE = GoalLevel.AMBITION, GoalLevel.STRATEGIC_GOAL, GoalLevel.OBJECTIVE


def _years(first: int, last: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31)


# fmt: off  (one goal per block reads better than one argument per line)
GOALS: tuple[Goal, ...] = (
    # Ambition 1: the digital government, seen from the citizen and the entrepreneur.
    Goal("A1", MINISTRY, AMBITION, None, "Een digitale overheid die werkt voor iedereen", "marieke", _years(2024, 2030),
         "Burgers en ondernemers regelen hun zaken met de overheid digitaal, veilig en zonder drempels; wie dat "
         "niet kan, krijgt hulp. Uit het coalitieakkoord en de werkagenda digitale overheid."),
    Goal("G11", MINISTRY, STRATEGIC, "A1", "Iedereen kan veilig en eenvoudig digitaal zaken doen met de overheid",
         "wendy", _years(2024, 2028),
         "Inloggen, machtigen en aanvragen werken voor iedereen, ook voor mensen met een beperking."),
    Goal("O111", MINISTRY, OBJECTIVE, "G11", "Veilig inloggen en machtigen voor burgers en bedrijven", "hanneke",
         _years(2024, 2027),
         "Meer dienstverlening met een erkend inlogmiddel op een hoog betrouwbaarheidsniveau; machtigen voor "
         "ondernemers en hun adviseurs op één plek."),
    Goal("O112", MINISTRY, OBJECTIVE, "G11", "Digitale dienstverlening toegankelijk voor mensen met een beperking",
         "joost", _years(2024, 2027),
         "Websites en apps van het ministerie voldoen aan de toegankelijkheidseisen en worden getoetst met "
         "ervaringsdeskundigen."),
    Goal("G12", MINISTRY, STRATEGIC, "A1", "Gegevens één keer vastleggen en bij de bron gebruiken", "daan",
         _years(2024, 2029),
         "Overheden gebruiken gegevens waar ze ontstaan, in plaats van kopieën die verouderen."),
    Goal("O121", MINISTRY, OBJECTIVE, "G12", "Basisregistraties bij de bron bevraagd in plaats van gekopieerd", "daan",
         _years(2024, 2028)),
    Goal("O122", MINISTRY, OBJECTIVE, "G12", "Open over algoritmen en overheidsdata", "joost", _years(2024, 2027),
         "Iedereen kan nagaan welke algoritmen de overheid inzet en welke gegevens zij openbaar beschikbaar stelt."),
    Goal("O123", MINISTRY, OBJECTIVE, "G12", "Ondernemers leveren bekende gegevens niet opnieuw aan", "daan",
         _years(2025, 2028),
         "Gegevens die de overheid al heeft, worden niet nog eens uitgevraagd. Vastgesteld in 2025; er is nog "
         "geen initiatief dat eraan werkt."),
    Goal("G13", MINISTRY, STRATEGIC, "A1", "Vertrouwen in verkiezingen en een open, goed bekostigd bestuur", "fatima",
         _years(2024, 2028)),
    Goal("O131", MINISTRY, OBJECTIVE, "G13", "Het verkiezingsproces is controleerbaar en digitaal ondersteund",
         "fatima", _years(2024, 2027),
         "Van kandidatenlijst tot uitslag: elke stap is na te rekenen, met software waarvan de broncode openbaar is."),
    Goal("O132", MINISTRY, OBJECTIVE, "G13", "Overheidsinformatie blijft duurzaam toegankelijk", "pieter",
         _years(2024, 2029),
         "Digitale archieven worden op tijd en volledig overgebracht; alleen wettelijk verplicht werk draagt hier "
         "nu aan bij."),
    Goal("O133", MINISTRY, OBJECTIVE, "G13", "Gemeenten worden transparant en uitlegbaar bekostigd", "pieter",
         _years(2024, 2027)),
    # Ambition 2: the organisation behind it.
    Goal("A2", MINISTRY, AMBITION, None, "Een wendbare, veilige en betaalbare rijksdienst", "marieke",
         _years(2024, 2030),
         "De eigen organisatie is op orde: een moderne infrastructuur, goed werkgeverschap en grip op wat ICT "
         "kost en oplevert."),
    Goal("G21", MINISTRY, STRATEGIC, "A2", "Een moderne, veilige en duurzame ICT-infrastructuur", "yusuf",
         _years(2024, 2029)),
    Goal("O211", MINISTRY, OBJECTIVE, "G21", "Applicaties draaien in de overheidscloud", "ruud", _years(2024, 2028),
         "Alle 180 applicaties van het eigen rekencentrum zijn verhuisd of uitgefaseerd."),
    Goal("O212", MINISTRY, OBJECTIVE, "G21", "Informatiebeveiliging aantoonbaar op orde", "yusuf", _years(2024, 2027),
         "Minder incidenten met gevolgen voor de dienstverlening, en elk incident binnen een dag ingedamd."),
    Goal("O213", MINISTRY, OBJECTIVE, "G21", "Het energieverbruik van de ICT daalt", "ruud", _years(2024, 2030),
         "Bijdrage aan een klimaatneutrale rijksdienst in 2030."),
    Goal("G22", MINISTRY, STRATEGIC, "A2", "Een aantrekkelijke werkgever met vakmanschap in ICT", "erik",
         _years(2024, 2028)),
    Goal("O221", MINISTRY, OBJECTIVE, "G22", "ICT-vacatures worden sneller en passender vervuld", "ingrid",
         _years(2024, 2027)),
    Goal("O222", MINISTRY, OBJECTIVE, "G22", "Foutloze en eenvoudige HR-dienstverlening", "ingrid", _years(2024, 2028)),
    Goal("O223", MINISTRY, OBJECTIVE, "G22", "Alle rijksmedewerkers zijn digitaal vaardig", "ingrid",
         _years(2025, 2027),
         "Iedere medewerker volgt de basistraining digitale vaardigheden. Nog zonder initiatief: de "
         "Rijksacademie biedt de training aan, maar niemand organiseert de deelname."),
    Goal("G23", MINISTRY, STRATEGIC, "A2", "Grip op ICT-investeringen", "thomas", _years(2025, 2028)),
    Goal("O231", MINISTRY, OBJECTIVE, "G23", "Elke ICT-euro is herleidbaar tot een doel", "esther", _years(2025, 2027),
         "Het doel-inspanningennetwerk is compleet: de portfolioboard ziet per doel wat het kost en oplevert."),
    # DG Wonen en Ruimtelijke Ordening: its own goals, serving the ministry's first ambition.
    Goal("GWR1", "bdz-dgwr", STRATEGIC, "A1",
         "Huurders, verhuurders en initiatiefnemers worden snel en digitaal geholpen", "henk", _years(2024, 2028),
         "De bijdrage van het DG aan een digitale overheid die werkt voor iedereen."),
    Goal("OWR1", "bdz-dgwr-hww", OBJECTIVE, "GWR1", "Huurgeschillen binnen zes maanden beslecht", "samira",
         _years(2024, 2027)),
    Goal("OWR2", "bdz-dgwr-rio", OBJECTIVE, "GWR1", "Een stabiel en snel omgevingsloket", "samira",
         _years(2024, 2026)),
    # Shared Service Organisatie ICT: serving the ministry's second ambition.
    Goal("GSSO", "bdz-ssoict", STRATEGIC, "A2", "Eén betrouwbare en betaalbare werkplek voor vier ministeries", "ruud",
         _years(2024, 2028)),
    Goal("OSSO1", "bdz-ssoict-ws", OBJECTIVE, "GSSO", "Werkplekkosten per medewerker omlaag", "anouk",
         _years(2024, 2027)),
    # Gemeente Dijkhaven: a separate organisation with its own tree.
    Goal("DA", OUTSIDER, AMBITION, None, "Dienstverlening dichtbij en digitaal", "femke", _years(2024, 2030)),
    Goal("DSG", OUTSIDER, STRATEGIC, "DA", "Inwoners en ondernemers regelen hun zaken online", "femke",
         _years(2024, 2028)),
    Goal("DO", "dijkhaven-iv", OBJECTIVE, "DSG", "Aanvragen en meldingen volledig digitaal afgehandeld", "jeroen",
         _years(2024, 2027)),
)
# fmt: on

GOAL_BY_KEY: dict[str, Goal] = {goal.key: goal for goal in GOALS}
