"""The import mappings, by name: each reads a sheet into records and problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from roer.publication.interchange import rijks, us
from roer.publication.interchange.readers import Sheet
from roer.publication.interchange.records import Problem, Record


@dataclass(frozen=True)
class Mapping:
    first_label: str
    first_field: str
    records: Callable[[Sheet], tuple[list[Record], list[Problem]]]


MAPPINGS = {
    "rijks": Mapping(rijks.FIRST_LABEL, rijks.FIRST_FIELD, rijks.records),
    "us-itdashboard": Mapping(us.FIRST_LABEL, us.FIRST_LABEL, us.records),
}
