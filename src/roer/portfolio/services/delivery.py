"""What an initiative delivers and who looks at it: adding, changing and removing the entries of its
lists (milestones, quality reviews, societal benefits, development parties, parliamentary or
council documents). One transaction each, permission ``portfolio.change_initiative`` on the
initiative; the audit signals record every change with its values before and after.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from roer.portfolio.models import (
    DevelopmentParty,
    Initiative,
    Milestone,
    ParliamentaryDocument,
    QualityReview,
    SocietalBenefit,
)
from roer.portfolio.services.stale import refuse_if_changed


@dataclass(frozen=True)
class DeliveryList:
    """One list of the initiative file: its address in URLs, model and the fields a person fills in."""

    slug: str
    model: type[models.Model]
    fields: tuple[str, ...]
    title: Any


LISTS: dict[str, DeliveryList] = {
    item.slug: item
    for item in (
        DeliveryList(
            "milestones",
            Milestone,
            ("description", "expected_on", "realised_on", "achieved", "met_requirements", "plan_version"),
            gettext_lazy("Milestones"),
        ),
        DeliveryList(
            "quality-reviews", QualityReview, ("held_on", "party", "kind", "outcome"), gettext_lazy("Quality reviews")
        ),
        DeliveryList(
            "societal-benefits",
            SocietalBenefit,
            ("explanation", "one_off_amount", "yearly_amount"),
            gettext_lazy("Societal benefits"),
        ),
        DeliveryList("development-parties", DevelopmentParty, ("party", "role"), gettext_lazy("Development parties")),
        DeliveryList(
            "documents",
            ParliamentaryDocument,
            ("title", "number", "link", "letter_date", "independent_advice"),
            gettext_lazy("Parliamentary and council documents"),
        ),
    )
}


def _require(user: Any, initiative: Initiative) -> None:
    if not user.has_perm("portfolio.change_initiative", initiative):
        raise PermissionDenied(_("You may not change %(code)s.") % {"code": initiative.code})


def _rules(entry: models.Model, today: datetime.date) -> dict[str, str]:
    """Checks beyond the fields' own: dates that cannot be, and answers that contradict each other."""
    errors: dict[str, str] = {}
    if isinstance(entry, Milestone):
        if entry.realised_on and entry.realised_on > today:
            errors["realised_on"] = _("A milestone cannot be realised in the future.")
        if entry.achieved and not entry.realised_on:
            errors["realised_on"] = _("An achieved milestone needs the date it was realised.")
        if entry.met_requirements is not None and not entry.realised_on:
            errors["met_requirements"] = _("Whether it met the requirements is known once the milestone is realised.")
    elif isinstance(entry, QualityReview) and entry.held_on and entry.held_on > today:
        errors["held_on"] = _("Record a quality review once it has been held.")
    elif isinstance(entry, SocietalBenefit):
        for name in ("one_off_amount", "yearly_amount"):
            value = getattr(entry, name)
            if value is not None and value < 0:
                errors[name] = _("An amount cannot be negative.")
    elif isinstance(entry, ParliamentaryDocument) and entry.letter_date and entry.letter_date > today:
        errors["letter_date"] = _("A letter date cannot be in the future.")
    return errors


def _check(entry: models.Model) -> None:
    errors: dict[str, list[str]] = {}
    try:
        entry.full_clean(exclude=["initiative"])
    except ValidationError as error:
        errors = {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}
    for name, message in _rules(entry, timezone.localdate()).items():
        errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


def _apply(entry: models.Model, kind: DeliveryList, values: dict[str, Any]) -> None:
    for name in kind.fields:
        if name in values:
            setattr(entry, name, values[name])


def add_entry(user: Any, initiative: Initiative, slug: str, values: dict[str, Any]) -> models.Model:
    kind = LISTS[slug]
    _require(user, initiative)
    entry = kind.model(initiative=initiative)
    _apply(entry, kind, values)
    with transaction.atomic():
        _check(entry)
        entry.save()
    return entry


def _locked(kind: DeliveryList, entry: models.Model) -> Any:
    return kind.model._default_manager.select_for_update().select_related("initiative__org_unit").get(pk=entry.pk)


def update_entry(
    user: Any, slug: str, entry: models.Model, values: dict[str, Any], expected: str | None = None
) -> models.Model:
    """Change an entry; it stays with its initiative.

    ``expected`` is the fingerprint (``stale.fingerprint`` of the list's fields) of the
    values the change is based on; when the stored entry differs, ``ChangedMeanwhile``.
    """
    kind = LISTS[slug]
    with transaction.atomic():
        stored = _locked(kind, entry)
        _require(user, stored.initiative)
        refuse_if_changed(stored, kind.fields, expected)
        _apply(stored, kind, values)
        _check(stored)
        stored.save()
    return stored  # type: ignore[no-any-return]


def delete_entry(user: Any, slug: str, entry: models.Model, expected: str | None = None) -> None:
    kind = LISTS[slug]
    with transaction.atomic():
        stored = _locked(kind, entry)
        _require(user, stored.initiative)
        refuse_if_changed(stored, kind.fields, expected)
        stored.delete()


@dataclass(frozen=True)
class MilestoneFigures:
    total: int
    achieved: int
    late: int  # expected date passed, not realised


def milestone_figures(initiative: Initiative, today: datetime.date | None = None) -> MilestoneFigures:
    """Counted by the database: all milestones, achieved ones, and late ones."""
    today = today or timezone.localdate()
    figures = Milestone.objects.filter(initiative=initiative).aggregate(
        total=models.Count("pk"),
        achieved=models.Count("pk", filter=models.Q(achieved=True)),
        late=models.Count("pk", filter=models.Q(expected_on__lt=today, realised_on__isnull=True)),
    )
    return MilestoneFigures(figures["total"], figures["achieved"], figures["late"])


def is_late(milestone: Milestone, today: datetime.date | None = None) -> bool:
    return milestone.realised_on is None and milestone.expected_on < (today or timezone.localdate())
