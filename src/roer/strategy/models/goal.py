"""Goals in a tree per org unit: ambition → strategic goal → objective."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.strategy.querysets import GoalQuerySet


class GoalLevel(models.TextChoices):
    AMBITION = "ambition", _("Ambition")
    STRATEGIC_GOAL = "strategic_goal", _("Strategic goal")
    OBJECTIVE = "objective", _("Objective")


# A goal's parent sits exactly one level higher.
PARENT_LEVEL = {GoalLevel.STRATEGIC_GOAL: GoalLevel.AMBITION, GoalLevel.OBJECTIVE: GoalLevel.STRATEGIC_GOAL}


class Goal(models.Model):
    org_unit = models.ForeignKey(
        "organisation.OrgUnit", verbose_name=_("org unit"), on_delete=models.PROTECT, related_name="goals"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("serves"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    level = models.CharField(_("level"), max_length=20, choices=GoalLevel.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_goals",
    )
    horizon_start = models.DateField(_("horizon from"), null=True, blank=True)
    horizon_end = models.DateField(_("horizon until"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["org_unit__path", "level", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(horizon_end__isnull=True)
                | models.Q(horizon_start__isnull=True)
                | models.Q(horizon_end__gte=models.F("horizon_start")),
                name="goal_horizon_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:goal-detail", args=[self.pk])

    def audit_scope_path(self) -> str:
        return self.org_unit.path

    def clean(self) -> None:
        errors = {}
        if self.parent_id is None and self.level != GoalLevel.AMBITION:
            errors["parent"] = _("A strategic goal or objective serves a goal one level higher.")
        if self.parent is not None:
            if PARENT_LEVEL.get(GoalLevel(self.level)) != self.parent.level:
                errors["parent"] = _("The goal served must be exactly one level higher.")
            elif self.org_unit_id and not self.org_unit.path.startswith(self.parent.org_unit.path):
                errors["parent"] = _("The goal served must belong to this org unit or one above it.")
        if self.horizon_start and self.horizon_end and self.horizon_end < self.horizon_start:
            errors["horizon_end"] = _("The horizon cannot end before it starts.")
        if errors:
            raise ValidationError(errors)
