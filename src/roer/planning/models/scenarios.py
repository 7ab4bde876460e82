"""Scenarios built from the portfolio, their solve runs, and plans applied through a decision.

A scenario holds what people enter (horizon, budgets per year, teams with capacity per
quarter, what-if changes); the candidates come from the portfolio when a run starts, and
the run keeps that snapshot in the optimiser's own JSON format, so a run can always be
explained and exported exactly as it was solved.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import scope_filter
from roer.organisation.roles import Capability

MAX_QUARTERS = 40


class ScenarioQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def for_user(self, user: Any) -> ScenarioQuerySet:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_filter(user, Capability.VIEW_PORTFOLIO, "org_unit__path"))


class Scenario(models.Model):
    name = models.CharField(_("name"), max_length=200)
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        verbose_name=_("org unit"),
        on_delete=models.PROTECT,
        related_name="scenarios",
        help_text=_("The initiatives of this unit and every unit below it are the candidates."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    start_quarter = models.PositiveSmallIntegerField(
        _("first quarter"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    quarters = models.PositiveSmallIntegerField(
        _("horizon (quarters)"), default=12, validators=[MinValueValidator(1), MaxValueValidator(MAX_QUARTERS)]
    )
    discount_rate = models.DecimalField(
        _("discount rate per year (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    budgets = models.JSONField(
        _("budget per year (euro)"), default=list, help_text=_("One amount per year of the horizon, as text.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("derived from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="variants",
    )
    what_if = models.TextField(_("what-if changes"), blank=True)
    forced_in = models.JSONField(_("forced in"), default=list, blank=True, help_text=_("Initiative codes."))
    forced_out = models.JSONField(_("left out"), default=list, blank=True, help_text=_("Initiative codes."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("planning:scenario-detail", args=[self.pk])

    def audit_scope_path(self) -> str:
        return self.org_unit.path

    @property
    def years(self) -> int:
        return (self.quarters + 3) // 4

    def budget_amounts(self) -> list[Decimal]:
        amounts = [Decimal(str(b)) for b in self.budgets][: self.years]
        return amounts + [Decimal("0")] * (self.years - len(amounts))

    def quarter_label(self, index: int) -> str:
        """Quarter ``index`` of the horizon (0-based) as a calendar quarter: "2027 Q3"."""
        absolute = self.start_quarter - 1 + index
        return f"{self.start_year + absolute // 4} Q{absolute % 4 + 1}"

    def year_label(self, index: int) -> str:
        """Year ``index`` of the horizon (0-based): its first and last calendar quarters."""
        first = 4 * index
        last = min(first + 3, self.quarters - 1)
        return f"{self.quarter_label(first)} – {self.quarter_label(last)}"


class Team(models.Model):
    """A team of a scenario: the people of one org unit (and below), with a capacity per quarter."""

    scenario = models.ForeignKey(Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE, related_name="teams")
    org_unit = models.ForeignKey(
        "organisation.OrgUnit",
        verbose_name=_("org unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Initiatives of this unit and below draw on this team, unless a team of a lower unit exists."),
    )
    capacity = models.JSONField(_("capacity per quarter (FTE)"), default=list)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["scenario", "org_unit__path"]
        constraints = [models.UniqueConstraint(fields=["scenario", "org_unit"], name="scenario_team_unit_unique")]

    def __str__(self) -> str:
        return f"{self.scenario}: {self.org_unit.name}"

    def audit_scope_path(self) -> str:
        return self.scenario.org_unit.path

    @property
    def code(self) -> str:
        return self.org_unit.code

    def capacity_amounts(self, quarters: int) -> list[Decimal]:
        amounts = [Decimal(str(c)) for c in self.capacity][:quarters]
        return amounts + [Decimal("0")] * (quarters - len(amounts))


class RunState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    STOPPED = "stopped", _("Stopped")  # stopped before the worker began: no plan


FINISHED_STATES = (RunState.DONE, RunState.FAILED, RunState.STOPPED)


class SolveRun(models.Model):
    """One solve of a scenario in the background: its exact input, progress and plan.

    Not audited field by field: progress is rewritten many times a second by the worker.
    Who asked for the run and when is kept on the run itself; applying its plan is audited.
    """

    scenario = models.ForeignKey(Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE, related_name="runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=RunState.choices, default=RunState.QUEUED)
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=30)
    scenario_json = models.JSONField(_("scenario (optimiser input)"))
    candidates = models.JSONField(_("candidate details"), default=dict, blank=True)
    skipped = models.JSONField(_("initiatives left out"), default=list, blank=True)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_text = models.CharField(_("progress"), max_length=300, blank=True)
    plan_json = models.JSONField(_("plan"), null=True, blank=True)
    frontier = models.JSONField(_("efficient frontier"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    proposal = models.ForeignKey(
        "governance.Proposal",
        verbose_name=_("proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("solve run")
        verbose_name_plural = _("solve runs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.scenario} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("planning:run-detail", args=[self.pk])

    def audit_scope_path(self) -> str:
        return self.scenario.org_unit.path

    @property
    def reference(self) -> str:
        return f"solve-run:{self.pk}"

    @property
    def progress_line(self) -> str:
        """The progress text in the current language (stored in English, see ``services.texts``)."""
        from roer.planning.services.texts import progress_line

        return progress_line(self.progress_text) if self.progress_text else ""

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES

    @property
    def stop_requested(self) -> StopRequest | None:
        """The person's request to stop this run, if one was made (who and when)."""
        try:
            return self.stop_request
        except StopRequest.DoesNotExist:
            return None

    @property
    def stopping(self) -> bool:
        """Asked to stop, and the worker has not finished yet: the page says "stopping…"."""
        return self.pending and self.stop_requested is not None

    @property
    def pending(self) -> bool:
        """Queued or running: its page keeps refreshing its progress."""
        return not self.finished


class StopRequest(models.Model):
    """A person asked to stop a queued or running solve: at most one per run, audited (the run is not).

    A queued run ends at once as stopped, without a plan; a running run ends done with the
    best plan found so far and skips the rest of the efficient frontier.
    """

    run = models.OneToOneField(
        SolveRun, verbose_name=_("solve run"), on_delete=models.CASCADE, related_name="stop_request"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("stop requested by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("stop requested"), auto_now_add=True)

    class Meta:
        verbose_name = _("stop request")
        verbose_name_plural = _("stop requests")

    def __str__(self) -> str:
        return f"{self.run} ■ {self.requested_by}"

    def audit_scope_path(self) -> str:
        return self.run.scenario.org_unit.path


class PlanApplication(models.Model):
    """A plan applied to the portfolio calendar by a decision: which run, which decision, what changed.

    A correcting decision that rejects the plan undoes an application: recorded as a second
    application that ``reverts`` the first, its changes going from the plan's dates back.
    """

    run = models.ForeignKey(
        SolveRun, verbose_name=_("solve run"), on_delete=models.PROTECT, related_name="applications"
    )
    decision = models.OneToOneField(
        "governance.Decision", verbose_name=_("decision"), on_delete=models.PROTECT, related_name="+"
    )
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    changes = models.JSONField(_("changes"), default=list, help_text=_("Per initiative: start date before and after."))
    problems = models.JSONField(_("not applied"), default=list, blank=True)
    reverts = models.OneToOneField(
        "self",
        verbose_name=_("undoes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reverted_by",
        help_text=_("The application this one undoes, after a correcting decision rejected the plan."),
    )

    class Meta:
        verbose_name = _("plan application")
        verbose_name_plural = _("plan applications")
        ordering = ["-applied_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.run} ← {self.decision}"

    def audit_scope_path(self) -> str:
        return self.run.scenario.org_unit.path
