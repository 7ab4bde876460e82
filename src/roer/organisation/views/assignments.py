"""Functional administrators assign roles in a unit and end them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from roer.organisation import services
from roer.organisation.forms import AssignRoleForm, EndAssignmentForm
from roer.organisation.models import OrgUnit, RoleAssignment
from roer.organisation.views.units import unit_context


def _managed_unit(request: HttpRequest, pk: int) -> OrgUnit:
    """The unit, if visible (else 404) and managed by the user (else 403)."""
    unit: OrgUnit = get_object_or_404(OrgUnit.objects.for_user(request.user).select_related("parent"), pk=pk)
    if not request.user.has_perm("organisation.manage", unit):
        raise PermissionDenied
    return unit


def _show_errors(form: Form, error: ValidationError) -> None:
    for name, problems in error.message_dict.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)


@login_required
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _managed_unit(request, pk)
    if request.method != "POST":
        return redirect(reverse("organisation:unit-detail", args=[unit.pk]) + "#assign-heading")
    form = AssignRoleForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            assignment = services.assign_role(request.user, org_unit=unit, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s in %(unit)s.")
                % {"person": assignment.person, "role": assignment.get_role_display(), "unit": unit},
            )
            return redirect(reverse("organisation:unit-detail", args=[unit.pk]) + "#roles-heading")
    # Shown again on the unit page, with the errors next to their fields.
    return render(request, "organisation/unit_detail.html", unit_context(request, unit, form))


@login_required
def assignment_end(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    unit = _managed_unit(request, pk)
    assignments = RoleAssignment.objects.select_related("person", "org_unit")
    assignment = get_object_or_404(assignments, pk=assignment_pk, org_unit=unit)
    form = EndAssignmentForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_assignment(request.user, assignment, form.cleaned_data["valid_until"])
        except ValidationError as error:
            _show_errors(form, error)
        else:
            last_day = date_format(form.cleaned_data["valid_until"], "SHORT_DATE_FORMAT")
            messages.success(
                request,
                _("The role %(role)s of %(person)s ends after %(date)s.")
                % {"role": assignment.get_role_display(), "person": assignment.person, "date": last_day},
            )
            return redirect(reverse("organisation:unit-detail", args=[unit.pk]) + "#roles-heading")
    context = {"unit": unit, "assignment": assignment, "form": form}
    return render(request, "organisation/assignment_end.html", context)
