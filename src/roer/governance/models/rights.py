"""Decision types and the decision-rights matrix (RACI per decision type and role).

The matrix is enforced, not decorative: only an accountable role may decide, the
consulted roles are asked for formal advice, the informed roles are notified of the
decision, and proposing needs a responsible or accountable role.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from roer.organisation.roles import Role

# The matrix binds the whole installation: its changes are shown to every auditor.
INSTALLATION_WIDE = "/"


class DecisionType(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    advice_days = models.PositiveSmallIntegerField(
        _("days for advice"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text=_("The advisers' deadline, counted from submission."),
    )
    vote_days = models.PositiveSmallIntegerField(
        _("days for the vote"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text=_("The council members' deadline to agree, object or abstain."),
    )
    escalation_days = models.PositiveSmallIntegerField(
        _("days for the escalated decision"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text=_("After a failed consensus, the time the mandate holder has to decide; then reminders follow."),
    )
    escalation_role = models.CharField(
        _("escalates to"),
        max_length=30,
        choices=[(Role.MANDATE_HOLDER.value, Role.MANDATE_HOLDER.label), (Role.CIO.value, Role.CIO.label)],
        default=Role.MANDATE_HOLDER,
        help_text=_(
            "Mandate holder: the body's mandate holder. CIO: the CIO of the body's own org unit, "
            "who decides in the mandate holder's place."
        ),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("decision type")
        verbose_name_plural = _("decision types")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label

    def audit_scope_path(self) -> str:
        return INSTALLATION_WIDE

    @property
    def label(self) -> str:
        from roer.governance.seed import label

        return label(self.code, self.name)


class Responsibility(models.TextChoices):
    RESPONSIBLE = "R", _("Responsible")
    ACCOUNTABLE = "A", _("Accountable")
    CONSULTED = "C", _("Consulted")
    INFORMED = "I", _("Informed")


class DecisionRight(models.Model):
    decision_type = models.ForeignKey(
        DecisionType, verbose_name=_("decision type"), on_delete=models.CASCADE, related_name="rights"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    responsibility = models.CharField(_("responsibility"), max_length=1, choices=Responsibility.choices)

    class Meta:
        verbose_name = _("decision right")
        verbose_name_plural = _("decision rights")
        ordering = ["decision_type", "responsibility", "role"]
        constraints = [models.UniqueConstraint(fields=["decision_type", "role"], name="decision_right_once_per_role")]

    def __str__(self) -> str:
        return f"{self.decision_type}: {self.get_role_display()} {self.responsibility}"

    def audit_scope_path(self) -> str:
        return INSTALLATION_WIDE
