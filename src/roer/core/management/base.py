"""The base of Roer's own commands: audit events name the command, failures read as messages.

Every change a command makes is recorded with the channel "command line" and the
label ``command:<name>``, so the audit trail tells a person's edit from a bulk load.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from roer.audit.context import Source, acting


class RoerCommand(BaseCommand):
    """A management command that runs inside an audit context and never ends in a stack trace."""

    #: Refuse to run (with advice) while migrations are outstanding.
    requires_migrated_database = True

    @property
    def command_name(self) -> str:
        return self.__module__.rsplit(".", 1)[-1].replace("_", "-")

    def execute(self, *args: Any, **options: Any) -> str | None:
        if self.requires_migrated_database:
            require_migrated_database(options.get("database") or DEFAULT_DB_ALIAS)
        with acting(actor=None, source=Source.COMMAND, label=f"command:{self.command_name}"):
            try:
                return super().execute(*args, **options)
            except DatabaseError as exc:
                # A database that is down or locked is an operational problem, not a bug: say so plainly.
                raise CommandError(f"The database refused the work: {exc}") from exc
            except KeyboardInterrupt:
                raise CommandError("Interrupted.", returncode=130) from None


def require_migrated_database(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Raise ``CommandError`` when the database cannot be reached or lacks migrations."""
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise CommandError(f"Cannot reach the database ({exc}). Check DATABASE_URL.") from exc
    if plan:
        raise CommandError(f"The database lacks {len(plan)} migration(s). Run `roer migrate` first.")
