"""Decisions: immutable once taken. A correction is a new decision that supersedes the old one.

Immutability holds at three levels: ``save`` refuses an update and ``delete`` refuses,
the query set refuses bulk ``update`` and ``delete``, and a database trigger (see the
migration) refuses an UPDATE that bypasses Django altogether.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionImmutable(Exception):
    """Raised on any attempt to change or delete a decision or its recorded dissent."""


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    CONDITIONAL = "conditional", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")


APPROVING = (Outcome.APPROVED, Outcome.CONDITIONAL)


class Basis(models.TextChoices):
    UNIT_MANDATE = "unit_mandate", _("Unit mandate (local decision by the unit's CIO)")
    CONSENSUS = "consensus", _("Consensus of the council")
    MANDATE = "mandate", _("Mandate after failed consensus")
    CORRECTION = "correction", _("Correction of an earlier decision")


class ImmutableQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def update(self, **kwargs: Any) -> int:
        raise DecisionImmutable("Decisions cannot be changed; take a new decision that supersedes this one.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise DecisionImmutable("Decisions cannot be deleted; take a new decision that supersedes this one.")

    def for_user(self, user: object) -> ImmutableQuerySet:
        from roer.governance.visibility import decisions_filter

        return self.filter(decisions_filter(user)).distinct()


class Immutable(models.Model):
    """A record written once: later saves and deletes are refused."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise DecisionImmutable(f"{self._meta.verbose_name} {self.pk} was taken and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise DecisionImmutable(f"{self._meta.verbose_name} {self.pk} cannot be deleted.")


class Decision(Immutable):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    proposal = models.ForeignKey(
        "governance.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    rationale = models.TextField(_("rationale"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions_taken",
        help_text=_("Empty for a consensus: the council decided together."),
    )
    body = models.ForeignKey(
        "governance.Body", verbose_name=_("body"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"))
    meeting = models.ForeignKey(
        "governance.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("For an exemption."))
    advice_summary = models.TextField(
        _("advice at the time"), blank=True, help_text=_("The formal advice as it stood when the decision was taken.")
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_outcome_display()}"

    def audit_scope_path(self) -> str:
        return self.proposal.org_unit.path

    @property
    def approves(self) -> bool:
        return self.outcome in APPROVING


class Dissent(Immutable):
    """A member's objection (or abstention) as it stood when the decision was taken."""

    decision = models.ForeignKey(Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="dissent")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT)
    position = models.CharField(_("position"), max_length=20)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("dissent")
        verbose_name_plural = _("dissent")
        ordering = ["decision", "pk"]

    def __str__(self) -> str:
        return f"{self.decision.reference}: {self.member} {self.position}"

    def audit_scope_path(self) -> str:
        return self.decision.proposal.org_unit.path
