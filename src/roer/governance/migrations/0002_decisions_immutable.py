"""Decisions and their recorded dissent refuse any UPDATE in the database itself.

SQLite refuses updates only: Django's test flush deletes rows with DELETE there. PostgreSQL
refuses updates and deletes (its flush truncates, which row triggers do not see).
"""

from django.db import migrations

TABLES = ("governance_decision", "governance_dissent")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'decisions are immutable: take a new decision that supersedes it'); END;"
            )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION roer_refuse_decision_change() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'decisions are immutable: take a new decision that supersedes it'; END; "
            "$$ LANGUAGE plpgsql;"
        )
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION roer_refuse_decision_change();"
            )


def drop(apps, schema_editor):
    for table in TABLES:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table};")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable;")


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
