"""The demo KPIs: what the ministry measures, where the numbers come from, and how they move.

The trends are chosen so that every status shows up: KPIs on track, at risk and off
track; one whose target date has passed without the target being reached; one that
is defined but not yet measured; and one whose measurements stopped in 2024 (stale).
Measurement dates are counted back from the day the demo is built, so the fresh KPIs
stay fresh; the values depend only on the KPI and the date.
"""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from roer.demo.data.specs import KpiSpec as Kpi
from roer.demo.data.specs import Step, Trend
from roer.demo.data.units import MINISTRY, OUTSIDER
from roer.strategy.models import Direction, Frequency

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = (
    Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.YEARLY,
)  # fmt: skip
PERCENT = (D(0), D(100))
day = datetime.date

#: The KPI whose measurements stopped: its last one is from 2024, far longer ago than a quarter.
STALE_KPI = "Stroomverbruik van de hosting"
#: The KPI that is defined, with a baseline, but has no measurement yet. Its baseline is dated a few
#: weeks before the build day, so that it is not overdue (the orphan analysis counts from the baseline).
UNMEASURED_KPI = "Tevredenheid van ondernemers over machtigen"

# fmt: off  (one KPI per block reads better than one argument per line)
KPIS: tuple[Kpi, ...] = (
    Kpi("inlogmiddel", MINISTRY, "Digitale aanvragen met een erkend inlogmiddel", "%", HIGHER,
        (D("61.0"), day(2024, 1, 1)), (D("85.0"), day(2027, 12, 31)), "Logius, maandrapportage toegangsmiddelen",
        MONTHLY, ("O111",), Trend(1.05), bounds=PERCENT),
    Kpi("machtigen", MINISTRY, UNMEASURED_KPI, "rapportcijfer", HIGHER,
        (D("6.1"), day(2026, 9, 1)), (D("7.5"), day(2028, 12, 31)), "Ondernemerspanel, halfjaarlijkse peiling",
        HALF_YEARLY, ("O111",), Trend(1.0), measured=False, baseline_days_ago=80,
        description="Nieuw: de nulmeting is net gedaan; de eerste peiling na de invoering volgt over een halfjaar."),
    Kpi("schermlezer", MINISTRY, "Geslaagde inlogpogingen met een schermlezer", "%", HIGHER,
        (D("58.0"), day(2024, 1, 1)), (D("90.0"), day(2027, 6, 30)),
        "Gebruiksonderzoek toegankelijkheid, maandelijkse steekproef", MONTHLY, ("O112",),
        Trend(0.15, (Step(day(2024, 10, 1), day(2025, 3, 31), D(24)),), noise=0.05), bounds=PERCENT,
        description="Sprong na de oplevering van de vernieuwde inlogschermen in het voorjaar van 2025."),
    Kpi("websites", MINISTRY, "Overheidswebsites die voldoen aan de toegankelijkheidseisen", "%", HIGHER,
        (D("38.0"), day(2023, 12, 31)), (D("75.0"), day(2025, 12, 31)), "Toegankelijkheidsmonitor, kwartaalcijfer",
        QUARTERLY, ("O112",), Trend(0.62), bounds=PERCENT,
        description="De streefdatum is verstreken zonder dat het doel is gehaald; een nieuw streefcijfer volgt."),
    Kpi("tevredenheid", MINISTRY, "Tevredenheid over digitale overheidsdienstverlening", "rapportcijfer", HIGHER,
        (D("6.8"), day(2024, 1, 1)), (D("7.6"), day(2028, 12, 31)), "Burgerpeiling digitale overheid",
        QUARTERLY, ("G11", "GWR1"), Trend(0.7, noise=0.08), bounds=(D(1), D(10)),
        description="Gedeeld door het ministeriedoel en het doel van DG Wonen en Ruimtelijke Ordening."),
    Kpi("bronregistraties", MINISTRY, "Basisregistraties die bij de bron te bevragen zijn", "aantal", HIGHER,
        (D(0), day(2024, 1, 1)), (D(3), day(2027, 6, 30)), "Voortgangsrapportage federatief datastelsel",
        YEARLY, ("O121",),
        Trend(0.0, (Step(day(2024, 6, 1), day(2024, 9, 30), D(1)), Step(day(2025, 6, 1), day(2025, 9, 30), D(1))),
              noise=0.0),
        decimals=0),
    Kpi("bevragingen", MINISTRY, "Gegevensbevragingen via het federatieve datastelsel", "%", HIGHER,
        (D("4.0"), day(2024, 1, 1)), (D("40.0"), day(2027, 12, 31)), "Logging bevragingsvoorziening",
        MONTHLY, ("O121",), Trend(0.65), history_months=30, bounds=PERCENT),
    Kpi("algoritmen", MINISTRY, "Hoog-risicoalgoritmen met gepubliceerde impacttoets", "%", HIGHER,
        (D("22.0"), day(2024, 1, 1)), (D("100.0"), day(2026, 12, 31)), "Algoritmeregister",
        QUARTERLY, ("O122",), Trend(1.0), bounds=PERCENT),
    Kpi("metadata", MINISTRY, "Datasets met volledige metadata", "%", HIGHER,
        (D("47.0"), day(2024, 1, 1)), (D("90.0"), day(2027, 12, 31)), "Open-dataportaal, kwaliteitsrapportage",
        QUARTERLY, ("O122",), Trend(0.05, noise=0.05), bounds=PERCENT),
    Kpi("uitslag", MINISTRY, "Gemeenten die de uitslag digitaal en controleerbaar aanleveren", "%", HIGHER,
        (D(35), day(2024, 1, 1)), (D(100), day(2027, 3, 31)), "Kiesraad, evaluatie per verkiezing",
        YEARLY, ("O131",), Trend(1.0, noise=0.02), decimals=0, bounds=PERCENT),
    Kpi("e-depot", MINISTRY, "Archiefbestanden duurzaam opgeslagen in het e-depot", "%", HIGHER,
        (D("12.0"), day(2024, 1, 1)), (D("80.0"), day(2028, 12, 31)),
        "E-depotrapportage aan de Inspectie Overheidsinformatie en Erfgoed", QUARTERLY, ("O132",), Trend(1.0),
        history_months=30, bounds=PERCENT),
    Kpi("cloud", MINISTRY, "Applicaties verhuisd naar de overheidscloud", "aantal", HIGHER,
        (D(0), day(2024, 1, 1)), (D(180), day(2028, 6, 30)), "Migratieplanning SSO-ICT",
        MONTHLY, ("O211",), Trend(0.72, noise=0.0), decimals=0),
    Kpi("incidenten", MINISTRY, "Beveiligingsincidenten met gevolgen voor de dienstverlening", "aantal per maand",
        LOWER, (D(9), day(2024, 1, 1)), (D(3), day(2027, 12, 31)), "Security Operations Center, maandrapport",
        MONTHLY, ("O212",), Trend(1.05, noise=0.25), decimals=0, bounds=(D(0), D(1000))),
    Kpi("stroom", MINISTRY, STALE_KPI, "MWh per kwartaal", LOWER,
        (D(2100), day(2023, 12, 31)), (D(1500), day(2028, 12, 31)), "Energiemonitor rekencentrum",
        QUARTERLY, ("O213",), Trend(0.8), decimals=0, history_months=33, last_measured=day(2024, 9, 27),
        description="Sinds de verhuizing van de meters in het najaar van 2024 komen er geen cijfers meer binnen."),
    Kpi("vacatures", MINISTRY, "Doorlooptijd van een ICT-vacature", "dagen", LOWER,
        (D(96), day(2024, 1, 1)), (D(60), day(2027, 6, 30)), "HR-registratie werving en selectie",
        QUARTERLY, ("O221",), Trend(-0.3, noise=0.08), decimals=0),
    Kpi("salaris", MINISTRY, "Foutieve salarisbetalingen", "per 10.000 betalingen", LOWER,
        (D("14.0"), day(2024, 1, 1)), (D("4.0"), day(2027, 12, 31)), "Salarisadministratie, maandafsluiting",
        MONTHLY, ("O222",), Trend(0.6, noise=0.1), bounds=(D(0), D(10000))),
    Kpi("herleidbaar", MINISTRY, "ICT-uitgaven herleidbaar tot een doel", "%", HIGHER,
        (D("20.0"), day(2025, 1, 1)), (D("95.0"), day(2027, 12, 31)), "Roer, doel-inspanningennetwerk",
        QUARTERLY, ("O231",), Trend(1.1, noise=0.03), history_months=24, bounds=PERCENT),
    Kpi("werkplek", "bdz-ssoict", "Werkplekkosten per medewerker", "euro per maand", LOWER,
        (D("212.00"), day(2024, 1, 1)), (D("180.00"), day(2027, 12, 31)), "Kostprijsmodel SSO-ICT",
        MONTHLY, ("OSSO1",), Trend(0.3, (Step(day(2024, 10, 1), day(2025, 3, 31), D(-14)),)), decimals=2,
        description="De daling eind 2024 komt vooral van het uitfaseren van de vaste telefonie."),
    Kpi("huurcommissie", "bdz-dgwr-hww", "Doorlooptijd van een zaak bij de Huurcommissie", "maanden", LOWER,
        (D("11.0"), day(2024, 1, 1)), (D("6.0"), day(2027, 12, 31)), "Zaaksysteem Huurcommissie",
        MONTHLY, ("OWR1",), Trend(1.0, noise=0.05), history_months=30),
    Kpi("omgevingsloket", "bdz-dgwr-rio", "Beschikbaarheid van het omgevingsloket", "%", HIGHER,
        (D("97.80"), day(2024, 1, 1)), (D("99.70"), day(2026, 12, 31)),
        "Beschikbaarheidsmonitoring Digitaal Stelsel Omgevingswet", MONTHLY, ("OWR2",), Trend(0.7, noise=0.25),
        decimals=2, bounds=PERCENT),
    Kpi("regeldruk", MINISTRY, "Uitvragen van gegevens die de overheid al heeft", "% van de uitvragen", LOWER,
        (D(64), day(2024, 1, 1)), (D(30), day(2028, 12, 31)), "Regeldrukmonitor",
        YEARLY, ("O123",), Trend(0.1, noise=0.03), decimals=0, bounds=PERCENT),
    Kpi("digivaardig", MINISTRY, "Rijksmedewerkers met de basistraining digitale vaardigheden", "%", HIGHER,
        (D("18.0"), day(2025, 1, 1)), (D("80.0"), day(2027, 12, 31)), "Leerplatform Rijksacademie",
        QUARTERLY, ("O223",), Trend(0.35), history_months=24, bounds=PERCENT),
    Kpi("dijkhaven", OUTSIDER, "Aanvragen en meldingen die volledig digitaal verlopen", "%", HIGHER,
        (D("41.0"), day(2024, 1, 1)), (D("75.0"), day(2027, 12, 31)), "Zaaksysteem gemeente Dijkhaven",
        MONTHLY, ("DO",), Trend(1.0), bounds=PERCENT),
)
# fmt: on

KPI_BY_KEY: dict[str, Kpi] = {kpi.key: kpi for kpi in KPIS}
