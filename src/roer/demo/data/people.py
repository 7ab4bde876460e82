"""Demo people: someone in each of the fourteen roles, with Dutch names, job titles and home units.

Every demo account signs in with :data:`DEMO_PASSWORD`; the password is published in
the README, so the demo refuses to load into a production database.
"""

from __future__ import annotations

import datetime

from roer.demo.data.specs import PersonSpec, RoleSpec
from roer.demo.data.units import MINISTRY, OUTSIDER
from roer.organisation.roles import Role

DEMO_PASSWORD = "roer-demo-2026"  # noqa: S105  (published on purpose: it is the demo's login)
SUPERUSER = "beheer"

PEOPLE: tuple[PersonSpec, ...] = (
    # The ministry's top CIO: mandate holder in the CIO council, and CIO of the whole ministry.
    PersonSpec(
        "marieke",
        "Marieke",
        "van den Berg",
        "Chief Information Officer van het ministerie",
        MINISTRY,
        (RoleSpec(Role.MANDATE_HOLDER, MINISTRY), RoleSpec(Role.CIO, MINISTRY)),
    ),
    # CIOs per directorate-general and of the shared service organisation; three sit on the portfolio board.
    PersonSpec(
        "joost",
        "Joost",
        "Verhoeven",
        "CIO DG Digitale Overheid",
        "bdz-dgdo",
        (RoleSpec(Role.CIO, "bdz-dgdo"), RoleSpec(Role.BOARD_MEMBER, MINISTRY)),
    ),
    PersonSpec(
        "samira",
        "Samira",
        "El Amrani",
        "CIO DG Wonen en Ruimtelijke Ordening",
        "bdz-dgwr",
        (RoleSpec(Role.CIO, "bdz-dgwr", valid_from=datetime.date(2024, 3, 1)), RoleSpec(Role.BOARD_MEMBER, MINISTRY)),
    ),
    PersonSpec("pieter", "Pieter", "Kuipers", "CIO DG Openbaar Bestuur en Democratie", "bdz-dgobd", (RoleSpec(Role.CIO, "bdz-dgobd"),)),
    PersonSpec("ingrid", "Ingrid", "Mulder", "CIO DG Overheidsorganisatie en Personeel", "bdz-dgop", (RoleSpec(Role.CIO, "bdz-dgop"),)),
    PersonSpec(
        "ruud",
        "Ruud",
        "Hendriks",
        "Directeur en CIO Shared Service Organisatie ICT",
        "bdz-ssoict",
        (RoleSpec(Role.CIO, "bdz-ssoict"), RoleSpec(Role.BOARD_MEMBER, MINISTRY)),
    ),
    # A former CIO: the role ended, so the account now sees nothing.
    PersonSpec(
        "harm",
        "Harm",
        "Veenstra",
        "Voormalig CIO DG Wonen en Ruimtelijke Ordening",
        "bdz-dgwr",
        (RoleSpec(Role.CIO, "bdz-dgwr", datetime.date(2019, 1, 1), datetime.date(2024, 2, 29)),),
    ),
    # Specialist advisers who advise before the CIO council decides.
    PersonSpec("lotte", "Lotte", "Brouwer", "Chief Privacy Officer", MINISTRY, (RoleSpec(Role.PRIVACY_OFFICER, MINISTRY),)),
    PersonSpec("daan", "Daan", "Smits", "Chief Data Officer", MINISTRY, (RoleSpec(Role.DATA_OFFICER, MINISTRY),)),
    PersonSpec(
        "yusuf", "Yusuf", "Demir", "Chief Technology Officer", MINISTRY, (RoleSpec(Role.TECHNOLOGY_OFFICER, MINISTRY),)
    ),
    PersonSpec(
        "hanneke",
        "Hanneke",
        "Bos",
        "Ketenregisseur identiteit en toegang",
        "bdz-dgdo-dit",
        (RoleSpec(Role.CHAIN_OWNER, "bdz-dgdo-dit"),),
    ),
    # The portfolio cycle: portfolio manager, controller, and the chair of the portfolio board.
    PersonSpec(
        "thomas",
        "Thomas",
        "de Wit",
        "Portfoliomanager informatievoorziening",
        MINISTRY,
        (RoleSpec(Role.PORTFOLIO_MANAGER, MINISTRY),),
    ),
    PersonSpec("esther", "Esther", "Vermeulen", "Concerncontroller", MINISTRY, (RoleSpec(Role.CONTROLLER, MINISTRY),)),
    PersonSpec(
        "gerard",
        "Gerard",
        "Dekker",
        "Plaatsvervangend secretaris-generaal, voorzitter portfolioboard",
        MINISTRY,
        (RoleSpec(Role.BOARD_MEMBER, MINISTRY),),
    ),
    # Sponsors (ambtelijk opdrachtgevers): the directors-general and a director of the shared service organisation.
    PersonSpec("wendy", "Wendy", "Jacobs", "Directeur-generaal Digitale Overheid", "bdz-dgdo", (RoleSpec(Role.SPONSOR, "bdz-dgdo"),)),
    PersonSpec(
        "henk", "Henk", "Peters", "Directeur-generaal Wonen en Ruimtelijke Ordening", "bdz-dgwr", (RoleSpec(Role.SPONSOR, "bdz-dgwr"),)
    ),
    PersonSpec(
        "fatima",
        "Fatima",
        "Ouali",
        "Directeur-generaal Openbaar Bestuur en Democratie",
        "bdz-dgobd",
        (RoleSpec(Role.SPONSOR, "bdz-dgobd"),),
    ),
    PersonSpec(
        "erik",
        "Erik",
        "van Dijk",
        "Directeur-generaal Overheidsorganisatie en Personeel",
        "bdz-dgop",
        (RoleSpec(Role.SPONSOR, "bdz-dgop"),),
    ),
    PersonSpec(
        "anouk", "Anouk", "Vos", "Directeur Werkplek en Samenwerking", "bdz-ssoict-ws", (RoleSpec(Role.SPONSOR, "bdz-ssoict"),)
    ),
    # Project managers.
    PersonSpec("kevin", "Kevin", "Scholten", "Projectmanager", "bdz-dgdo-dit", (RoleSpec(Role.PROJECT_MANAGER, "bdz-dgdo"),)),
    PersonSpec(
        "eva", "Eva", "Hermans", "Projectleider gegevensdeling", "bdz-dgdo-igb", (RoleSpec(Role.PROJECT_MANAGER, "bdz-dgdo-igb"),)
    ),
    PersonSpec("sanne", "Sanne", "Willems", "Projectmanager", "bdz-dgwr-hww", (RoleSpec(Role.PROJECT_MANAGER, "bdz-dgwr"),)),
    PersonSpec("bas", "Bas", "Koster", "Programmamanager", "bdz-dgobd-ver", (RoleSpec(Role.PROJECT_MANAGER, "bdz-dgobd"),)),
    PersonSpec("nadia", "Nadia", "Bouzid", "Projectleider HR-systemen", "bdz-dgop-hrd", (RoleSpec(Role.PROJECT_MANAGER, "bdz-dgop"),)),
    PersonSpec(
        "maarten",
        "Maarten",
        "Prins",
        "Projectmanager infrastructuur",
        "bdz-ssoict-hc",
        (RoleSpec(Role.PROJECT_MANAGER, "bdz-ssoict"),),
    ),
    # Look, audit, administer.
    PersonSpec(
        "johan",
        "Johan",
        "Meijer",
        "Senior beleidsmedewerker huurbeleid",
        "bdz-dgwr-hww",
        (RoleSpec(Role.VIEWER, "bdz-dgwr-hww"),),
    ),
    PersonSpec("saskia", "Saskia", "Kok", "IT-auditor, Auditdienst", MINISTRY, (RoleSpec(Role.AUDITOR, MINISTRY),)),
    PersonSpec(
        "rik", "Rik", "van Leeuwen", "Functioneel beheerder Roer", MINISTRY, (RoleSpec(Role.FUNCTIONAL_ADMIN, MINISTRY),)
    ),
    # The municipality: outsiders to the ministry.
    PersonSpec("femke", "Femke", "Hoekstra", "CIO Gemeente Dijkhaven", OUTSIDER, (RoleSpec(Role.CIO, OUTSIDER),)),
    PersonSpec(
        "jeroen",
        "Jeroen",
        "Postma",
        "Projectleider digitalisering",
        "dijkhaven-iv",
        (RoleSpec(Role.PROJECT_MANAGER, OUTSIDER),),
    ),
    # Technical administrator for the Django admin; unrestricted, so kept out of everyday demos.
    PersonSpec(SUPERUSER, "Beheer", "Roer", "Technisch beheerder", None, superuser=True),
)
