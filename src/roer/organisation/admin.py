"""Django admin for org units, people and role assignments.

Lists are narrowed to the staff member's scope (``for_user``); superusers see everything.
Every save here is audited with source "admin" by the audit signals and middleware.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from roer.organisation.access import is_unrestricted
from roer.organisation.models import OrgUnit, Person, RoleAssignment


class ScopedAdminMixin:
    """Admin lists and change pages only hold objects from the user's own scope."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset: QuerySet[Any] = super().get_queryset(request)  # type: ignore[misc]
        if is_unrestricted(request.user):
            # Explicit: RoleAssignment.for_user() narrows a superuser to their own assignments.
            return queryset
        return queryset.for_user(request.user)  # type: ignore[attr-defined,no-any-return]


class RoleAssignmentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["org_unit"]
    fields = ["role", "org_unit", "valid_from", "valid_until"]


@admin.register(OrgUnit)
class OrgUnitAdmin(ScopedAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path"]
    list_select_related = ["parent"]


@admin.register(Person)
class PersonAdmin(ScopedAdminMixin, UserAdmin):  # type: ignore[type-arg]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Organisation"), {"fields": ("home_unit", "job_title", "preferred_language")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Organisation"), {"fields": ("first_name", "last_name", "email", "home_unit", "job_title")}),
    )
    list_display = ["username", "first_name", "last_name", "job_title", "home_unit", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    list_select_related = ["home_unit"]
    autocomplete_fields = ["home_unit"]
    inlines = [RoleAssignmentInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["person", "role", "org_unit", "valid_from", "valid_until"]
    list_filter = ["role"]
    search_fields = ["person__username", "person__last_name", "org_unit__name", "org_unit__code"]
    autocomplete_fields = ["person", "org_unit"]
    date_hierarchy = "valid_from"
    list_select_related = ["person", "org_unit"]
