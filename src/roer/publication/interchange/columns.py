"""The 58 columns of the Rijks ICT-dashboard open-data spreadsheet, as data.

Each column has the dashboard's internal field name, its Dutch label (the header of the
spreadsheet), the kind of value, and how Roer fills it. The import reads the columns
marked ``source`` and recomputes the ``derived`` ones, so a file cannot contradict itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from roer.portfolio.models import CostCategory


class Kind(Enum):
    TEXT = "text"
    DATE = "date"
    INT = "int"
    MONEY = "money"  # Decimal euros, two places
    NUMBER = "number"  # Decimal, one place (years, percentages)


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    kind: Kind
    source: bool  # read on import; otherwise derived and recomputed
    how: str


def _c(field: str, label: str, kind: Kind, how: str, source: bool = False) -> Column:
    return Column(field, label, kind, source, how)


T, D, I, M, N = Kind.TEXT, Kind.DATE, Kind.INT, Kind.MONEY, Kind.NUMBER  # noqa: E741  (short names keep the table readable)

# Cost columns: (field stem, label stem, Roer categories summed into it).
COST_GROUPS: tuple[tuple[str, str, tuple[CostCategory, ...]], ...] = (
    ("InternPersoneel", "intern personeel", (CostCategory.INTERNAL_STAFF,)),
    ("ExternPersoneel", "extern personeel", (CostCategory.EXTERNAL_STAFF,)),
    ("OverigMaterieel", "overig materieel", (CostCategory.OTHER_MATERIAL,)),
    (
        "HardwareSoftware",
        "Software, hardware en dataverbindingen (oud)",
        (CostCategory.HARDWARE, CostCategory.SOFTWARE, CostCategory.DATA_CONNECTIONS),
    ),
    ("Hardware", "hardware (oud)", (CostCategory.HARDWARE,)),
    ("Standaardsoftware", "standaard software (oud)", (CostCategory.SOFTWARE,)),
    ("Dataverbindingen", "dataverbindingen (oud)", (CostCategory.DATA_CONNECTIONS,)),
    ("UitbesteedWerk", "uitbesteed werk", (CostCategory.OUTSOURCED_WORK,)),
    ("InbesteedWerk", "inbesteed werk (oud)", (CostCategory.INSOURCED_WORK,)),
    ("OverigeKosten", "overig (oud)", (CostCategory.OTHER,)),
)
#: The combined "(oud)" column is the sum of three others, so it is derived unless it stands alone.
COMBINED = "HardwareSoftware"

# The dashboard's labels are irregular (missing spaces included); they are reproduced exactly.
_INITIAL_LABELS = {
    "UitbesteedWerk": "Schatting initiële kostenuitbesteed werk",
    "InbesteedWerk": "Schatting initiële kosteninbesteed werk (oud)",
    "OverigeKosten": "Schatting initiële kostenoverig (oud)",
}


def _cost_columns() -> list[Column]:
    columns = []
    for suffix, prefix, what in (
        ("Initieel", "Schatting initiële kosten", "initial baseline (number 0), category amount"),
        ("Actueel", "Schatting actuele kosten", "actuals where booked, else forecast, summed over the years"),
        ("Daadwerkelijk", "Daadwerkelijke uitgaven", "actual cost lines, summed over the years"),
    ):
        for stem, label, _categories in COST_GROUPS:
            field = stem + suffix
            text = _INITIAL_LABELS.get(stem) if suffix == "Initieel" else None
            how = "sum of hardware, software and data connections" if stem == COMBINED else what
            columns.append(_c(field, text or f"{prefix} {label}", M, how, source=stem != COMBINED))
    return columns


COLUMNS: tuple[Column, ...] = (
    _c("MinisterieNaam", "Ministerie (naam)", T, "name of the top org unit", source=True),
    _c("ProjectStatus", "Status", T, "phase, as Lopend / Heroriëntatie / Afgerond / Geannuleerd", source=True),
    _c("Naam", "ICT-activiteit", T, "initiative name", source=True),
    _c("SoortICTActiviteit", "Soort ICT-activiteit", T, "kind of ICT activity, Dutch label", source=True),
    _c("MaatschappelijkeBaat", "Wij verbeteren op", T, "societal benefits, joined by ' | '", source=True),
    _c("AantalBaten", "Aantal baten", I, "number of societal benefits"),
    _c("AantalBehaaldeMijlpalen", "Aantal behaalde mijlpalen", I, "milestones achieved", source=True),
    _c("HeeftAcICTAdvies", "AcICT-advies", T, "Ja when a document carries independent advice, else Nee"),
    _c("AantalAcICTAdviezen", "Aantal AcICT-adviezen", I, "documents with independent advice", source=True),
    _c("StartDatum", "Startdatum", D, "start date of the initiative", source=True),
    _c("SchattingEinddatumInitieel", "Initiële schatting einddatum", D, "end of the initial baseline", source=True),
    _c("SchattingEinddatumActueel", "Actuele schatting einddatum", D, "end of the latest baseline", source=True),
    _c("StartJaar", "Startjaar", I, "year of the start date"),
    _c("EindJaar", "Actueel eindjaar", I, "year of the current end date"),
    _c("DoorlooptijdInitieel", "Doorlooptijd initieel", N, "years from start to initial end"),
    _c("DoorlooptijdActueel", "Actuele doorlooptijd", N, "years from start to current end"),
    _c(
        "VerschilEindatumInitieelActueelInJaren",
        "Verschil initieel en actueel (in jaren)",
        N,
        "years from initial to current end",
    ),
    _c("VerschilDoorlooptijdPct", "Verschil doorlooptijd (percentage)", N, "change of duration, % of initial"),
    _c("Eindatum eerder/later", "Aanpassing einddatum (absoluut)", I, "days from initial to current end"),
    _c("DoorlooptijdEerderLaterPct", "Aanpassing einddatum (relatief)", N, "days late, % of initial duration"),
    _c("RedenenHerijkingen", "Reden herijking", T, "reasons of the re-baselines, joined by ' | '", source=True),
    _c("SchattingTotaleKostenInitieel", "Initiële schatting meerjarige kosten", M, "initial baseline total"),
    _c(
        "SchattingTotaleKostenHuidigJaar",
        "Actuele schatting meerjarige kosten huidige jaar",
        M,
        "sum of the current estimate per category",
    ),
    _c("TotaleKostenCategorie", "Actuele kostencategorie", T, "size class of the current estimate"),
    _c(
        "SchattingTotaleKostenVorigJaar",
        "Actuele schatting meerjarige kosten vorig jaar",
        M,
        "total of the latest baseline recorded before this year",
        source=True,
    ),
    _c("PrognoseToekomstigeKosten", "Prognose toekomstige kosten", M, "forecast for this year and later"),
    _c(
        "CumulatieveKostenHuidigJaar",
        "Cumulatieve meerjarige uitgaven t/m huidige jaar",
        M,
        "actuals up to and including this year",
        source=True,
    ),
    _c(
        "CumulatieveKostenVorigJaar",
        "Cumulatieve meerjarige uitgaven t/m vorig jaar",
        M,
        "actuals up to and including last year",
        source=True,
    ),
    *_cost_columns(),
)

BY_FIELD = {column.field: column for column in COLUMNS}
BY_LABEL = {column.label: column for column in COLUMNS}
assert len(COLUMNS) == 58, len(COLUMNS)  # noqa: S101  (a definition error, found at import time)

STATUS_BY_PHASE = {"closed": "Afgerond", "stopped": "Geannuleerd", "on_hold": "Heroriëntatie"}
RUNNING_STATUS = "Lopend"
PHASE_BY_STATUS = {"Lopend": "execution", "Afgerond": "closed", "Geannuleerd": "stopped", "Heroriëntatie": "on_hold"}
ACTIVITY_LABELS = {
    "new": "Nieuwbouw",
    "replacement": "Vervanging of vernieuwing",
    "migration": "Migratie",
    "procurement": "Verwerving van een dienst",
    "other": "Overig",
}
ACTIVITY_BY_LABEL = {label.lower(): key for key, label in ACTIVITY_LABELS.items()}
LIST_SEPARATOR = " | "
