"""The audit CSV export: same permission and filters as the page, streamed."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from roer.audit.context import Source, acting
from roer.audit.exports import row


@pytest.fixture
def changed(world):
    with acting(actor=world.alice, source=Source.WEB):
        world.initiative.name = "Regie op eigen gegevens"
        world.initiative.save()
    with acting(actor=world.frank, source=Source.WEB):
        world.directorate.name = '=HYPERLINK("http://example.invalid")'
        world.directorate.save()
    with acting(actor=world.charlie, source=Source.WEB):
        world.other_org.name = "Gemeente Elders"
        world.other_org.save()
    return world


def _export(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("audit:event-export"), params)
    assert response.status_code == 200
    assert response.streaming, "the export must stream, not build the file in memory"
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="roer-audit-')
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_export_holds_the_filtered_events_with_before_and_after(client, changed):
    rows = _export(client, changed.audrey, action="update", actor="alice")
    assert rows[0][:4] == ["When (UTC)", "Who", "Channel", "Action"]
    assert len(rows) == 2
    when, who, channel, action, object_type, object_id, text, fields, before, after = rows[1]
    assert (who, channel, action, object_type) == ("alice", "web", "update", "portfolio.initiative")
    assert object_id == str(changed.initiative.pk)
    assert text == "MINBZ-0001 Regie op eigen gegevens"
    assert fields.split() == ["name", "updated_at"]
    assert json.loads(before)["name"] == "Regie op gegevens"
    assert json.loads(after)["name"] == "Regie op eigen gegevens"


def test_export_defuses_spreadsheet_formulas(client, changed):
    rows = _export(client, changed.audrey, actor="frank", object=str(changed.directorate.pk))
    texts = {line[6] for line in rows[1:]}
    assert texts == {'\'=HYPERLINK("http://example.invalid")'}


def test_export_keeps_to_the_auditors_scope(client, changed):
    rows = _export(client, changed.audrey)
    assert all("Gemeente Elders" not in line for line in rows)
    assert len(rows) > 5


@pytest.mark.parametrize("who", ["alice", "bob", "frank", "charlie"])
def test_export_is_refused_to_non_auditors(client, changed, who):
    client.force_login(getattr(changed, who))
    response = client.get(reverse("audit:event-export"))
    assert response.status_code == 403
    assert b"Regie" not in response.content


def test_export_with_an_unreadable_filter_is_refused_rather_than_exporting_everything(client, changed):
    client.force_login(changed.audrey)
    response = client.get(reverse("audit:event-export"), {"date_from": "yesterday"})
    assert response.status_code == 400


def test_export_reads_rows_in_chunks(client, changed, django_assert_max_num_queries):
    client.force_login(changed.audrey)
    client.get(reverse("audit:event-list"))  # warm sessions and content types
    with django_assert_max_num_queries(6):
        response = client.get(reverse("audit:event-export"))
        b"".join(response.streaming_content)


def test_row_formats_an_event():
    import datetime

    values = (
        datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "-frank",
        "admin",
        "delete",
        "organisation",
        "orgunit",
        "7",
        "@team",
        ["name"],
        {"name": "Team"},
        None,
    )
    assert row(values) == [
        "2025-01-02T03:04:05+00:00",
        "'-frank",
        "admin",
        "delete",
        "organisation.orgunit",
        "7",
        "'@team",
        "name",
        '{"name": "Team"}',
        "",
    ]
