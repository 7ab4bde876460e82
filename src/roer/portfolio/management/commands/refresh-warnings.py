"""``roer refresh-warnings``: recompute the early warnings of every initiative.

Warnings follow every change through signals; this command catches up after bulk loads
(which skip signals), a new day (the status-report rule depends on the date) or a
change of the rules themselves. Warnings are derived data and are not audited.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.db import transaction
from tqdm import tqdm

from roer.core.management.base import RoerCommand
from roer.portfolio.models import EarlyWarning, Initiative
from roer.portfolio.services.warnings import refresh_warnings

BATCH = 500


class Command(RoerCommand):
    help = "Recompute the early warnings of every initiative (or of the given codes)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("codes", nargs="*", metavar="CODE", help="Only these initiatives.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args: Any, codes: list[str], no_progress: bool, **options: Any) -> None:
        queryset = Initiative.objects.select_related("org_unit").order_by("pk")
        if codes:
            queryset = queryset.filter(code__in=codes)
        total = queryset.count()
        ids = list(queryset.values_list("pk", flat=True))
        with tqdm(total=total, unit=" initiatives", disable=no_progress or not total) as bar:
            # One transaction per batch: far fewer commits (and disk syncs) than one per initiative.
            for first in range(0, len(ids), BATCH):
                with transaction.atomic():
                    for initiative in Initiative.objects.select_related("org_unit").filter(
                        pk__in=ids[first : first + BATCH]
                    ):
                        refresh_warnings(initiative)
                        bar.update(1)
        count = EarlyWarning.objects.filter(initiative__in=queryset).count()
        self.stdout.write(f"Refreshed the early warnings of {total} initiative(s): {count} warning(s) now.")
