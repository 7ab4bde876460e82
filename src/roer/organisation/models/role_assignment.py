"""A role that a person holds in an org unit (and every unit below it) for a period."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.organisation.querysets import RoleAssignmentQuerySet
from roer.organisation.roles import Role


class RoleAssignment(models.Model):
    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit", verbose_name=_("org unit"), on_delete=models.PROTECT, related_name="role_assignments"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: no end date."))

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["org_unit__path", "role", "person__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=models.F("valid_from")),
                name="role_assignment_period_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.org_unit}"

    def get_absolute_url(self) -> str:
        return reverse("organisation:person-detail", args=[self.person_id])

    def audit_scope_path(self) -> str:
        return self.org_unit.path

    def clean(self) -> None:
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date cannot be before the start date.")})
