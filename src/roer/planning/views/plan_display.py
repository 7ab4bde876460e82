"""What the run and comparison pages show: a run's plan in rows, and the frontier as an SVG chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from roer.planning.models.scenarios import SolveRun
from roer.planning.optimiser.money import cents_to_decimal, to_cents
from roer.planning.views.reasons import binding_text, euros, reason_text


@dataclass(frozen=True)
class Summary:
    run: SolveRun
    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    funded: list[dict[str, Any]]
    unfunded: list[dict[str, Any]]
    binding: list[dict[str, Any]]
    budget_used: list[dict[str, Any]]
    reason: str


def _euros(cents: int) -> str:
    """Whole cents as euros in the reader's format: €1,200,000.50 or €1.200.000,50."""
    return euros(cents_to_decimal(cents))


def _label(run: SolveRun, quarter: int) -> str:
    return run.scenario.quarter_label(quarter)


def summary(run: SolveRun) -> Summary | None:
    plan = run.plan_json
    if not plan:
        return None
    candidates = {c["id"]: c for c in run.scenario_json.get("candidates", [])}
    details = run.candidates or {}
    names = {code: detail.get("name", "") for code, detail in details.items()}
    funded = []
    cost_per_year = [0] * len(run.scenario_json.get("budgetPerYear", []))
    for item in plan.get("funded", []):
        candidate = candidates.get(item["id"], {})
        duration = candidate.get("duration", 1)
        for offset, amount in enumerate(candidate.get("cost", [])):
            year = (item["start"] + offset) // 4
            if year < len(cost_per_year):
                cost_per_year[year] += to_cents(amount)
        funded.append(
            {
                "code": item["id"],
                "name": details.get(item["id"], {}).get("name", ""),
                "start": item["start"],
                "start_label": _label(run, item["start"]),
                "end_label": _label(run, item["start"] + duration - 1),
                "running": details.get(item["id"], {}).get("running", False),
                "mandatory": candidate.get("mandatory", False),
                "value": candidate.get("value", 0),
                "cost": _euros(sum(to_cents(a) for a in candidate.get("cost", []))),
            }
        )
    unfunded = [
        {
            "code": item["id"],
            "name": details.get(item["id"], {}).get("name", ""),
            "value": candidates.get(item["id"], {}).get("value", 0),
            "reasons": [reason_text(run.scenario, reason, names) for reason in item.get("reasons", [])],
        }
        for item in plan.get("unfunded", [])
    ]
    budgets = run.scenario_json.get("budgetPerYear", [])
    budget_used = [
        {
            "label": run.scenario.year_label(year),
            "used": _euros(cost_per_year[year]),
            "available": _euros(to_cents(amount)),
            "percent": round(100 * cost_per_year[year] / to_cents(amount)) if to_cents(amount) else None,
        }
        for year, amount in enumerate(budgets)
    ]
    return Summary(
        run=run,
        status=plan.get("status", ""),
        objective=plan.get("objective"),
        bound=plan.get("bound"),
        gap=plan.get("gap"),
        funded=funded,
        unfunded=unfunded,
        binding=[dict(limit, label=binding_text(run.scenario, limit)) for limit in plan.get("binding", [])],
        budget_used=budget_used,
        reason=plan.get("reason", ""),
    )


# --- the efficient frontier as inline SVG -------------------------------------------------------

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 80, 20, 20, 50


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        return [low]
    step = (high - low) / (count - 1)
    return [low + step * i for i in range(count)]


def _short_euros(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"€{value / 1_000_000:,.1f}M"
    if abs(value) >= 1_000:
        return f"€{value / 1_000:,.0f}k"
    return f"€{value:,.0f}"


def frontier_chart(run: SolveRun) -> dict[str, Any] | None:
    points = [p for p in run.frontier or [] if p.get("bound") is not None or p.get("objective") is not None]
    if len(points) < 2:
        return None
    budgets = [float(p["budget"]) for p in points]
    values = [float(v) for p in points for v in (p.get("bound"), p.get("objective")) if v is not None]
    x_low, x_high = min(budgets), max(budgets)
    y_high = max(values) * 1.05 or 1.0

    def x(budget: float) -> float:
        span = x_high - x_low or 1.0
        return round(LEFT + (budget - x_low) / span * (WIDTH - LEFT - RIGHT), 1)

    def y(value: float) -> float:
        return round(HEIGHT - BOTTOM - value / y_high * (HEIGHT - TOP - BOTTOM), 1)

    def line(key: str) -> str:
        return " ".join(f"{x(float(p['budget']))},{y(float(p[key]))}" for p in points if p.get(key) is not None)

    plan_points = [
        {"x": x(float(p["budget"])), "y": y(float(p["objective"])), "current": p["factor"] == 1.0}
        for p in points
        if p.get("objective") is not None
    ]
    rows = [
        {
            "percent": round(p["factor"] * 100),
            "budget": _euros(to_cents(p["budget"])),
            "bound": p.get("bound"),
            "objective": p.get("objective"),
            "funded": p.get("funded"),
            "status": p.get("status"),
        }
        for p in run.frontier
    ]
    best = max(points, key=lambda p: p.get("objective") or 0)
    description = _(
        "Value of the best plan and the LP bound at %(count)s budget levels, from %(low)s to %(high)s. "
        "The highest plan value, %(value).1f, is reached at %(budget)s."
    ) % {
        "count": len(points),
        "low": _euros(to_cents(points[0]["budget"])),
        "high": _euros(to_cents(points[-1]["budget"])),
        "value": best.get("objective") or 0,
        "budget": _euros(to_cents(best["budget"])),
    }
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "bound_line": line("bound"),
        "plan_line": line("objective"),
        "plan_points": plan_points,
        "x_ticks": [{"x": x(t), "label": _short_euros(t)} for t in _ticks(x_low, x_high)],
        "y_ticks": [{"y": y(t), "label": f"{t:,.0f}"} for t in _ticks(0.0, y_high)],
        "rows": rows,
        "description": description,
        "x_title": _("Total budget over the horizon"),
        "y_title": _("Value"),
        "x_title_at": (LEFT + WIDTH - RIGHT) // 2,
        "y_title_at": (TOP + HEIGHT - BOTTOM) // 2,
    }


def differences(summaries: list[Summary]) -> list[dict[str, Any]]:
    """Per initiative funded in some run but not all, or starting at different quarters: one row, a cell per run."""
    codes: dict[str, str] = {}
    starts: list[dict[str, str]] = []
    for s in summaries:
        starts.append({f["code"]: f["start_label"] for f in s.funded})
        for f in s.funded:
            codes[f["code"]] = f["name"]
    rows = []
    for code in sorted(codes):
        cells = [run_starts.get(code, "") for run_starts in starts]
        if len(set(cells)) > 1:
            rows.append({"code": code, "name": codes[code], "cells": cells})
    return rows
