"""Governance bodies (CIO council, portfolio board, chain board, architecture board) and their members."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class BodyKind(models.TextChoices):
    CIO_COUNCIL = "cio_council", _("CIO council")
    PORTFOLIO_BOARD = "portfolio_board", _("Portfolio board")
    CHAIN_BOARD = "chain_board", _("Chain board")
    ARCHITECTURE_BOARD = "architecture_board", _("Architecture board")


class ConsensusRule(models.TextChoices):
    """When the votes of a body amount to consensus (see ``roer.governance.tally``)."""

    NO_OBJECTION = "no_objection", _("Quorum reached and no objection")
    CONSENSUS_MINUS_ONE = "consensus_minus_one", _("Quorum reached and at most one objection")
    UNANIMITY = "unanimity", _("Every voting member agrees")


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")
    SIX_WEEKLY = "six_weekly", _("Every six weeks")
    QUARTERLY = "quarterly", _("Quarterly")


class BodyQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: object) -> BodyQuerySet:
        from roer.governance.visibility import bodies_filter

        return self.filter(bodies_filter(user)).distinct()


class Body(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        verbose_name=_("scope"),
        on_delete=models.PROTECT,
        related_name="bodies",
        help_text=_("The org unit whose cross-cutting matters this body decides, with every unit below it."),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("chair"), on_delete=models.PROTECT, related_name="+"
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretary"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    mandate_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mandate holder"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Decides when the members reach no consensus by the deadline (for the CIO council: the top CIO)."),
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many voting members must state a position (agree, object or abstain) for a valid vote."),
    )
    consensus_rule = models.CharField(
        _("consensus rule"), max_length=30, choices=ConsensusRule.choices, default=ConsensusRule.NO_OBJECTION
    )
    cadence = models.CharField(_("meeting cadence"), max_length=20, choices=Cadence.choices, default=Cadence.MONTHLY)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def audit_scope_path(self) -> str:
        return self.org_unit.path


class MemberCapacity(models.TextChoices):
    VOTING = "voting", _("Voting member")
    ADVISORY = "advisory", _("Advisory member")


class Membership(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="memberships"
    )
    capacity = models.CharField(
        _("capacity"), max_length=20, choices=MemberCapacity.choices, default=MemberCapacity.VOTING
    )
    since = models.DateField(_("member since"))
    until = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "person__last_name", "person__first_name"]
        constraints = [models.UniqueConstraint(fields=["body", "person"], name="membership_once_per_body")]

    def __str__(self) -> str:
        return f"{self.body}: {self.person}"

    def audit_scope_path(self) -> str:
        return self.body.org_unit.path
