"""Query parameters (camelCase) for the governance resources."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from roer.api.filters import IdFilter
from roer.governance.models import (
    Basis,
    ComplianceState,
    ComplianceStatement,
    Decision,
    Meeting,
    MeetingState,
    Membership,
    Outcome,
    Proposal,
    ProposalState,
    Scope,
)

_BODY = _("Id of a body.")


class MembershipFilter(django_filters.FilterSet):
    body = IdFilter(field_name="body_id", label=_BODY)

    class Meta:
        model = Membership
        fields: list[str] = []


class ProposalFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=ProposalState.choices, label=_("State."))
    scope = django_filters.ChoiceFilter(choices=Scope.choices, label=_("Scope: local or cross-cutting."))
    body = IdFilter(field_name="body_id", label=_BODY)
    decisionType = django_filters.CharFilter(field_name="decision_type__code", label=_("Code of a decision type."))

    class Meta:
        model = Proposal
        fields: list[str] = []


class DecisionFilter(django_filters.FilterSet):
    basis = django_filters.ChoiceFilter(choices=Basis.choices, label=_("Basis."))
    outcome = django_filters.ChoiceFilter(choices=Outcome.choices, label=_("Outcome."))
    body = IdFilter(field_name="body_id", label=_BODY)
    inForce = django_filters.BooleanFilter(
        method="filter_in_force", label=_("true: only decisions no correction superseded; false: only superseded ones.")
    )

    class Meta:
        model = Decision
        fields: list[str] = []

    def filter_in_force(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        return queryset.filter(superseded_by__isnull=value)


class ComplianceStatementFilter(django_filters.FilterSet):
    framework = django_filters.CharFilter(field_name="framework__code", label=_("Code of a framework."))
    initiative = django_filters.CharFilter(field_name="initiative__code", label=_("Code of an initiative."))
    state = django_filters.ChoiceFilter(choices=ComplianceState.choices, label=_("State."))

    class Meta:
        model = ComplianceStatement
        fields: list[str] = []


class MeetingFilter(django_filters.FilterSet):
    body = IdFilter(field_name="body_id", label=_BODY)
    state = django_filters.ChoiceFilter(choices=MeetingState.choices, label=_("State."))

    class Meta:
        model = Meeting
        fields: list[str] = []
