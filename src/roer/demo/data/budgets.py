"""Planned money of the demo initiatives past intake, in euros over the years 2024–2028.

``roer.demo.costs`` spreads each total over years and the Rijks ICT-dashboard categories
of its profile, and derives actuals for the years before the build year and forecasts
for running work. Seven initiatives are above €5 million, as large programmes are in a
real ministry; initiatives in the idea or intake phase have no budget yet.
"""

from __future__ import annotations

from decimal import Decimal

from roer.demo.data.specs import BudgetSpec as B


def _m(millions: str) -> Decimal:
    return Decimal(millions) * 1_000_000


# Profiles: "bouw" (software built to measure), "pakket" (a package or service bought),
# "infra" (hardware, hosting, networks), "beleid" (mostly own and hired staff).
BUDGETS: dict[str, B] = {
    "BDZ-0001": B(_m("7.4"), 2024, 2027, "bouw"),
    "BDZ-0002": B(_m("2.8"), 2026, 2028, "bouw"),
    "BDZ-0003": B(_m("4.6"), 2024, 2026, "pakket"),
    "BDZ-0004": B(_m("0.65"), 2024, 2025, "bouw"),
    "BDZ-0006": B(_m("9.8"), 2024, 2028, "bouw"),
    "BDZ-0007": B(_m("1.1"), 2024, 2026, "bouw"),
    "BDZ-0010": B(_m("0.9"), 2025, 2027, "bouw"),
    "BDZ-0011": B(_m("0.42"), 2024, 2025, "beleid"),
    "BDZ-0012": B(_m("3.9"), 2025, 2027, "pakket"),
    "BDZ-0013": B(_m("0.38"), 2024, 2026, "bouw"),
    "BDZ-0014": B(_m("1.6"), 2026, 2027, "bouw"),
    "BDZ-0015": B(_m("0.24"), 2024, 2025, "beleid"),
    "BDZ-0017": B(_m("12.6"), 2024, 2028, "bouw"),
    "BDZ-0020": B(_m("2.3"), 2024, 2024, "infra"),
    "BDZ-0021": B(_m("3.2"), 2024, 2027, "bouw"),
    "BDZ-0022": B(_m("0.85"), 2026, 2027, "bouw"),
    "BDZ-0024": B(_m("0.7"), 2024, 2026, "bouw"),
    "BDZ-0025": B(_m("1.9"), 2025, 2027, "beleid"),
    "BDZ-0026": B(_m("0.55"), 2025, 2026, "beleid"),
    "BDZ-0028": B(_m("2.1"), 2025, 2027, "pakket"),
    "BDZ-0029": B(_m("0.48"), 2026, 2027, "beleid"),
    "BDZ-0030": B(_m("0.31"), 2024, 2025, "bouw"),
    "BDZ-0031": B(_m("24.5"), 2024, 2028, "pakket"),
    "BDZ-0032": B(_m("1.3"), 2024, 2026, "pakket"),
    "BDZ-0033": B(_m("0.6"), 2025, 2026, "pakket"),
    "BDZ-0034": B(_m("14.2"), 2025, 2028, "infra"),
    "BDZ-0036": B(_m("0.9"), 2024, 2025, "infra"),
    "BDZ-0037": B(_m("18.9"), 2024, 2028, "infra"),
    "BDZ-0038": B(_m("5.6"), 2026, 2028, "infra"),
    "BDZ-0040": B(_m("0.8"), 2025, 2027, "pakket"),
    "BDZ-0041": B(_m("1.6"), 2025, 2027, "bouw"),
    "BDZ-0042": B(_m("3.4"), 2025, 2028, "infra"),
    "DIJKHAVEN-0001": B(_m("1.2"), 2025, 2027, "pakket"),
    "DIJKHAVEN-0002": B(_m("0.35"), 2024, 2026, "bouw"),
}
