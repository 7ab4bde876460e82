"""Demo initiatives that the law requires, whatever the ministry's own goals.

BDZ-0041 serves no goal: it is a deliberate orphan that the orphan analysis flags as
mandatory. BDZ-0042 is the only initiative serving its objective, so that goal is
served by mandatory work alone.
"""

from __future__ import annotations

from roer.demo.data.specs import InitiativeSpec as Spec
from roer.portfolio.models import Phase

# fmt: off  (one initiative per block reads better than one argument per line)
INITIATIVES_MANDATORY: tuple[Spec, ...] = (
    Spec(
        "BDZ-0041", "Actieve openbaarmaking Woo-informatiecategorieën", "bdz-dgdo-igb", Phase.EXECUTION, "wendy", "eva",
        "Het ministerie moet steeds meer soorten documenten uit zichzelf openbaar maken, maar de documenten staan "
        "verspreid over afdelingsschijven en zaaksystemen zonder metadata.",
        "Documenten per informatiecategorie automatisch herkennen, lakken waar nodig en aanbieden aan de landelijke "
        "publicatievoorziening.",
        mandatory=True,
        legal_basis="Wet open overheid (Woo), art. 3.3 lid 2: actieve openbaarmaking van onder meer Kamerstukken, "
        "organisatiegegevens, vergaderstukken en adviezen; per categorie in werking bij koninklijk besluit.",
    ),
    Spec(
        "BDZ-0042", "Digitaal archief overbrengen naar het e-depot", "bdz-ssoict-hc", Phase.EXECUTION, "anouk",
        "maarten",
        "Digitale archiefbestanden van vóór 2010 staan op verouderde opslag en worden niet binnen de wettelijke "
        "termijn overgebracht.",
        "Selectie, conversie naar duurzame formaten en overbrenging naar het e-depot van het Nationaal Archief, in "
        "tranches per beleidsterrein.",
        mandatory=True,
        legal_basis="Archiefwet 1995, art. 3 en 12: archiefbescheiden in goede, geordende en toegankelijke staat "
        "brengen en na twintig jaar overbrengen; Archiefregeling, hoofdstuk 6 (digitale duurzaamheid).",
    ),
)
# fmt: on
