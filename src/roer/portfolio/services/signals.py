"""Early warnings are evaluated on every change; baselines cannot be changed once saved.

After a save or delete of anything the rules read, the affected initiative is marked;
when the transaction commits, each marked initiative is refreshed once, however many
rows the request changed. Outside a transaction the refresh runs at once.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext as _

from roer.portfolio import models as m

_pending = threading.local()
logger = logging.getLogger(__name__)


class BaselineImmutable(Exception):
    """Baselines are never changed: record a re-baseline instead."""


def _flush() -> None:
    ids: set[int] = getattr(_pending, "ids", set())
    _pending.ids = set()
    if not ids:
        return
    from roer.portfolio.services.warnings import refresh_ids

    try:
        refresh_ids(ids)
    except Exception:  # the change itself is committed; `roer refresh-warnings` catches up
        logger.exception("Early warnings of initiatives %s could not be refreshed", sorted(ids))


def mark(ids: set[int]) -> None:
    """Refresh these initiatives when the current transaction commits.

    Every mark schedules a flush, but the first flush takes all marked ids and the rest
    find nothing to do: each initiative is refreshed once per commit. Ids marked in a
    transaction that rolled back are refreshed with the next commit, which is harmless.
    """
    waiting: set[int] = getattr(_pending, "ids", set())
    waiting.update(ids)
    _pending.ids = waiting
    transaction.on_commit(_flush)


def _initiative_ids(instance: models.Model) -> set[int]:
    if isinstance(instance, m.Initiative):
        return {instance.pk}
    if isinstance(instance, m.PortfolioPolicy):
        path = f"/{instance.organisation_id}/"
        return set(m.Initiative.objects.filter(org_unit__path__startswith=path).values_list("pk", flat=True))
    if isinstance(instance, m.BaselineCost):
        return {m.Baseline.objects.filter(pk=instance.baseline_id).values_list("initiative_id", flat=True).first() or 0}
    if isinstance(instance, m.LeverScore):
        return set()
    return {getattr(instance, "initiative_id", 0)}


def changed(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    ids = _initiative_ids(instance) - {0}
    if ids:
        mark(ids)


def refuse_baseline_change(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    if raw or instance._state.adding:
        return
    raise BaselineImmutable(_("A baseline is never changed: record a re-baseline instead."))


WATCHED = (
    m.Initiative,
    m.CostLine,
    m.Baseline,
    m.BaselineCost,
    m.StatusReport,
    m.GateReview,
    m.CioOpinion,
    m.PortfolioPolicy,
)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(changed, sender=model, dispatch_uid=f"roer-warnings-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"roer-warnings-delete-{model.__name__}")
    for model in (m.Baseline, m.BaselineCost):
        pre_save.connect(refuse_baseline_change, sender=model, dispatch_uid=f"roer-immutable-{model.__name__}")
