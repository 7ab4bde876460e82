"""The plan: what the optimiser returns, and its JSON form (docs/planning/plan.schema.json)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["optimal", "feasible", "infeasible"]
Json = dict[str, Any]


@dataclass
class Plan:
    status: Status
    objective: float | None
    bound: float | None
    solve_seconds: float
    funded: list[tuple[str, int]] = field(default_factory=list)  # (id, start quarter)
    unfunded: list[tuple[str, list[Json]]] = field(default_factory=list)  # (id, reasons)
    binding: list[Json] = field(default_factory=list)
    reason: str | None = None  # why infeasible; also why a run stopped early

    @property
    def gap(self) -> float | None:
        """(bound − objective) / bound: the most a better plan could still add, as a fraction."""
        if self.objective is None or self.bound is None:
            return None
        if self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)

    @property
    def starts(self) -> dict[str, int]:
        return dict(self.funded)

    def to_json(self) -> Json:
        result: Json = {"status": self.status}
        if self.reason is not None:
            result["reason"] = self.reason
        result.update(
            {
                "objective": _number(self.objective),
                "bound": _number(self.bound),
                "gap": _number(self.gap, 8),
                "solveSeconds": round(self.solve_seconds, 3),
                "funded": [{"id": i, "start": s} for i, s in self.funded],
                "unfunded": [{"id": i, "reasons": reasons} for i, reasons in self.unfunded],
                "binding": self.binding,
            }
        )
        return result


def _number(value: float | None, digits: int = 6) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, digits)


def infeasible(reason: str, seconds: float) -> Plan:
    return Plan("infeasible", None, None, seconds, reason=reason)
