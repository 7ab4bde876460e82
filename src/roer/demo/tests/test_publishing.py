"""The demo publishes its large running initiatives, so the public portal shows them."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from roer.portfolio.models import PublicationState, PublicationVersion
from roer.publication.services import live_versions

pytestmark = pytest.mark.django_db


def test_demo_portal_shows_published_versions_only() -> None:
    call_command("demo", stdout=None)
    live = list(live_versions().select_related("initiative"))
    assert len(live) >= 5
    assert all(version.state == PublicationState.PUBLISHED for version in live)
    assert PublicationVersion.objects.filter(state=PublicationState.DRAFT).count() == 1
    body = Client().get("/public/").content.decode()
    assert all(version.initiative.code in body for version in live)
    count = PublicationVersion.objects.count()
    call_command("demo", stdout=None)
    assert PublicationVersion.objects.count() == count  # a second run publishes nothing new
