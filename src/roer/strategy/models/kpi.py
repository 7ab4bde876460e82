"""KPIs: lasting metrics with a baseline and a target, that can serve several goals and outlive them."""

from __future__ import annotations

import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from roer.strategy.querysets import KpiQuerySet, MeasurementQuerySet


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Every six months")
    YEARLY = "yearly", _("Yearly")


# How long after a measurement the next one is due (a little slack for reporting delays).
FREQUENCY_DAYS = {
    Frequency.MONTHLY: 31,
    Frequency.QUARTERLY: 92,
    Frequency.HALF_YEARLY: 183,
    Frequency.YEARLY: 366,
}


class KPI(models.Model):
    org_unit = models.ForeignKey(
        "organisation.OrgUnit", verbose_name=_("org unit"), on_delete=models.PROTECT, related_name="kpis"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50, help_text=_("For example %, days, euro."))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=18, decimal_places=4)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target value"), max_digits=18, decimal_places=4)
    target_date = models.DateField(_("target date"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    frequency = models.CharField(_("measurement frequency"), max_length=20, choices=Frequency.choices)
    goals = models.ManyToManyField("strategy.Goal", through="strategy.GoalKpi", related_name="kpis", blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = KpiQuerySet.as_manager()

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:kpi-detail", args=[self.pk])

    def audit_scope_path(self) -> str:
        return self.org_unit.path

    @property
    def overdue_after(self) -> datetime.timedelta:
        return datetime.timedelta(days=FREQUENCY_DAYS[Frequency(self.frequency)])


class GoalKpi(models.Model):
    """A KPI measures progress on a goal; one KPI can serve several goals."""

    goal = models.ForeignKey("strategy.Goal", verbose_name=_("goal"), on_delete=models.CASCADE)
    kpi = models.ForeignKey(KPI, verbose_name=_("KPI"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("goal KPI")
        verbose_name_plural = _("goal KPIs")
        constraints = [models.UniqueConstraint(fields=["goal", "kpi"], name="goal_kpi_unique")]

    def __str__(self) -> str:
        return f"{self.goal} · {self.kpi}"

    def audit_scope_path(self) -> str:
        return self.goal.org_unit.path


class Measurement(models.Model):
    kpi = models.ForeignKey(KPI, verbose_name=_("KPI"), on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["kpi", "measured_on"]
        constraints = [models.UniqueConstraint(fields=["kpi", "measured_on"], name="measurement_one_per_day")]

    def __str__(self) -> str:
        return f"{self.kpi} {self.measured_on}: {self.value}"

    def audit_scope_path(self) -> str:
        return self.kpi.org_unit.path
