"""The list of people, one person's page with their roles, and their history.

Pages show names, job titles, units and roles only: never passwords or other account secrets.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.audit.views import render_history
from roer.organisation.forms import PersonFilterForm, sort_people
from roer.organisation.models import OrgUnit, Person, RoleAssignment
from roer.organisation.rules import can_view_portfolio


def _visible_person(request: HttpRequest, pk: int) -> Person:
    person: Person = get_object_or_404(Person.objects.for_user(request.user).select_related("home_unit"), pk=pk)
    return person


@require_safe
@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or None, user=request.user)
    people = form.apply(Person.objects.for_user(request.user).select_related("home_unit"))
    people = sort_people(people, request.GET.get("sort", ""))
    page = Paginator(people, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    # Someone seen through a role here may work in a unit this user cannot see: name it, but no link.
    rows = [PersonRow(person, _unit_visible(request, person.home_unit)) for person in page.object_list]
    # The filter bar component reads ``filterbar.form``; with htmx only the results are sent.
    context = {"filterbar": {"form": form}, "form": form, "page": page, "rows": rows, "filtered": form.is_bound}
    partial = request.headers.get("HX-Request")
    return render(request, "organisation/_person_results.html" if partial else "organisation/person_list.html", context)


@dataclass(frozen=True)
class PersonRow:
    person: Person
    home_unit_visible: bool


@dataclass(frozen=True)
class AssignmentRow:
    assignment: RoleAssignment
    status: str
    unit_visible: bool


def _unit_visible(request: HttpRequest, unit: OrgUnit | None) -> bool:
    return unit is not None and bool(can_view_portfolio(request.user, unit))


def assignment_status(assignment: RoleAssignment, today: datetime.date) -> str:
    """The period in words; text, not colour, carries the meaning."""
    if assignment.valid_from > today:
        return _("Upcoming")
    if assignment.valid_until is not None and assignment.valid_until < today:
        return _("Ended")
    return _("Current")


@require_safe
@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible_person(request, pk)
    today = timezone.localdate()
    # Only the assignments in units this user can see (and all of one's own).
    assignments = (
        RoleAssignment.objects.for_user(request.user)
        .filter(person=person)
        .select_related("org_unit")
        .order_by("-valid_from", "role", "pk")
    )
    page = Paginator(assignments, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        AssignmentRow(item, assignment_status(item, today), _unit_visible(request, item.org_unit))
        for item in page.object_list
    ]
    context = {
        "person": person,
        "page": page,
        "rows": rows,
        "home_unit_visible": _unit_visible(request, person.home_unit),
        "can_view_history": request.user.has_perm("audit.view_history", person),
    }
    return render(request, "organisation/person_detail.html", context)


@require_safe
@login_required
def person_history(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible_person(request, pk)
    return render_history(request, person, "organisation/person_history.html", {"person": person})
