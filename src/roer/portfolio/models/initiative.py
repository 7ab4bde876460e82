"""The initiative register: every IT initiative, its owner unit, sponsor, manager and phase."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import is_unrestricted, scope_filter
from roer.organisation.roles import Capability


class Phase(models.TextChoices):
    IDEA = "idea", _("Idea")
    INTAKE = "intake", _("Intake")
    APPROVED = "approved", _("Approved")
    EXECUTION = "execution", _("Execution")
    LIVE = "live", _("Live (adoption)")
    CLOSED = "closed", _("Closed")
    ON_HOLD = "on_hold", _("On hold")
    STOPPED = "stopped", _("Stopped")


# "On hold" is never counted as running (a lesson from municipal portfolio managers).
RUNNING_PHASES = (Phase.APPROVED, Phase.EXECUTION, Phase.LIVE)

code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{1,39}$",
    _("Use 2 to 40 capital letters, digits and hyphens, starting with a letter or digit."),
)


class ActivityType(models.TextChoices):
    """Kind of ICT activity, as the Rijks ICT-dashboard classifies it."""

    NEW = "new", _("New development")
    REPLACEMENT = "replacement", _("Replacement or renewal")
    MIGRATION = "migration", _("Migration")
    PROCUREMENT = "procurement", _("Procurement of a service")
    OTHER = "other", _("Other")


class Approach(models.TextChoices):
    AGILE = "agile", _("Agile")
    WATERFALL = "waterfall", _("Waterfall")
    HYBRID = "hybrid", _("Hybrid")


class InitiativeQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> InitiativeQuerySet:
        """Initiatives in the units the user can see, plus those they sponsor or manage."""
        if is_unrestricted(user):
            return self.all()
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            scope_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path") | Q(sponsor=user) | Q(manager=user)
        )


class Initiative(models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[code_validator],
        help_text=_("Stable identifier, never changed after registration. Leave empty to have one assigned."),
    )
    name = models.CharField(_("name"), max_length=200)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit", verbose_name=_("org unit"), on_delete=models.PROTECT, related_name="initiatives"
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sponsor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sponsored_initiatives",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="managed_initiatives",
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.IDEA, db_index=True)
    problem_statement = models.TextField(
        _("problem statement"), blank=True, help_text=_("What is this initiative the solution for?")
    )
    description = models.TextField(_("description"), blank=True)
    mandatory = models.BooleanField(
        _("mandatory by law"), default=False, help_text=_("Required by a law or regulation, whatever its goals.")
    )
    legal_basis = models.TextField(
        _("legal basis"), blank=True, help_text=_("The law or regulation that makes this initiative mandatory.")
    )
    activity_type = models.CharField(_("kind of ICT activity"), max_length=20, choices=ActivityType.choices, blank=True)
    approach = models.CharField(_("development approach"), max_length=20, choices=Approach.choices, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    service_domain = models.CharField(_("service domain"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    team_size = models.PositiveSmallIntegerField(_("team size"), null=True, blank=True)
    increment_months = models.PositiveSmallIntegerField(
        _("increment length (months)"),
        null=True,
        blank=True,
        help_text=_("Months between deliveries of working results."),
    )
    public = models.BooleanField(
        _("on the public overview"), default=False, help_text=_("Published versions appear on the public portal.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["code"]
        indexes = [models.Index(fields=["org_unit", "phase"]), models.Index(fields=["name"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:initiative-detail", args=[self.code])

    def audit_scope_path(self) -> str:
        return self.org_unit.path
