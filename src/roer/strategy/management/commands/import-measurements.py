"""``roer import-measurements FILE --as USERNAME``: import KPI measurements from CSV or xlsx, all or nothing.

Runs with the rights of USERNAME, who must be allowed to record measurements for every
KPI in the file; each stored row is audited as an import by that person. When any row
is wrong, every problem is printed (row, column, message), nothing is stored and the
exit status is 1.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roer.core.management.base import RoerCommand
from roer.strategy.imports import ImportFailed, import_measurements


class Command(RoerCommand):
    help = (
        "Import KPI measurements from a CSV or xlsx file (columns kpi, date, value, source, note) "
        "as USERNAME; nothing is stored unless every row is valid."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV or xlsx file.")
        parser.add_argument(
            "--as", dest="username", required=True, metavar="USERNAME", help="The person who records them."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite stored measurements of the same KPI and date instead of refusing the file.",
        )

    def handle(self, *args: Any, file: Path, username: str, replace: bool, **options: Any) -> None:
        person = get_user_model().objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(_("There is no active person with user name %(username)s.") % {"username": username})
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}) from None
        try:
            result = import_measurements(person, data, file.name, replace=replace)
        except ImportFailed as failed:
            for problem in failed.problems:
                self.stderr.write(str(problem))
            count = len(failed.problems)
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)d problem in %(file)s.",
                    "Nothing was imported: %(count)d problems in %(file)s.",
                    count,
                )
                % {"count": count, "file": file}
            ) from None
        message = _(
            "Imported %(created)d new and %(replaced)d replaced measurement(s) for %(kpis)d KPI(s) from %(file)s."
        ) % {"created": result.created, "replaced": result.replaced, "kpis": result.kpis, "file": file}
        if result.unchanged:
            message += " " + _("%(count)d row(s) matched the stored values already.") % {"count": result.unchanged}
        self.stdout.write(message)
