"""What an import reports when it stores nothing: every problem, by row and column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One problem in a file. ``row`` counts as a spreadsheet does (the header is row 1);
    it is 0 for the file as a whole. ``column`` is the column's name, empty for the whole row or file."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = _("row %(row)d") % {"row": self.row} if self.row else _("file")
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class ImportFailed(Exception):
    """Nothing was stored; ``problems`` says why, in the order of the file's rows."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.row)  # stable: columns keep their order
        super().__init__("; ".join(str(problem) for problem in self.problems[:5]))


def fail(message: Any, column: str = "") -> ImportFailed:
    """An import that fails for the file as a whole."""
    return ImportFailed([Problem(0, column, str(message))])
