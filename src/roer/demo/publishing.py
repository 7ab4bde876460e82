"""Publish the demo's large initiatives, so the public portal and the open data show something.

Like the Rijks ICT-dashboard: initiatives with an ICT component of €5 million or more
that are running or finished. One of them gets a newer draft that is not published yet,
to show that the public only ever sees published versions. Idempotent.
"""

from __future__ import annotations

import datetime

from django.db.models import Sum

from roer.demo.report import BuildReport
from roer.organisation.models import Person
from roer.portfolio.models import CostKind, Initiative, Phase
from roer.portfolio.services import update_initiative
from roer.publication.services import prepare_draft, publish

PUBLIC_FROM = 5_000_000
PUBLIC_PHASES = (Phase.EXECUTION, Phase.LIVE, Phase.CLOSED)
PUBLISHER = "thomas"  # the ministry's portfolio manager


def publish_demo(today: datetime.date, report: BuildReport) -> None:
    publisher = Person.objects.get(username=PUBLISHER)
    large = (
        Initiative.objects.filter(phase__in=PUBLIC_PHASES, org_unit__path__startswith=publisher.home_unit.path)
        .filter(cost_lines__kind=CostKind.PLAN)
        .annotate(planned=Sum("cost_lines__amount"))
        .filter(planned__gte=PUBLIC_FROM)
        .order_by("code")
    )
    for number, initiative in enumerate(large):
        if initiative.publications.exists():
            report.note("publications", False)
            continue
        if not initiative.public:
            initiative = update_initiative(publisher, initiative, {"public": True}, initiative.version)
        version = prepare_draft(publisher, initiative, today)
        publish(publisher, version)
        if number == 0:
            prepare_draft(publisher, initiative, today)  # a newer draft the public must not see
        report.note("publications", True)
