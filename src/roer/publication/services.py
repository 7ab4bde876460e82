"""Publication: prepare a draft, publish it, withdraw it. One transaction each, audited.

Anonymous visitors see the latest version that left the draft state, and only while it
is published: a withdrawal takes the initiative off the portal until a new version is
published. Changes to the live initiative stay invisible until someone publishes them.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.portfolio.models import Initiative, PublicationState, PublicationVersion
from roer.portfolio.services import Refused
from roer.publication.rules import may_publish
from roer.publication.snapshot import build_snapshot


def _check(user: Any, initiative: Initiative) -> None:
    if not may_publish(user, initiative):
        raise Refused("__all__", _("Only a CIO or portfolio manager of this unit may publish."))


@transaction.atomic
def prepare_draft(user: Any, initiative: Initiative, reference: datetime.date | None = None) -> PublicationVersion:
    """A draft with the initiative as it is now; an open draft is refreshed instead of duplicated."""
    _check(user, initiative)
    if not initiative.public:
        raise Refused("public", _("Mark the initiative for the public overview before preparing a publication."))
    reference = reference or timezone.localdate()
    snapshot = build_snapshot(initiative, reference)
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()  # one draft at a time
    draft = initiative.publications.filter(state=PublicationState.DRAFT).first()
    if draft is None:
        number = (initiative.publications.aggregate(n=Max("number"))["n"] or 0) + 1
        draft = PublicationVersion(initiative=initiative, number=number)
    draft.snapshot, draft.reference_date, draft.prepared_by = snapshot, reference, user
    draft.save()
    return draft


@transaction.atomic
def publish(user: Any, version: PublicationVersion) -> PublicationVersion:
    _check(user, version.initiative)
    if version.state != PublicationState.DRAFT:
        raise Refused("state", _("Only a draft can be published."))
    version.state, version.published_at, version.published_by = PublicationState.PUBLISHED, timezone.now(), user
    version.save()
    return version


@transaction.atomic
def withdraw(user: Any, version: PublicationVersion) -> PublicationVersion:
    _check(user, version.initiative)
    if version.state != PublicationState.PUBLISHED:
        raise Refused("state", _("Only a published version can be withdrawn."))
    version.state = PublicationState.WITHDRAWN
    version.save()
    return version


def live_versions() -> QuerySet[PublicationVersion]:
    """The version the public sees per initiative: the newest non-draft one, if it is published."""
    newest = (
        PublicationVersion.objects.filter(initiative=OuterRef("initiative"))
        .exclude(state=PublicationState.DRAFT)
        .order_by("-number")
        .values("number")[:1]
    )
    return PublicationVersion.objects.filter(state=PublicationState.PUBLISHED, number=Subquery(newest))
