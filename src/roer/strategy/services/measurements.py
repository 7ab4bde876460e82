"""Recording, correcting and deleting KPI measurements one at a time (imports: ``roer.strategy.imports``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roer.strategy.models import KPI, Measurement
from roer.strategy.services.common import apply, require

MEASUREMENT_FIELDS = ("measured_on", "value", "source", "note")


def refuse_kpi(kpi: KPI) -> str:
    return _("You may not record measurements for the KPI %(kpi)s.") % {"kpi": kpi}


def measurement_errors(measurement: Measurement) -> dict[str, list[str]]:
    """What is wrong with ``measurement`` apart from a clash with a stored one, by field."""
    errors: dict[str, list[str]] = {}
    try:
        measurement.full_clean(exclude=["kpi"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors = {name: [str(message) for message in messages] for name, messages in error.message_dict.items()}
    # After full_clean the date is a real date, unless it was invalid (and reported) already.
    if "measured_on" not in errors and measurement.measured_on > timezone.localdate():
        errors.setdefault("measured_on", []).append(_("A measurement cannot be dated in the future."))
    return errors


def _check(measurement: Measurement) -> None:
    errors: dict[str, list[str]] = measurement_errors(measurement)
    clash = Measurement.objects.filter(kpi_id=measurement.kpi_id, measured_on=measurement.measured_on)
    if "measured_on" not in errors and clash.exclude(pk=measurement.pk).exists():
        errors["measured_on"] = [_("There is already a measurement of this KPI on this date.")]
    if errors:
        raise ValidationError(errors)


def add_measurement(user: Any, kpi: KPI, values: dict[str, Any]) -> Measurement:
    require(user, "strategy.record_measurement", kpi, refuse_kpi(kpi))
    measurement = Measurement(kpi=kpi)
    apply(measurement, values, MEASUREMENT_FIELDS)
    with transaction.atomic():
        _check(measurement)
        measurement.save()
    return measurement


def update_measurement(user: Any, measurement: Measurement, values: dict[str, Any]) -> Measurement:
    """Correct a measurement; it stays with its KPI."""
    with transaction.atomic():
        stored: Measurement = (
            Measurement.objects.select_for_update().select_related("kpi__org_unit").get(pk=measurement.pk)
        )
        require(user, "strategy.record_measurement", stored.kpi, refuse_kpi(stored.kpi))
        apply(stored, values, MEASUREMENT_FIELDS)
        _check(stored)
        stored.save()
    return stored


def delete_measurement(user: Any, measurement: Measurement) -> None:
    with transaction.atomic():
        stored: Measurement = (
            Measurement.objects.select_for_update().select_related("kpi__org_unit").get(pk=measurement.pk)
        )
        require(user, "strategy.record_measurement", stored.kpi, refuse_kpi(stored.kpi))
        stored.delete()
