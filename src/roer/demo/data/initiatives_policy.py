"""Demo initiatives of the two policy-heavy directorates-general: Digitale Overheid and Wonen.

Some ideas lack a problem statement or a manager on purpose, so that the home page's
list of gaps has something to show; past the idea phase every initiative has one.
"""

from __future__ import annotations

from roer.demo.data.specs import InitiativeSpec as Spec
from roer.portfolio.models import Phase

# fmt: off  (one initiative per block reads better than one argument per line)
INITIATIVES_POLICY: tuple[Spec, ...] = (
    # DG Digitale Overheid — Directie Digitale Identiteit en Toegang
    Spec(
        "BDZ-0001", "Pilot Europese digitale identiteitswallet", "bdz-dgdo-dit", Phase.EXECUTION, "wendy", "kevin",
        "Burgers kunnen zich in andere EU-lidstaten nog niet digitaal identificeren met een Nederlands middel, "
        "terwijl de herziene eIDAS-verordening elke lidstaat verplicht een wallet aan te bieden.",
        "Bouw en beproeving van een publieke wallet-app met de eerste twee attestaties (identiteit en rijbewijs), "
        "samen met drie uitvoeringsorganisaties en een burgerpanel.",
        mandatory=True,
        legal_basis="Verordening (EU) 2024/1183 (eIDAS 2), art. 5 bis: elke lidstaat stelt ten minste één Europese "
        "digitale-identiteitsportemonnee beschikbaar binnen 24 maanden na de uitvoeringshandelingen.",
    ),
    Spec(
        "BDZ-0002", "Machtigen voor ondernemers en intermediairs", "bdz-dgdo-dit", Phase.APPROVED, "wendy", None,
        "Ondernemers die hun boekhouder of adviseur willen machtigen, regelen dat nu per overheidsdienst apart.",
        "Eén machtigingsvoorziening voor bedrijven en hun intermediairs, aangesloten op de bestaande toegangsmiddelen.",
    ),
    Spec(
        "BDZ-0003", "Vervanging inlogvoorziening rijksmedewerkers", "bdz-dgdo-dit", Phase.LIVE, "wendy", "kevin",
        "De inlogvoorziening voor rijksmedewerkers draait op software waarvan de leveranciersondersteuning is geëindigd.",
        "Overstap naar een federatieve inlogdienst met tweefactorauthenticatie; de laatste vier ministeries "
        "worden in dit kwartaal begeleid bij de ingebruikname.",
    ),
    Spec(
        "BDZ-0004", "Toegankelijke inlogschermen", "bdz-dgdo-dit", Phase.CLOSED, "wendy", "kevin",
        "Blinde en slechtziende burgers haakten af bij het inloggen, omdat schermlezers de pagina's niet goed voorlazen.",
        "Herontwerp getoetst door ervaringsdeskundigen; afgesloten met een positief toegankelijkheidsverslag.",
    ),
    Spec(
        "BDZ-0005", "Misbruik van inlogmiddelen eerder signaleren", "bdz-dgdo-dit", Phase.IDEA, None, None,
        "",
        "Verkenning of meldingen van misbruik tussen uitvoeringsorganisaties gebundeld kunnen worden.",
    ),
    # DG Digitale Overheid — Directie Informatiesamenleving en Gegevensbeleid
    Spec(
        "BDZ-0006", "Federatief datastelsel: basisregistraties aan de bron bevragen", "bdz-dgdo-igb", Phase.EXECUTION,
        "wendy", "eva",
        "Overheidsorganisaties kopiëren gegevens uit basisregistraties naar eigen systemen, waardoor fouten en "
        "verouderde gegevens zich door de keten verspreiden.",
        "Afspraken, een gegevenscatalogus en een bevragingsvoorziening waarmee de eerste drie basisregistraties "
        "direct bij de bron te raadplegen zijn.",
    ),
    Spec(
        "BDZ-0007", "Algoritmeregister uitbreiden met impacttoetsen", "bdz-dgdo-igb", Phase.LIVE, "wendy", "eva",
        "Burgers en journalisten kunnen niet nagaan welke algoritmen de overheid inzet en welke risico's zijn afgewogen.",
        "Het register toont per algoritme ook de uitgevoerde mensenrechten- en privacytoetsen.",
    ),
    Spec(
        "BDZ-0008", "Vernieuwing open-dataportaal", "bdz-dgdo-igb", Phase.INTAKE, "wendy", "eva",
        "Hergebruikers vinden datasets slecht terug: beschrijvingen zijn onvolledig en de zoekfunctie kent geen synoniemen.",
        "Nieuwe catalogus op basis van de Europese metadatastandaard, met een zoekfunctie die vakjargon begrijpt.",
    ),
    Spec(
        "BDZ-0009", "Verkenning generatieve AI voor beleidsdirecties", "bdz-dgdo-igb", Phase.IDEA, "wendy", None,
        "",
        "Beleidsmedewerkers vragen om hulp bij het samenvatten van consultatiereacties; eerst verkennen wat veilig "
        "en rechtmatig kan.",
    ),
    Spec(
        "BDZ-0010", "Inzage in eigen gegevens voor burgers", "bdz-dgdo-igb", Phase.ON_HOLD, "wendy", "eva",
        "Burgers zien niet welke gegevens de overheid over hen vastlegt en met wie die worden gedeeld.",
        "Gepauzeerd tot het federatieve datastelsel de benodigde bevragingen ondersteunt.",
    ),
    Spec(
        "BDZ-0011", "Toegankelijkheidsmonitor overheidswebsites", "bdz-dgdo-igb", Phase.CLOSED, "wendy", "eva",
        "Niemand had een actueel beeld van de toegankelijkheid van ruim vijftienhonderd overheidswebsites.",
        "Wekelijkse automatische meting met een openbaar overzicht; overgedragen aan de lijnorganisatie.",
    ),
    # DG Wonen en Ruimtelijke Ordening — Directie Huurmarkt en Woningwaardering
    Spec(
        "BDZ-0012", "Digitaal zaakdossier Huurcommissie", "bdz-dgwr-hww", Phase.EXECUTION, "henk", "sanne",
        "Huurders en verhuurders leveren stukken per post aan; een zaak duurt daardoor gemiddeld elf maanden.",
        "Eén digitaal dossier per zaak, met een portaal voor beide partijen en een koppeling met het zaaksysteem.",
    ),
    Spec(
        "BDZ-0013", "Rekenhulp woningwaarderingsstelsel", "bdz-dgwr-hww", Phase.LIVE, "henk", "sanne",
        "Huurders kunnen niet zelf nagaan of hun huur past bij het aantal punten van hun woning.",
        "Openbare rekenhulp voor het puntenstelsel; huurteams en gemeenten helpen bewoners bij het gebruik.",
    ),
    Spec(
        "BDZ-0014", "Register middenhuurwoningen", "bdz-dgwr-hww", Phase.APPROVED, "henk", None,
        "Voor de nieuwe regels voor middenhuur ontbreekt zicht op welke woningen eronder vallen.",
        "Register op basis van bestaande basisregistraties, zonder nieuwe uitvraag bij verhuurders.",
    ),
    Spec(
        "BDZ-0015", "Betalingsachterstanden huur delen met gemeenten", "bdz-dgwr-hww", Phase.STOPPED, "henk", "sanne",
        "Gemeenten hoorden pas laat van huishoudens met oplopende huurachterstanden.",
        "Gestopt na advies van de privacyfunctionaris: de wettelijke grondslag voor het delen bleek onvoldoende.",
    ),
    Spec(
        "BDZ-0016", "Standaard voor inschrijving woningzoekenden", "bdz-dgwr-hww", Phase.INTAKE, "henk", "sanne",
        "Woningzoekenden schrijven zich bij elke corporatie en gemeente opnieuw in en leveren steeds dezelfde "
        "gegevens aan.",
        "Corporaties en gemeenten gebruiken elk een eigen formaat voor inschrijvingen van woningzoekenden.",
    ),
    # DG Wonen en Ruimtelijke Ordening — Directie Ruimtelijke Informatievoorziening
    Spec(
        "BDZ-0017", "Stabilisatie omgevingsloket", "bdz-dgwr-rio", Phase.EXECUTION, "henk", "sanne",
        "Initiatiefnemers en gemeenten ervaren storingen en trage reacties in het omgevingsloket.",
        "Stabiliseren, prestaties verbeteren en achterstallige functionaliteit opleveren in incrementen van een kwartaal.",
    ),
    Spec(
        "BDZ-0018", "Landelijke 3D-basisvoorziening gebouwen", "bdz-dgwr-rio", Phase.IDEA, "henk", None,
        "Voor geluids- en windberekeningen tekent elke gemeente zelf driedimensionale modellen van gebouwen.",
        "Eén landelijk 3D-bestand, afgeleid van bestaande registraties en hoogtemetingen.",
    ),
    Spec(
        "BDZ-0019", "Klimaatrisico's zichtbaar in omgevingsplannen", "bdz-dgwr-rio", Phase.INTAKE, "henk", "sanne",
        "Risico's op wateroverlast en hitte zijn niet zichtbaar op het moment dat een omgevingsplan wordt opgesteld.",
        "Kaartlagen uit de klimaateffectatlas beschikbaar maken in de planeditor van gemeenten.",
    ),
    Spec(
        "BDZ-0020", "Vervanging geo-informatieplatform", "bdz-dgwr-rio", Phase.CLOSED, "henk", "sanne",
        "Het oude geo-platform werd niet meer ondersteund en kon geen gegevens via open standaarden leveren.",
        "Overgestapt op open-sourcecomponenten met OGC API-koppelvlakken; oude platform uitgezet.",
    ),
)
# fmt: on
