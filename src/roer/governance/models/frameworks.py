"""Binding frameworks: versioned requirement statements, and per initiative: comply or explain.

A version is in force once an approving decision set it and its effective date has come;
a newer version in force replaces it. Each initiative in the framework's scope states
that it complies, or asks for an exemption with an explanation; an exemption needs its
own decision.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FrameworkQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: object) -> FrameworkQuerySet:
        from roer.governance.visibility import frameworks_filter

        return self.filter(frameworks_filter(user))


class Framework(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        verbose_name=_("scope"),
        on_delete=models.PROTECT,
        related_name="frameworks",
        help_text=_("The framework binds every initiative in this unit and the units below it."),
    )
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def audit_scope_path(self) -> str:
        return self.org_unit.path


class FrameworkVersion(models.Model):
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version number"))
    summary = models.TextField(_("what changed"), blank=True)
    effective_on = models.DateField(_("effective date"))
    decision = models.OneToOneField(
        "governance.Decision",
        verbose_name=_("set by decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="framework_version",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="framework_version_unique")]

    def __str__(self) -> str:
        return f"{self.framework} v{self.number}"

    def audit_scope_path(self) -> str:
        return self.framework.org_unit.path


class Requirement(models.Model):
    framework_version = models.ForeignKey(
        FrameworkVersion, verbose_name=_("framework version"), on_delete=models.CASCADE, related_name="requirements"
    )
    code = models.CharField(_("code"), max_length=20)
    statement = models.TextField(_("requirement"))

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["framework_version", "code"]
        constraints = [models.UniqueConstraint(fields=["framework_version", "code"], name="requirement_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.statement[:60]}"

    def audit_scope_path(self) -> str:
        return self.framework_version.framework.org_unit.path


class ComplianceState(models.TextChoices):
    COMPLIES = "complies", _("Complies")
    EXEMPTION_REQUESTED = "exemption_requested", _("Exemption requested")
    EXEMPTION_GRANTED = "exemption_granted", _("Exemption granted")
    EXEMPTION_REFUSED = "exemption_refused", _("Exemption refused: must comply")


class ComplianceStatement(models.Model):
    initiative = models.ForeignKey(
        "portfolio.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="compliance_statements",
    )
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="statements"
    )
    framework_version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("stated against version"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    state = models.CharField(_("statement"), max_length=30, choices=ComplianceState.choices)
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Required with an exemption request: why, and until when.")
    )
    exemption_until = models.DateField(_("exemption until"), null=True, blank=True)
    decision = models.ForeignKey(
        "governance.Decision",
        verbose_name=_("decision on the exemption"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    stated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("stated by"), on_delete=models.PROTECT, related_name="+"
    )
    stated_at = models.DateTimeField(_("stated"))
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("compliance statement")
        verbose_name_plural = _("compliance statements")
        ordering = ["framework", "initiative__code"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "framework"], name="compliance_once_per_framework")
        ]

    def __str__(self) -> str:
        return f"{self.initiative.code} · {self.framework}: {self.get_state_display()}"

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path
