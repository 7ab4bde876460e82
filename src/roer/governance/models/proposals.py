"""Proposals on their way to a decision: scope classification, formal advice and the council's votes.

A proposal moves draft → advice → (local) awaiting decision, or (cross-cutting) voting →
decided by consensus, or escalated → decided by the mandate holder. See
``roer.governance.services.flow`` for the transitions and ``docs/governance/README.md``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.organisation.roles import Role
from roer.portfolio.models import Gate


class SubjectKind(models.TextChoices):
    GATE = "gate", _("An initiative's gate")
    INITIATIVE = "initiative", _("An initiative (other matter)")
    FRAMEWORK = "framework", _("A binding framework")
    POLICY = "policy", _("A policy question")
    BUDGET = "budget", _("A budget change")
    REBASELINE = "rebaseline", _("A re-baseline")
    EXEMPTION = "exemption", _("An exemption from a framework")
    PLAN = "plan", _("A portfolio plan from the optimiser")


class Scope(models.TextChoices):
    LOCAL = "local", _("Local: decided by the unit's own CIO")
    CROSS_CUTTING = "cross_cutting", _("Cross-cutting: decided by the council")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADVICE = "advice", _("Awaiting advice")
    AWAITING_DECISION = "awaiting_decision", _("Awaiting the CIO's decision")
    VOTING = "voting", _("Council voting")
    ESCALATED = "escalated", _("Escalated to the mandate holder")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATES = (ProposalState.ADVICE, ProposalState.AWAITING_DECISION, ProposalState.VOTING, ProposalState.ESCALATED)


class ProposalQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: object) -> ProposalQuerySet:
        from roer.governance.visibility import proposals_filter

        return self.filter(proposals_filter(user)).distinct()


class Proposal(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("proposal"), help_text=_("What is proposed, and why."))
    subject_kind = models.CharField(_("subject"), max_length=20, choices=SubjectKind.choices)
    initiative = models.ForeignKey(
        "portfolio.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    gate = models.CharField(_("gate"), max_length=20, choices=Gate.choices, blank=True)
    framework_version = models.ForeignKey(
        "governance.FrameworkVersion",
        verbose_name=_("framework version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    compliance_statement = models.ForeignKey(
        "governance.ComplianceStatement",
        verbose_name=_("exemption request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    policy_topic = models.CharField(
        _("policy topic"), max_length=200, blank=True, help_text=_("For example cloud use or generative AI.")
    )
    subject_reference = models.CharField(
        _("subject reference"),
        max_length=100,
        blank=True,
        help_text=_("For a subject kept elsewhere, such as an optimiser plan: its reference."),
    )
    budget_change = models.DecimalField(
        _("budget change (euro)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    decision_type = models.ForeignKey(
        "governance.DecisionType", verbose_name=_("decision type"), on_delete=models.PROTECT, related_name="proposals"
    )
    org_unit = models.ForeignKey(
        "organisation.OrgUnit", verbose_name=_("org unit"), on_delete=models.PROTECT, related_name="proposals"
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposer"), on_delete=models.PROTECT, related_name="proposals"
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    scope_reason = models.TextField(_("reason for the scope"))
    body = models.ForeignKey(
        "governance.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("The council that decides a cross-cutting proposal."),
    )
    involves_personal_data = models.BooleanField(
        _("involves personal data"), default=False, help_text=_("Then the privacy officer must advise.")
    )
    state = models.CharField(_("state"), max_length=20, choices=ProposalState.choices, default=ProposalState.DRAFT)
    # Set by the flow from its clock (``now``), so a back-dated history reads in order.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    advice_due = models.DateTimeField(_("advice due"), null=True, blank=True)
    vote_due = models.DateTimeField(_("votes due"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("escalated to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_due = models.DateTimeField(_("decision due"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "vote_due"]), models.Index(fields=["state", "advice_due"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def audit_scope_path(self) -> str:
        return self.org_unit.path


class ScopeChange(models.Model):
    """A reclassification of a proposal between local and cross-cutting, with its reason."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="scope_changes"
    )
    from_scope = models.CharField(_("from"), max_length=20, choices=Scope.choices)
    to_scope = models.CharField(_("to"), max_length=20, choices=Scope.choices)
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("scope change")
        verbose_name_plural = _("scope changes")
        ordering = ["proposal", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal.reference}: {self.from_scope} → {self.to_scope}"

    def audit_scope_path(self) -> str:
        return self.proposal.org_unit.path


class AdviceState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    GIVEN = "given", _("Given")
    LAPSED = "lapsed", _("Deadline passed without advice")


class AdvicePosition(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    CONDITIONAL = "conditional", _("Conditional")
    NEGATIVE = "negative", _("Negative")


class AdviceRequest(models.Model):
    """The formal advice one consulted role owes a proposal: requested, then given or lapsed."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="advice")
    role = models.CharField(_("adviser role"), max_length=30, choices=Role.choices)
    state = models.CharField(_("state"), max_length=20, choices=AdviceState.choices, default=AdviceState.REQUESTED)
    requested_at = models.DateTimeField(_("requested"))
    due = models.DateTimeField(_("due"))
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advice_given",
    )
    position = models.CharField(_("advice"), max_length=20, choices=AdvicePosition.choices, blank=True)
    text = models.TextField(_("text of the advice"), blank=True)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)

    class Meta:
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        ordering = ["proposal", "role"]
        constraints = [models.UniqueConstraint(fields=["proposal", "role"], name="advice_once_per_role")]

    def __str__(self) -> str:
        return f"{self.proposal.reference}: {self.get_role_display()} ({self.get_state_display()})"

    def audit_scope_path(self) -> str:
        return self.proposal.org_unit.path


class Position(models.TextChoices):
    AGREE = "agree", _("Agree")
    OBJECT = "object", _("Object")
    ABSTAIN = "abstain", _("Abstain")


class Vote(models.Model):
    """A voting member's position on a cross-cutting proposal; it may change until the vote closes."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="votes"
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Required with an objection."))
    cast_at = models.DateTimeField(_("cast"))

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["proposal", "cast_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="vote_once_per_member"),
            models.CheckConstraint(
                condition=~models.Q(position="object") | ~models.Q(reason=""), name="objection_needs_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal.reference}: {self.member} {self.get_position_display()}"

    def audit_scope_path(self) -> str:
        return self.proposal.org_unit.path
