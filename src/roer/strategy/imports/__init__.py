"""Imports into the goal–effort network: KPI measurements from CSV and xlsx, all or nothing."""

from roer.strategy.imports.measurements import ImportResult, import_measurements
from roer.strategy.imports.problems import ImportFailed, Problem

__all__ = ["ImportFailed", "ImportResult", "Problem", "import_measurements"]
