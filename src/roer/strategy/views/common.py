"""What every strategy page shares: finding an object the person may see, and rendering with htmx."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from roer.strategy.models import KPI, Goal

# A goal tree cut into pages of 25 loses its shape; goals are short rows, so pages hold more.
TREE_PAGE_SIZE = settings.ROER_PAGE_SIZE * 4


def visible_goal(request: HttpRequest, pk: int) -> Goal:
    goals = Goal.objects.for_user(request.user).select_related("org_unit", "owner", "parent", "parent__parent")
    goal: Goal = get_object_or_404(goals, pk=pk)
    return goal


def visible_kpi(request: HttpRequest, pk: int) -> KPI:
    kpi: KPI = get_object_or_404(KPI.objects.for_user(request.user).select_related("org_unit"), pk=pk)
    return kpi


def page_of(request: HttpRequest, items: Any, param: str = "page", size: int | None = None) -> Page:  # type: ignore[type-arg]
    return Paginator(items, size or settings.ROER_PAGE_SIZE).get_page(request.GET.get(param))


def render_results(request: HttpRequest, template: str, partial: str, context: dict[str, Any]) -> HttpResponse:
    """The whole page, or only its results region when the htmx filter bar asks."""
    return render(request, partial if request.headers.get("HX-Request") else template, context)
