"""The demo organisation: an invented ministry, its directorates-general, a shared service
organisation, and one municipality outside it that shows how scope keeps organisations apart."""

from __future__ import annotations

from roer.demo.data.specs import UnitSpec
from roer.organisation.models import OrgUnitKind

ORG = OrgUnitKind.ORGANISATION
DEPT = OrgUnitKind.DEPARTMENT
DIR = OrgUnitKind.DIRECTORATE
SSO = OrgUnitKind.SHARED_SERVICE

MINISTRY = "bdz"
OUTSIDER = "dijkhaven"

UNITS: tuple[UnitSpec, ...] = (
    UnitSpec(
        MINISTRY,
        "Ministerie van Binnenlandse en Digitale Zaken",
        ORG,
        None,
        "Verzonnen ministerie voor de demonstratie van Roer: binnenlands bestuur, wonen en de digitale overheid.",
    ),
    # Directoraat-generaal Digitale Overheid
    UnitSpec(
        "bdz-dgdo",
        "DG Digitale Overheid",
        DEPT,
        MINISTRY,
        "Beleid en voorzieningen voor digitale identiteit, gegevensdeling en een open, toegankelijke overheid.",
    ),
    UnitSpec("bdz-dgdo-dit", "Directie Digitale Identiteit en Toegang", DIR, "bdz-dgdo"),
    UnitSpec("bdz-dgdo-igb", "Directie Informatiesamenleving en Gegevensbeleid", DIR, "bdz-dgdo"),
    # Directoraat-generaal Wonen en Ruimtelijke Ordening
    UnitSpec(
        "bdz-dgwr",
        "DG Wonen en Ruimtelijke Ordening",
        DEPT,
        MINISTRY,
        "Betaalbaar wonen, de huurmarkt en de digitale voorzieningen voor de omgevingswetgeving.",
    ),
    UnitSpec("bdz-dgwr-hww", "Directie Huurmarkt en Woningwaardering", DIR, "bdz-dgwr"),
    UnitSpec("bdz-dgwr-rio", "Directie Ruimtelijke Informatievoorziening", DIR, "bdz-dgwr"),
    # Directoraat-generaal Openbaar Bestuur en Democratie
    UnitSpec(
        "bdz-dgobd",
        "DG Openbaar Bestuur en Democratie",
        DEPT,
        MINISTRY,
        "Verkiezingen, de democratische rechtsstaat en de verhouding met gemeenten en provincies.",
    ),
    UnitSpec("bdz-dgobd-ver", "Directie Verkiezingen en Democratie", DIR, "bdz-dgobd"),
    UnitSpec("bdz-dgobd-dof", "Directie Decentrale Overheden en Financiën", DIR, "bdz-dgobd"),
    # Directoraat-generaal Overheidsorganisatie en Personeel
    UnitSpec(
        "bdz-dgop",
        "DG Overheidsorganisatie en Personeel",
        DEPT,
        MINISTRY,
        "Werkgeverschap van het Rijk: arbeidsmarkt, HR-dienstverlening en integriteit.",
    ),
    UnitSpec("bdz-dgop-aps", "Directie Arbeidsmarkt Publieke Sector", DIR, "bdz-dgop"),
    UnitSpec("bdz-dgop-hrd", "Directie HR-dienstverlening Rijk", DIR, "bdz-dgop"),
    # Shared service organisatie
    UnitSpec(
        "bdz-ssoict",
        "Shared Service Organisatie ICT",
        SSO,
        MINISTRY,
        "Levert werkplek, hosting en netwerk aan het ministerie en aan drie andere ministeries.",
    ),
    UnitSpec("bdz-ssoict-ws", "Werkplek en Samenwerking", DIR, "bdz-ssoict"),
    UnitSpec("bdz-ssoict-hc", "Hosting en Connectiviteit", DIR, "bdz-ssoict"),
    # A separate organisation: nobody at the ministry may see it, and its people see nothing of the ministry.
    UnitSpec(
        OUTSIDER,
        "Gemeente Dijkhaven",
        ORG,
        None,
        "Verzonnen gemeente van 60.000 inwoners, om te laten zien dat organisaties elkaars gegevens niet zien.",
    ),
    UnitSpec("dijkhaven-iv", "Afdeling Informatievoorziening", DEPT, OUTSIDER),
)
