"""Versioned publication for the public portal: a draft is prepared, then published.

A version is a frozen snapshot of the public fields and derived figures; anonymous
visitors only ever see the latest *published* version of an initiative.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublicationVersion(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="publications"
    )
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(
        _("state"), max_length=20, choices=PublicationState.choices, default=PublicationState.DRAFT
    )
    reference_date = models.DateField(_("reference date"))
    snapshot = models.JSONField(_("published content"))
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("prepared by"), on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("publication version")
        verbose_name_plural = _("publication versions")
        ordering = ["initiative", "-number"]
        constraints = [models.UniqueConstraint(fields=["initiative", "number"], name="publication_number_unique")]
        indexes = [models.Index(fields=["state", "initiative"])]

    def __str__(self) -> str:
        return f"{self.initiative.code} v{self.number} ({self.get_state_display()})"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path
