"""Links between a scenario's initiatives that the optimiser must respect.

A dependency says one initiative must be finished before another starts; a group
says at most one of its members is funded (exclusive) or all or none (together).
Links belong to one scenario: a what-if variant gets its own copies. Members are
rows of their own (not a many-to-many field) so that adding and removing one is
audited like every other scenario edit.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ScenarioLink(models.Model):
    """A dependency: ``before`` must be finished before ``after`` starts."""

    scenario = models.ForeignKey(
        "planning.Scenario", verbose_name=_("scenario"), on_delete=models.CASCADE, related_name="links"
    )
    before = models.ForeignKey(
        "portfolio.Initiative",
        verbose_name=_("finished first"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    after = models.ForeignKey(
        "portfolio.Initiative",
        verbose_name=_("starts after"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        ordering = ["scenario", "after__code", "before__code"]
        constraints = [
            models.UniqueConstraint(fields=["scenario", "before", "after"], name="scenario_link_unique"),
            models.CheckConstraint(condition=~Q(before=F("after")), name="scenario_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.before.code} → {self.after.code}"

    def audit_scope_path(self) -> str:
        return self.scenario.org_unit.path


class GroupKind(models.TextChoices):
    EXCLUSIVE = "exclusive", _("At most one")
    TOGETHER = "together", _("All or none")


class ScenarioGroup(models.Model):
    """Initiatives funded at most one of them (exclusive) or all or none (together)."""

    scenario = models.ForeignKey(
        "planning.Scenario", verbose_name=_("scenario"), on_delete=models.CASCADE, related_name="groups"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=GroupKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["scenario", "kind", "pk"]

    def __str__(self) -> str:
        return self.name or f"{self.get_kind_display()} #{self.pk}"

    def audit_scope_path(self) -> str:
        return self.scenario.org_unit.path


class ScenarioGroupMember(models.Model):
    group = models.ForeignKey(ScenarioGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="members")
    initiative = models.ForeignKey(
        "portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group", "initiative__code"]
        constraints = [
            models.UniqueConstraint(fields=["group", "initiative"], name="scenario_group_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.initiative.code}"

    def audit_scope_path(self) -> str:
        return self.group.scenario.org_unit.path
