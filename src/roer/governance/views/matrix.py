"""The decision-rights page: the RACI matrix, each type's deadlines and escalation route, and its edit form.

Everyone signed in reads the matrix (it says who decides what); only MANAGE_GOVERNANCE at a
root unit edits it (``roer.governance.services.matrix``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from roer.core.stale import Conflict
from roer.governance.forms.matrix import DecisionTypeForm, initial_for
from roer.governance.models import DecisionType, Responsibility
from roer.governance.services import matrix
from roer.governance.services.rights import matrix as rights_matrix
from roer.organisation.access import active_roles
from roer.organisation.roles import Role
from roer.portfolio.views.gates import show_errors

LEGEND = [
    # Lazy: this list is built once, at import, and must speak the language of each request.
    (Responsibility.RESPONSIBLE, gettext_lazy("Responsible: prepares and proposes.")),
    (Responsibility.ACCOUNTABLE, gettext_lazy("Accountable: decides; only an accountable role can take the decision.")),
    (Responsibility.CONSULTED, gettext_lazy("Consulted: gives formal advice before the decision.")),
    (Responsibility.INFORMED, gettext_lazy("Informed: is notified of the decision.")),
]


def _letter(letter: str) -> tuple[str, str]:
    return letter, str(Responsibility(letter).label) if letter else ""


def _signed_in_with_a_role(request: HttpRequest) -> None:
    """The matrix binds the whole installation: a person with no active role (an ended one) sees nothing."""
    if not getattr(request.user, "is_superuser", False) and not active_roles(request.user):
        raise PermissionDenied


@require_safe
@login_required
def decision_rights(request: HttpRequest) -> HttpResponse:
    _signed_in_with_a_role(request)
    rows: list[dict[str, Any]] = [
        {"type": kind, "cells": [(role, *_letter(letters.get(role.value, ""))) for role in Role]}
        for kind, letters in rights_matrix()
    ]
    roles = [role for role in Role if any(cell[0] == role and cell[1] for row in rows for cell in row["cells"])]
    for row in rows:
        row["cells"] = [cell for cell in row["cells"] if cell[0] in roles]
    context = {
        "rows": rows,
        "roles": roles,
        "legend": LEGEND,
        "can_edit": matrix.may_edit_matrix(request.user),
    }
    return render(request, "governance/matrix/decision_rights.html", context)


def _conflicts(stored: DecisionType, form: DecisionTypeForm) -> list[Conflict]:
    result = []
    current = initial_for(stored)
    for field in [*form.setting_fields(), *form.role_fields()]:
        mine = form.cleaned_data.get(field.name)
        theirs = current.get(field.name, "")
        if str(mine or "") != str(theirs or ""):
            result.append(Conflict(str(field.label), str(mine or "—"), str(theirs or "—")))
    return result


@login_required
def decision_type_edit(request: HttpRequest, code: str) -> HttpResponse:
    _signed_in_with_a_role(request)
    kind: DecisionType = get_object_or_404(DecisionType.objects.prefetch_related("rights"), code=code)
    if not matrix.may_edit_matrix(request.user):
        raise PermissionDenied
    form = DecisionTypeForm(request.POST or None, initial=initial_for(kind))
    context: dict[str, Any] = {"form": form, "kind": kind, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        try:
            matrix.edit_decision_type(request.user, kind, form.settings(), form.letters(), form.cleaned_data["version"])
        except matrix.StaleVersion as stale:
            stored = DecisionType.objects.prefetch_related("rights").get(pk=stale.current.pk)
            context.update(conflicts=_conflicts(stored, form), stored=stored)
            copy = request.POST.copy()
            copy["version"] = str(stored.version)
            form.data = copy
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                error = ValidationError(
                    {(f"role_{k}" if k in Role.values else k): v for k, v in error.error_dict.items()}
                )
            show_errors(form, error)
        else:
            messages.success(request, _("Decision rights for %(type)s saved.") % {"type": kind.label})
            return redirect("governance:decision-rights")
    return render(request, "governance/matrix/decision_type_form.html", context)


urlpatterns = [
    path("decision-rights/", decision_rights, name="decision-rights"),
    path("decision-rights/<slug:code>/edit", decision_type_edit, name="decision-type-edit"),
]
