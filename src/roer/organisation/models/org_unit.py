"""The org-unit tree, stored with a materialised path so that "this unit and
everything below it" is one indexed prefix query at any depth."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.audit.signals import CREATING
from roer.organisation.querysets import OrgUnitQuerySet


class OrgUnitKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    DEPARTMENT = "department", _("Department")
    DIRECTORATE = "directorate", _("Directorate")
    SHARED_SERVICE = "shared_service", _("Shared service organisation")


class OrgUnit(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Short, stable code, e.g. MinBZ-DGDO."))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=500, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            old_path = self.path
            if not self.pk:
                # The path holds the new id: insert first, then record one creation with the full path.
                setattr(self, CREATING, True)
                super().save(*args, **kwargs)
                kwargs = {}
            if self.parent and f"/{self.pk}/" in self.parent.path:
                raise ValueError("An org unit cannot be placed below itself.")
            new_path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
            self.path = new_path
            super().save(*args, **kwargs)
            setattr(self, CREATING, False)
            if old_path and old_path != new_path:
                self._move_descendants(old_path, new_path)

    def get_absolute_url(self) -> str:
        return reverse("organisation:unit-detail", args=[self.pk])

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def audit_scope_path(self) -> str:
        return self.path

    def _move_descendants(self, old_path: str, new_path: str) -> None:
        # Saved one by one on purpose: each move is an audited change.
        for unit in OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).order_by("path"):
            unit.path = new_path + unit.path[len(old_path) :]
            super(OrgUnit, unit).save(update_fields=["path"])

    def ancestors(self) -> OrgUnitQuerySet:
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        return OrgUnit.objects.filter(pk__in=ids).order_by("path")

    def subtree(self) -> OrgUnitQuerySet:
        return OrgUnit.objects.filter(path__startswith=self.path)

    def root(self) -> OrgUnit:
        root_id = int(self.path.strip("/").split("/")[0])
        return self if root_id == self.pk else OrgUnit.objects.get(pk=root_id)
