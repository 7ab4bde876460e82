"""Filter pieces shared by the resources' FilterSets."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    """The id of a related object: a whole number."""

    field_class = forms.IntegerField


class OrderingFilter(django_filters.OrderingFilter):
    """``ordering`` by camelCase names, ``-name`` for descending.

    The labels stay lazy, so the OpenAPI file does not depend on the language
    that happened to be active when the module was imported.
    """

    def build_choices(self, fields: dict[str, str], labels: dict[str, Any]) -> list[tuple[str, Any]]:
        choices: list[tuple[str, Any]] = []
        for field, param in fields.items():
            label = labels.get(field, param)
            choices += [(param, label), (f"-{param}", format_lazy("{} ({})", label, _("descending")))]
        return choices
