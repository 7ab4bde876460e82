"""Shared pieces for the records that belong to one initiative (read-only over the API).

Which records exist for a caller follows ``Initiative.objects.for_user``: a record
of an initiative outside the caller's scope is absent from lists and 404 on its own.
"""

from __future__ import annotations

from typing import Any, ClassVar

import django_filters
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, viewsets

from roer.portfolio.models import Initiative


class InitiativeCodeField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """The initiative a record belongs to, by its code."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("Code of the initiative this belongs to."))
        super().__init__(slug_field="code", read_only=True, **kwargs)


class PartFilter(django_filters.FilterSet):
    initiative = django_filters.CharFilter(
        field_name="initiative__code", label=_("Code of an initiative: only its records.")
    )


class PartViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """Read-only records of the initiatives the caller can see."""

    model: ClassVar[type[Model]]
    related: ClassVar[tuple[str, ...]] = ()
    prefetch: ClassVar[tuple[str, ...]] = ()

    def visible_initiatives(self) -> QuerySet[Initiative]:
        return Initiative.objects.for_user(self.request.user)

    def get_queryset(self) -> QuerySet[Any]:
        manager: Any = self.model._default_manager
        queryset: QuerySet[Any] = manager.filter(initiative__in=self.visible_initiatives())
        return queryset.select_related("initiative", *self.related).prefetch_related(*self.prefetch)
