"""What an import row becomes before anything is written, and what is wrong with a row."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


@dataclass
class Record:
    """One initiative as read from a file, checked and typed."""

    row: int
    ministry: str
    name: str
    phase: str
    activity_type: str = ""
    description: str = ""
    benefits: list[str] = field(default_factory=list)
    milestones_achieved: int = 0
    advice_count: int = 0
    start_date: datetime.date | None = None
    initial_end: datetime.date | None = None
    current_end: datetime.date | None = None
    reasons: list[str] = field(default_factory=list)
    initial_costs: dict[str, Decimal] | None = None
    current_costs: dict[str, Decimal] = field(default_factory=dict)
    actual_costs: dict[str, Decimal] = field(default_factory=dict)
    spent_until_now: Decimal = Decimal(0)
    spent_until_last_year: Decimal = Decimal(0)
    estimate_last_year: Decimal | None = None  # total of the latest baseline recorded before this year
