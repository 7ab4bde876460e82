"""Query parameters (camelCase) for the organisation resources."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter
from roer.organisation.models import OrgUnit, OrgUnitKind, Person, RoleAssignment
from roer.organisation.roles import Role


class OrgUnitFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrgUnitKind.choices, label=_("Kind of unit."))
    parent = IdFilter(field_name="parent_id", label=_("Id of the unit directly above."))
    search = django_filters.CharFilter(method="search_text", label=_("Part of the code or name."))

    class Meta:
        model = OrgUnit
        fields: list[str] = []

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value))


class PersonFilter(django_filters.FilterSet):
    homeUnit = IdFilter(field_name="home_unit_id", label=_("Id of the org unit they work in."))
    search = django_filters.CharFilter(method="search_text", label=_("Part of the user name, name or e-mail."))

    class Meta:
        model = Person
        fields: list[str] = []

    def search_text(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            Q(username__icontains=value)
            | Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
        )


class RoleAssignmentFilter(django_filters.FilterSet):
    person = IdFilter(field_name="person_id", label=_("Id of the person."))
    orgUnit = IdFilter(field_name="org_unit_id", label=_("Id of the org unit."))
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("Role."))
    activeOn = django_filters.DateFilter(method="active_on", label=_("Only roles that apply on this day."))

    class Meta:
        model = RoleAssignment
        fields: list[str] = []

    def active_on(self, queryset: QuerySet[Any], name: str, value: datetime.date) -> QuerySet[Any]:
        return queryset.active_on(value)  # type: ignore[attr-defined,no-any-return]
