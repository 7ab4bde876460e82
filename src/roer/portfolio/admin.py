"""Django admin for initiatives. The code is fixed once registered; the version is managed by Roer."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from roer.portfolio.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "name", "org_unit", "phase", "sponsor", "manager", "updated_at"]
    list_filter = ["phase"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["org_unit", "sponsor", "manager"]
    list_select_related = ["org_unit", "sponsor", "manager"]
    readonly_fields = ["version", "created_at", "updated_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Initiative]:
        return super().get_queryset(request).for_user(request.user)  # type: ignore[attr-defined,no-any-return]

    def get_readonly_fields(self, request: HttpRequest, obj: Initiative | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        # Codes are stable identifiers used in reports and other systems: never changed after creation.
        return ["code", *fields] if obj is not None else fields

    def save_model(self, request: HttpRequest, obj: Initiative, form: ModelForm[Any], change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            return
        with transaction.atomic():
            # Bump the version under a row lock, so a page or API client holding the old version
            # is refused instead of overwriting this admin edit.
            stored = Initiative.objects.select_for_update().only("version").get(pk=obj.pk)
            obj.version = stored.version + 1
            super().save_model(request, obj, form, change)
