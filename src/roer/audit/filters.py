"""Filters for the audit page and its CSV export: one FilterSet, so both always agree."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.audit.context import Source
from roer.audit.models import Action, AuditEvent
from roer.audit.registry import audited_models

_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def object_type_choices() -> list[tuple[int, str]]:
    """The audited models, by their translated plural name."""
    types = ContentType.objects.get_for_models(*audited_models())
    choices = [(types[model].pk, str(model._meta.verbose_name_plural).capitalize()) for model in types]
    return sorted(choices, key=lambda choice: choice[1])


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class AuditEventFilter(django_filters.FilterSet):
    object_type = django_filters.ChoiceFilter(
        label=_("Object type"),
        field_name="content_type",
        choices=object_type_choices,
        empty_label=_("All"),
        widget=forms.Select(attrs=_SELECT),
    )
    action = django_filters.ChoiceFilter(
        label=_("Action"), choices=Action.choices, empty_label=_("All"), widget=forms.Select(attrs=_SELECT)
    )
    source = django_filters.ChoiceFilter(
        label=_("Channel"), choices=Source.choices, empty_label=_("All"), widget=forms.Select(attrs=_SELECT)
    )
    actor = django_filters.CharFilter(
        label=_("Who (username)"),
        field_name="actor_label",
        lookup_expr="icontains",
        widget=forms.TextInput(attrs=_TEXTBOX),
    )
    date_from = django_filters.DateFilter(
        label=_("From (date)"), method="filter_from", widget=forms.DateInput(attrs={**_TEXTBOX, "type": "date"})
    )
    date_to = django_filters.DateFilter(
        label=_("Until (date, inclusive)"),
        method="filter_to",
        widget=forms.DateInput(attrs={**_TEXTBOX, "type": "date"}),
    )
    object = django_filters.CharFilter(
        label=_("Object (id or name)"),
        method="filter_object",
        widget=forms.TextInput(attrs={**_TEXTBOX, "type": "search"}),
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    # Date bounds as a half-open range of instants, so the index on occurred_at is used.
    def filter_from(self, queryset: QuerySet[AuditEvent], name: str, value: datetime.date) -> QuerySet[AuditEvent]:
        return queryset.filter(occurred_at__gte=_start_of(value))

    def filter_to(self, queryset: QuerySet[AuditEvent], name: str, value: datetime.date) -> QuerySet[AuditEvent]:
        return queryset.filter(occurred_at__lt=_start_of(value + datetime.timedelta(days=1)))

    def filter_object(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[AuditEvent]:
        value = value.strip()
        return queryset.filter(Q(object_id=value) | Q(object_repr__icontains=value)) if value else queryset

    def is_valid(self) -> bool:
        valid: Any = super().is_valid()
        start, end = (self.form.cleaned_data.get(key) for key in ("date_from", "date_to"))
        if start and end and end < start:
            self.form.add_error("date_to", _("The end date cannot be before the start date."))
            return False
        return bool(valid)
