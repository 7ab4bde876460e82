"""What each demo initiative contributes to which goal, through which KPI, and how much.

Weights are relative shares of an initiative's money per goal. Where a KPI is named,
the expected change is in the KPI's own unit. The closed initiatives BDZ-0004, BDZ-0011
and BDZ-0036 have KPI contributions whose measurements cover the time before and after,
so the expected effect can be set against the realised one.

Initiatives missing here have no contribution on purpose (see ``orphans.py``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from roer.demo.data.specs import ContributionSpec as C
from roer.strategy.models import Confidence

HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
day = datetime.date

# fmt: off  (one initiative per block reads better than one argument per line)
CONTRIBUTIONS: dict[str, tuple[C, ...]] = {
    "BDZ-0001": (
        C("O111", D(3), HIGH, "De wallet wordt een extra erkend inlogmiddel op niveau hoog.", "inlogmiddel",
          D(6), day(2027, 12, 31), day(2025, 1, 1)),
        C("O112", D(1), LOW, "Het ontwerp van de wallet-app wordt met ervaringsdeskundigen getoetst."),
    ),
    "BDZ-0002": (
        C("O111", D(1), MEDIUM, "Eén machtigingsvoorziening scheelt ondernemers het regelen per dienst.",
          "machtigen", D("1.0"), day(2028, 6, 30)),
    ),
    "BDZ-0003": (
        C("O212", D(2), HIGH, "Tweefactorauthenticatie voor medewerkers sluit de meest misbruikte ingang.",
          "incidenten", D(-2), day(2026, 12, 31), day(2025, 6, 1)),
        C("O111", D(1), MEDIUM, "Dezelfde federatieve inlogdienst wordt later ook voor ketenpartners gebruikt."),
    ),
    "BDZ-0004": (
        C("O112", D(1), HIGH, "Schermlezers lezen de vernieuwde inlogschermen volledig voor.", "schermlezer",
          D(30), day(2025, 6, 30), day(2024, 9, 1)),
    ),
    "BDZ-0006": (
        C("O121", D(2), HIGH, "Elke aangesloten basisregistratie is direct bij de bron te bevragen.",
          "bronregistraties", D(3), day(2027, 6, 30), day(2024, 1, 1)),
        C("O121", D(1), MEDIUM, "Afnemers stappen over van kopieën op bevragingen.", "bevragingen",
          D(20), day(2027, 12, 31), day(2024, 6, 1)),
    ),
    "BDZ-0007": (
        C("O122", D(1), HIGH, "Het register toont per algoritme de uitgevoerde impacttoetsen.", "algoritmen",
          D(60), day(2026, 12, 31), day(2024, 3, 1)),
    ),
    "BDZ-0008": (
        C("O122", D(1), MEDIUM, "De nieuwe catalogus dwingt volledige metadata af bij publicatie.", "metadata",
          D(30), day(2027, 12, 31), day(2026, 1, 1)),
    ),
    "BDZ-0009": (
        C("G21", D(1), LOW, "Verkent of generatieve AI veilig en rechtmatig binnen de eigen omgeving kan draaien."),
    ),
    "BDZ-0010": (
        C("O121", D(1), LOW, "Inzage gebruikt dezelfde bevragingen als het datastelsel.", "bevragingen",
          D(5), day(2028, 6, 30)),
        C("O122", D(1), MEDIUM, "Burgers zien welke gegevens de overheid over hen deelt."),
    ),
    "BDZ-0011": (
        C("O112", D(1), HIGH, "Openbare metingen zetten eigenaren van websites aan tot herstel.", "websites",
          D(25), day(2025, 6, 30), day(2024, 1, 1)),
    ),
    "BDZ-0012": (
        C("OWR1", D(3), HIGH, "Geen post meer: stukken zijn direct in het dossier beschikbaar.", "huurcommissie",
          D(-4), day(2027, 12, 31), day(2025, 1, 1)),
        C("GWR1", D(1), LOW, "Partijen volgen hun zaak online.", "tevredenheid", D("0.2"), day(2027, 12, 31)),
    ),
    "BDZ-0013": (
        C("GWR1", D(1), MEDIUM, "Huurders rekenen zelf na en krijgen sneller duidelijkheid.", "tevredenheid",
          D("0.3"), day(2026, 12, 31), day(2024, 6, 1)),
        C("OWR1", D(1), LOW, "Minder zaken over de puntentelling bij de Huurcommissie."),
    ),
    "BDZ-0014": (C("OWR1", D(1), MEDIUM, "Het register maakt toetsing van middenhuur zonder extra uitvraag mogelijk."),),
    "BDZ-0015": (C("OWR1", D(1), LOW, "Eerder signaleren van achterstanden voorkomt zaken en uitzettingen."),),
    "BDZ-0016": (C("GWR1", D(1), MEDIUM, "Woningzoekenden schrijven zich één keer in."),),
    "BDZ-0017": (
        C("OWR2", D(3), HIGH, "Stabilisatie en prestatieverbetering van het loket zelf.", "omgevingsloket",
          D("1.5"), day(2026, 12, 31), day(2024, 6, 1)),
        C("GWR1", D(1), MEDIUM, "Initiatiefnemers ervaren minder storingen.", "tevredenheid",
          D("0.2"), day(2026, 12, 31)),
    ),
    "BDZ-0018": (C("O121", D(1), LOW, "Het 3D-bestand wordt afgeleid uit bestaande registraties, niet nagetekend."),),
    "BDZ-0019": (C("GWR1", D(1), MEDIUM, "Gemeenten zien klimaatrisico's al tijdens het opstellen van het plan."),),
    "BDZ-0020": (
        C("OWR2", D(2), MEDIUM, "Het loket haalt kaarten uit het nieuwe geo-platform via open koppelvlakken."),
        C("O121", D(1), LOW, "Geo-gegevens worden bij de bron geleverd via OGC-standaarden."),
    ),
    "BDZ-0021": (
        C("O131", D(2), HIGH, "Openbare, geauditeerde software maakt elke uitslag narekenbaar.", "uitslag",
          D(45), day(2027, 3, 31), day(2024, 1, 1)),
    ),
    "BDZ-0022": (C("O131", D(1), MEDIUM, "Minder papieren stromen rond het stemmen in een andere gemeente."),),
    "BDZ-0024": (
        C("O131", D(1), MEDIUM, "Fouten in kandidatenlijsten worden vóór de zitting gevonden.", "uitslag",
          D(10), day(2026, 3, 31), day(2024, 1, 1)),
    ),
    "BDZ-0025": (C("O133", D(2), HIGH, "Een getoetste rekenkern met uitleg per gemeente."),),
    "BDZ-0026": (C("O133", D(1), LOW, "Eén keer aanleveren van verantwoordingsinformatie."),),
    "BDZ-0027": (C("O133", D(1), MEDIUM, "Raadsstukken over de financiën van gemeenten worden vergelijkbaar."),),
    "BDZ-0028": (
        C("O221", D(2), MEDIUM, "Eén vindplaats voor vacatures verkort de werving.", "vacatures",
          D(-20), day(2027, 6, 30), day(2025, 1, 1)),
    ),
    "BDZ-0029": (
        C("O221", D(1), LOW, "Tijdig zicht op moeilijk vervulbare functies.", "vacatures", D(-5), day(2027, 12, 31)),
    ),
    "BDZ-0030": (C("O221", D(1), LOW, "Interne mobiliteit als alternatief voor externe werving."),),
    "BDZ-0031": (
        C("O222", D(3), MEDIUM, "Een standaardpakket met minder maatwerk maakt minder fouten.", "salaris",
          D(-6), day(2027, 12, 31), day(2026, 1, 1)),
    ),
    "BDZ-0032": (
        C("O222", D(1), HIGH, "Digitale declaraties zijn volledig en op tijd verwerkt.", "salaris",
          D(-2), day(2025, 12, 31), day(2024, 6, 1)),
    ),
    "BDZ-0033": (C("O212", D(1), LOW, "Vertrouwelijke meldingen worden beveiligd vastgelegd."),),
    "BDZ-0034": (
        C("OSSO1", D(3), HIGH, "Eén werkplek in plaats van drie halveert het beheer.", "werkplek",
          D(-15), day(2027, 12, 31), day(2026, 1, 1)),
        C("O212", D(1), MEDIUM, "Een uniforme werkplek is eenvoudiger te beveiligen.", "incidenten",
          D(-1), day(2027, 12, 31)),
    ),
    "BDZ-0035": (C("OSSO1", D(1), MEDIUM, "Eén samenwerkingsomgeving in plaats van losse licenties per ministerie."),),
    "BDZ-0036": (
        C("OSSO1", D(1), HIGH, "Licenties en beheer van vaste toestellen vervallen.", "werkplek",
          D(-12), day(2025, 6, 30), day(2024, 6, 1)),
    ),
    "BDZ-0037": (
        C("O211", D(4), HIGH, "Verhuizing van alle applicaties uit het eigen rekencentrum.", "cloud",
          D(180), day(2028, 6, 30), day(2024, 1, 1)),
        C("O213", D(1), MEDIUM, "Het oude rekencentrum gaat uit.", "stroom", D(-300), day(2028, 12, 31)),
    ),
    "BDZ-0038": (
        C("O212", D(2), HIGH, "Een besmet apparaat kan zich niet meer vrij door het netwerk bewegen.", "incidenten",
          D(-3), day(2027, 12, 31), day(2026, 1, 1)),
    ),
    "BDZ-0039": (
        C("O213", D(1), LOW, "Restwarmte en zuiniger apparatuur.", "stroom", D(-200), day(2028, 12, 31)),
    ),
    "BDZ-0040": (
        C("O231", D(1), HIGH, "Roer legt voor elk initiatief vast welk doel het dient.", "herleidbaar",
          D(70), day(2027, 12, 31), day(2025, 1, 1)),
    ),
    "BDZ-0042": (
        C("O132", D(1), HIGH, "Het e-depot neemt digitale archieven op tijd en volledig over.", "e-depot",
          D(50), day(2028, 12, 31), day(2025, 1, 1)),
    ),
    "DIJKHAVEN-0001": (
        C("DO", D(2), HIGH, "Alle zaken in één systeem, met de status online te volgen.", "dijkhaven",
          D(25), day(2027, 12, 31), day(2025, 1, 1)),
    ),
    "DIJKHAVEN-0002": (
        C("DO", D(1), MEDIUM, "De parkeervergunning is de meest aangevraagde vergunning.", "dijkhaven",
          D(5), day(2025, 12, 31), day(2024, 1, 1)),
    ),
}
# fmt: on
