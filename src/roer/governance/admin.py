"""Django admin for governance: look, never touch.

Proposals move only through the flow (advice, votes, deadlines) and decisions are
immutable, so the admin shows them read-only, even to a superuser.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from roer.governance.models import Decision, Proposal


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).for_user(request.user)  # type: ignore[attr-defined]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["reference", "outcome", "basis", "decided_by", "body", "decided_at"]
    list_filter = ["basis", "outcome"]
    search_fields = ["reference", "proposal__title"]
    list_select_related = ["decided_by", "body"]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "state", "scope", "decision_type", "org_unit"]
    list_filter = ["state", "scope"]
    search_fields = ["reference", "title"]
    list_select_related = ["decision_type", "org_unit"]
