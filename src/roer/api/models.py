"""API tokens: only a SHA-256 hash of each token is stored, so a leaked database gives no access."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Recognisable in logs and by secret scanners; the random part carries 256 bits.
TOKEN_MARKER = "roer_"  # noqa: S105  (a public marker, not a secret)
PREFIX_LENGTH = len(TOKEN_MARKER) + 6


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)

    def issue(self, user: Any) -> tuple[ApiToken, str]:
        """Create a token for ``user``; returns the record and the token, which is never stored."""
        token = TOKEN_MARKER + secrets.token_urlsafe(32)
        record = self.create(user=user, prefix=token[:PREFIX_LENGTH], key_hash=hash_token(token))
        return record, token

    def find(self, token: str) -> ApiToken | None:
        """The active token with this value, with its user."""
        return self.active().select_related("user").filter(key_hash=hash_token(token)).first()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, help_text=_("First characters, to recognise it."))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def audit_scope_path(self) -> str:
        return str(self.user.audit_scope_path())

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self, every_seconds: int = 60) -> None:
        """Record use, at most once a minute: reads should not each cost a write."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() >= every_seconds:
            self.last_used_at = now
            # A queryset update on purpose: last use is not an audited change.
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
