"""What an initiative delivers and who looks at it: milestones, quality reviews, societal
benefits, development parties and parliamentary or council documents (the Rijks ICT-dashboard lists)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class _PartOfInitiative(models.Model):
    initiative = models.ForeignKey("portfolio.Initiative", verbose_name=_("initiative"), on_delete=models.CASCADE)

    class Meta:
        abstract = True

    def audit_scope_path(self) -> str:
        return self.initiative.org_unit.path


class Milestone(_PartOfInitiative):
    description = models.CharField(_("description"), max_length=300)
    expected_on = models.DateField(_("expected date"))
    realised_on = models.DateField(_("realised date"), null=True, blank=True)
    achieved = models.BooleanField(_("achieved"), default=False)
    met_requirements = models.BooleanField(_("met the requirements"), null=True, blank=True)
    plan_version = models.CharField(_("project plan version"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["initiative", "expected_on"]
        default_related_name = "milestones"

    def __str__(self) -> str:
        return self.description


class ReviewKind(models.TextChoices):
    GATEWAY = "gateway", _("Gateway review")
    AUDIT = "audit", _("Audit")
    ACICT = "acict", _("Advisory board for ICT assessment (AcICT)")
    OTHER = "other", _("Other")


class QualityReview(_PartOfInitiative):
    held_on = models.DateField(_("date"))
    party = models.CharField(_("reviewing party"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ReviewKind.choices)
    outcome = models.TextField(_("description and outcome"), blank=True)

    class Meta:
        verbose_name = _("quality review")
        verbose_name_plural = _("quality reviews")
        ordering = ["initiative", "held_on"]
        default_related_name = "quality_reviews"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class SocietalBenefit(_PartOfInitiative):
    explanation = models.TextField(_("explanation"))
    one_off_amount = models.DecimalField(
        _("quantified, one-off (euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    yearly_amount = models.DecimalField(
        _("quantified, per year (euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("societal benefit")
        verbose_name_plural = _("societal benefits")
        ordering = ["initiative", "pk"]
        default_related_name = "societal_benefits"

    def __str__(self) -> str:
        return self.explanation[:80]


class DevelopmentParty(_PartOfInitiative):
    party = models.CharField(_("party"), max_length=200)
    role = models.CharField(_("role"), max_length=200)

    class Meta:
        verbose_name = _("development party")
        verbose_name_plural = _("development parties")
        ordering = ["initiative", "party"]
        default_related_name = "development_parties"

    def __str__(self) -> str:
        return f"{self.party} ({self.role})"


class ParliamentaryDocument(_PartOfInitiative):
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("number"), max_length=50, blank=True)
    link = models.URLField(_("link"), blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    independent_advice = models.BooleanField(
        _("independent advice given"), default=False, help_text=_("For example by the AcICT.")
    )

    class Meta:
        verbose_name = _("parliamentary or council document")
        verbose_name_plural = _("parliamentary or council documents")
        ordering = ["initiative", "letter_date"]
        default_related_name = "documents"

    def __str__(self) -> str:
        return self.title
