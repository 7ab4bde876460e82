"""What a demo build added, and what it found in place already."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: The kinds of rows a build reports, in the order the command lists them.
KINDS = (
    "org units",
    "people",
    "role assignments",
    "goals",
    "KPIs",
    "measurements",
    "initiatives",
    "contributions",
    "cost lines",
    "bodies",
    "proposals",
    "decisions",
    "frameworks",
    "meetings",
    "scenarios",
)


@dataclass
class BuildReport:
    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    def note(self, kind: str, created: bool, count: int = 1) -> None:
        (self.created if created else self.existing)[kind] += count
