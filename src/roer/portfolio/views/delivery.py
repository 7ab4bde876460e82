"""Adding, changing and removing the entries of an initiative's delivery lists.

One set of three views serves all five lists (``services.delivery.LISTS``); the lists
themselves are shown on the initiative page by the ``initiative_delivery`` tag.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from roer.portfolio.forms_delivery import entry_form_class
from roer.portfolio.models import Initiative
from roer.portfolio.services.delivery import LISTS, add_entry, delete_entry, update_entry


def _initiative(request: HttpRequest, code: str) -> Initiative:
    visible = Initiative.objects.for_user(request.user).select_related("org_unit")
    initiative: Initiative = get_object_or_404(visible, code=code)
    if not request.user.has_perm("portfolio.change_initiative", initiative):
        raise PermissionDenied
    return initiative


def _entry(initiative: Initiative, slug: str, pk: int) -> models.Model:
    return get_object_or_404(LISTS[slug].model._default_manager.filter(initiative=initiative), pk=pk)


def _back(initiative: Initiative, slug: str) -> str:
    return f"{initiative.get_absolute_url()}#{slug}"


def _save(request: HttpRequest, form: Any, action: Any) -> bool:
    """Run the service ``action`` with the form's values; its refusals become form errors."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
        return False
    return True


def _context(initiative: Initiative, slug: str, **extra: Any) -> dict[str, Any]:
    return {"initiative": initiative, "slug": slug, "list_title": LISTS[slug].title, "back": _back(initiative, slug)}


@login_required
def entry_add(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    initiative = _initiative(request, code)
    form = entry_form_class(slug)(request.POST or None)
    if request.method == "POST" and _save(request, form, lambda v: add_entry(request.user, initiative, slug, v)):
        messages.success(request, _("Added to %(list)s.") % {"list": str(LISTS[slug].title).lower()})
        return redirect(_back(initiative, slug))
    return render(request, "portfolio/delivery/entry_form.html", {**_context(initiative, slug), "form": form})


@login_required
def entry_edit(request: HttpRequest, code: str, slug: str, pk: int) -> HttpResponse:
    initiative = _initiative(request, code)
    entry = _entry(initiative, slug, pk)
    # Bound to a copy: the service reloads and locks the stored row itself.
    form = entry_form_class(slug)(request.POST or None, instance=entry)
    if request.method == "POST" and _save(request, form, lambda v: update_entry(request.user, slug, entry, v)):
        messages.success(request, _("Changes saved."))
        return redirect(_back(initiative, slug))
    context = {**_context(initiative, slug), "form": form, "entry": entry}
    return render(request, "portfolio/delivery/entry_form.html", context)


@login_required
def entry_delete(request: HttpRequest, code: str, slug: str, pk: int) -> HttpResponse:
    initiative = _initiative(request, code)
    entry = _entry(initiative, slug, pk)
    if request.method == "POST":
        delete_entry(request.user, slug, entry)
        messages.success(request, _("Removed from %(list)s.") % {"list": str(LISTS[slug].title).lower()})
        return redirect(_back(initiative, slug))
    context = {**_context(initiative, slug), "entry": entry}
    return render(request, "portfolio/delivery/entry_delete.html", context)


urlpatterns = []
for _slug in LISTS:
    urlpatterns += [
        path(f"<str:code>/{_slug}/new", entry_add, {"slug": _slug}, name=f"delivery-{_slug}-add"),
        path(f"<str:code>/{_slug}/<int:pk>/edit", entry_edit, {"slug": _slug}, name=f"delivery-{_slug}-edit"),
        path(f"<str:code>/{_slug}/<int:pk>/delete", entry_delete, {"slug": _slug}, name=f"delivery-{_slug}-delete"),
    ]
