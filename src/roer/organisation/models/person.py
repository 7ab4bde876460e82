"""The custom user model: a person who works in an org unit and holds roles."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.organisation.querysets import PersonManager


class Person(AbstractUser):
    home_unit = models.ForeignKey(
        "organisation.OrgUnit",
        verbose_name=_("works in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, blank=True, choices=[("nl", "Nederlands"), ("en", "English")]
    )

    objects: ClassVar[PersonManager] = PersonManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("organisation:person-detail", args=[self.pk])

    def audit_scope_path(self) -> str:
        return self.home_unit.path if self.home_unit else ""
