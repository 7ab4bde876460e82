"""One stored audit event per create, update or delete of an audited object."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from roer.audit.context import Source
from roer.organisation.access import has_capability, is_unrestricted, scope_filter
from roer.organisation.roles import Capability


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class AuditEventQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> AuditEventQuerySet:
        """Events about objects in units where the user is an auditor, and installation-wide ones
        (scope ``/``, such as the decision-rights matrix) for every auditor."""
        if is_unrestricted(user):
            return self.all()
        inside = scope_filter(user, Capability.VIEW_AUDIT, "scope_path")
        if has_capability(user, Capability.VIEW_AUDIT):
            inside |= Q(scope_path="/")
        return self.filter(inside)

    def for_object(self, obj: models.Model) -> AuditEventQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk))


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # Kept as text too, so the record stays readable after the person is removed.
    actor_label = models.CharField(_("who"), max_length=150)
    source = models.CharField(_("channel"), max_length=10, choices=Source.choices)
    request_id = models.CharField(_("request"), max_length=32, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("object type"), on_delete=models.PROTECT)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    scope_path = models.CharField(max_length=500, db_index=True, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    changed_fields = models.JSONField(_("changed fields"), default=list)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-occurred_at"])]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each changed field, for display."""
        before, after = self.before or {}, self.after or {}
        return [(name, before.get(name), after.get(name)) for name in self.changed_fields]
