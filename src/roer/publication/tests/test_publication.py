"""Publication: who may publish, versions, and what the anonymous public sees."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.portfolio.models import Initiative, PublicationState
from roer.portfolio.services import Refused
from roer.publication import services

pytestmark = pytest.mark.django_db


def _public(world: World) -> Initiative:
    initiative = world.initiative
    initiative.public = True
    initiative.save()
    return initiative


def test_alice_prepares_and_publishes_and_it_is_audited(world: World) -> None:
    draft = services.prepare_draft(world.alice, _public(world))
    assert draft.state == PublicationState.DRAFT and draft.number == 1
    assert draft.snapshot["row"]["Naam"] == "Regie op gegevens"
    services.publish(world.alice, draft)
    assert list(services.live_versions()) == [draft]
    events = AuditEvent.objects.filter(object_repr__contains="v1")
    assert any("state" in event.changed_fields and event.after["state"] == "published" for event in events)


def test_bob_and_charlie_may_not_publish(world: World) -> None:
    initiative = _public(world)
    for person in (world.bob, world.charlie):
        with pytest.raises(Refused):
            services.prepare_draft(person, initiative)


def test_not_public_cannot_be_prepared(world: World) -> None:
    with pytest.raises(Refused):
        services.prepare_draft(world.alice, world.initiative)


def test_unpublished_change_is_invisible_to_anonymous_visitors(world: World, client: Client) -> None:
    initiative = _public(world)
    services.publish(world.alice, services.prepare_draft(world.alice, initiative))
    initiative.name = "Geheime nieuwe naam"
    initiative.save()  # a change to the live initiative, not yet published
    services.prepare_draft(world.alice, initiative)  # and a draft that carries it
    for url in (
        reverse("publication:portal-list"),
        reverse("publication:portal-detail", args=[initiative.code]),
        reverse("publication:open-data", args=["csv"]),
        reverse("publication:open-data", args=["json"]),
    ):
        body = client.get(url).content.decode("utf-8-sig")
        assert "Regie op gegevens" in body, url
        assert "Geheime nieuwe naam" not in body, url


def test_draft_only_is_not_on_the_portal(world: World, client: Client) -> None:
    services.prepare_draft(world.alice, _public(world))
    assert client.get(reverse("publication:portal-detail", args=[world.initiative.code])).status_code == 404
    assert json.loads(client.get(reverse("publication:open-data", args=["json"])).content)["projects"] == []


def test_withdrawal_takes_it_off_the_portal(world: World, client: Client) -> None:
    version = services.publish(world.alice, services.prepare_draft(world.alice, _public(world)))
    services.withdraw(world.alice, version)
    assert client.get(reverse("publication:portal-detail", args=[world.initiative.code])).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "json"])
def test_open_data_is_anonymous_in_every_format(world: World, client: Client, fmt: str) -> None:
    services.publish(world.alice, services.prepare_draft(world.alice, _public(world)))
    response = client.get(reverse("publication:open-data", args=[fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="projects.{fmt}"'


def test_staff_pages_alice_bob_charlie(world: World, client: Client) -> None:
    _public(world)
    detail = reverse("publication:staff-detail", args=[world.initiative.code])
    prepare = reverse("publication:staff-prepare", args=[world.initiative.code])
    client.force_login(world.charlie)
    assert client.get(detail).status_code == 404
    assert client.post(prepare).status_code == 404
    client.force_login(world.bob)
    assert client.get(detail).status_code == 200
    assert client.post(prepare).status_code == 403
    client.force_login(world.alice)
    assert client.get(reverse("publication:staff-list")).status_code == 200
    assert client.post(prepare).status_code == 302
    page = client.get(detail).content.decode()
    assert "Publish the draft" in page and "Regie op gegevens" in page
    publish = reverse("publication:staff-publish", args=[world.initiative.code])
    assert client.post(publish).status_code == 302
    assert services.live_versions().count() == 1


def test_portal_pages_need_no_login_and_refuse_changes(world: World, client: Client) -> None:
    services.publish(world.alice, services.prepare_draft(world.alice, _public(world)))
    for url in (reverse("publication:portal-list"), reverse("publication:portal-detail", args=["MINBZ-0001"])):
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 405
    filtered = client.get(reverse("publication:portal-list"), {"q": "nothing like it"}).content.decode()
    assert "Regie op gegevens" not in filtered
    small = client.get(reverse("publication:portal-list"), {"size": "kleiner dan € 5 mln"}).content.decode()
    assert "Regie op gegevens" in small
    large = client.get(reverse("publication:portal-list"), {"size": "€ 100 mln of meer"}).content.decode()
    assert "Regie op gegevens" not in large
