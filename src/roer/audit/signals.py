"""Signal handlers that turn ORM saves and deletes into audit events."""

from __future__ import annotations

from typing import Any

from django.db import models

from roer.audit.context import current
from roer.audit.registry import secret_values, snapshot

_BEFORE = "_roer_audit_before"
_BEFORE_SECRETS = "_roer_audit_before_secrets"
# A model whose creation takes two writes (insert, then a value that needs the new id)
# sets this during the first write, so that the pair is recorded as one creation.
CREATING = "_roer_audit_creating"


def remember_before(sender: type[models.Model], instance: models.Model, raw: bool = False, **_: Any) -> None:
    if raw or instance.pk is None or instance._state.adding or getattr(instance, CREATING, False):
        setattr(instance, _BEFORE, None)
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE, snapshot(stored) if stored else None)
    setattr(instance, _BEFORE_SECRETS, secret_values(stored) if stored else {})


def record_save(sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **_: Any) -> None:
    if raw or (created and getattr(instance, CREATING, False)):
        return
    before = None if created else getattr(instance, _BEFORE, None)
    after = snapshot(instance)
    secrets_before = getattr(instance, _BEFORE_SECRETS, {})
    changed_secrets = {
        k for k, v in secret_values(instance).items() if before is not None and secrets_before.get(k) != v
    }
    _write(instance, "create" if created or before is None else "update", before, after, changed_secrets)


def record_delete(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    _write(instance, "delete", snapshot(instance), None)


def _write(
    instance: models.Model,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    changed_secrets: set[str] | None = None,
) -> None:
    from django.contrib.contenttypes.models import ContentType

    from roer.audit.models import AuditEvent

    changed = sorted(
        {key for key in set(before or {}) | set(after or {}) if (before or {}).get(key) != (after or {}).get(key)}
        | (changed_secrets or set())
    )
    if action == "update" and not changed:
        return
    context = current()
    actor = context.actor if getattr(context.actor, "is_authenticated", False) else None
    scope = getattr(instance, "audit_scope_path", None)
    AuditEvent.objects.create(
        actor=actor,
        actor_label=context.actor_label,
        source=context.source,
        request_id=context.request_id,
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        scope_path=(scope() if callable(scope) else "") or "",
        before=before,
        after=after,
        changed_fields=changed,
    )
