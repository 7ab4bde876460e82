"""The org-unit tree, one unit's page, and its history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.audit.views import render_history
from roer.organisation.forms import AssignRoleForm
from roer.organisation.models import OrgUnit, RoleAssignment
from roer.organisation.rules import can_view_portfolio
from roer.portfolio.models import Initiative

# A tree cut into pages of 25 loses its shape; units are short lines, so pages hold more.
TREE_PAGE_SIZE = settings.ROER_PAGE_SIZE * 4
SHORT_LIST = 10
CHILDREN_SHOWN = 50


class SubqueryCount(Subquery):
    """COUNT(*) of a correlated subquery: one number per outer row, computed by the database."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def with_initiative_counts(units: QuerySet[OrgUnit]) -> QuerySet[OrgUnit]:
    """Annotate ``initiatives_here`` (this unit) and ``initiatives_below`` (this unit and its subtree).

    Every initiative in a visible unit is visible, so no per-user filter is needed here.
    """
    here = Initiative.objects.filter(org_unit=OuterRef("pk")).order_by().values("pk")
    below = Initiative.objects.filter(org_unit__path__startswith=OuterRef("path")).order_by().values("pk")
    return units.annotate(initiatives_here=SubqueryCount(here), initiatives_below=SubqueryCount(below))


@dataclass
class TreeNode:
    unit: OrgUnit
    children: list[TreeNode] = field(default_factory=list)
    # Set on the first node of a page whose parent is on an earlier page, to keep the reader oriented.
    continues_below: OrgUnit | None = None


def build_tree(units: Iterable[OrgUnit], user: Any) -> list[TreeNode]:
    """Nest ``units`` (in path order, so parents come first) under their parents."""
    nodes: dict[int, TreeNode] = {}
    roots: list[TreeNode] = []
    for unit in units:
        node = TreeNode(unit)
        nodes[unit.pk] = node
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        if parent is not None:
            parent.children.append(node)
            continue
        if unit.parent is not None and can_view_portfolio(user, unit.parent):
            node.continues_below = unit.parent
        roots.append(node)
    return roots


@require_safe
@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units: QuerySet[OrgUnit] = OrgUnit.objects.for_user(request.user)
    within: OrgUnit | None = None
    if request.GET.get("within", "").isdigit():
        within = get_object_or_404(units, pk=request.GET["within"])
        units = units.filter(path__startswith=within.path)
    units = with_initiative_counts(units.select_related("parent").order_by("path"))
    page = Paginator(units, TREE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "tree": build_tree(page.object_list, request.user), "within": within}
    return render(request, "organisation/unit_list.html", context)


def _visible_unit(request: HttpRequest, pk: int) -> OrgUnit:
    unit: OrgUnit = get_object_or_404(OrgUnit.objects.for_user(request.user).select_related("parent"), pk=pk)
    return unit


def unit_context(request: HttpRequest, unit: OrgUnit, form: AssignRoleForm | None = None) -> dict[str, Any]:
    """Everything the unit page shows; also used to show the assignment form again with its errors."""
    user = request.user
    visible = OrgUnit.objects.for_user(user)
    today = timezone.localdate()
    roles = (
        RoleAssignment.objects.filter(org_unit=unit)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .select_related("person")
        .order_by("role", "person__last_name", "person__first_name", "pk")
    )
    children = with_initiative_counts(visible.filter(parent=unit).order_by("name"))
    initiatives = Initiative.objects.for_user(user).filter(org_unit__path__startswith=unit.path)
    can_manage = user.has_perm("organisation.manage", unit)
    if can_manage and form is None:
        form = AssignRoleForm(user=user)
    # Ancestors outside the user's scope are left out, not named.
    ancestors = unit.ancestors().filter(pk__in=visible.values("pk"))
    crumbs = [
        {"label": _("Org units"), "url": reverse("organisation:unit-list")},
        *({"label": a.name, "url": a.get_absolute_url()} for a in ancestors),
        {"label": unit.name, "url": None},
    ]
    return {
        "unit": unit,
        "crumbs": crumbs,
        "parent_visible": unit.parent is not None and can_view_portfolio(user, unit.parent),
        "children": children[:CHILDREN_SHOWN],
        "children_count": children.count(),
        "roles": Paginator(roles, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page")),
        "today": today,
        "initiatives": initiatives.select_related("org_unit").order_by("code")[:SHORT_LIST],
        "initiative_count": initiatives.count(),
        "can_manage": can_manage,
        "can_view_history": user.has_perm("audit.view_history", unit),
        "form": form if can_manage else None,
    }


@require_safe
@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _visible_unit(request, pk)
    return render(request, "organisation/unit_detail.html", unit_context(request, unit))


@require_safe
@login_required
def unit_history(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _visible_unit(request, pk)
    return render_history(request, unit, "organisation/unit_history.html", {"unit": unit})
