"""The portfolio's early warnings across initiatives, and the organisation's portfolio policy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.organisation.access import has_capability, scope_filter
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.portfolio.forms_reports import PolicyForm, WarningFilterForm
from roer.portfolio.models import EarlyWarning, Initiative
from roer.portfolio.services.policy import POLICY_FIELDS, organisations_for, policy_for_unit, update_policy
from roer.portfolio.services.stale import ChangedMeanwhile, fingerprint
from roer.portfolio.views.gates import show_errors
from roer.portfolio.warning_text import SEVERITY_LABELS, STORED_RULES

_RANK = Case(
    When(severity="red", then=Value(0)),
    When(severity="amber", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


class _Filters:
    """What the filter-bar component needs: an object with a ``form``."""

    def __init__(self, form: WarningFilterForm) -> None:
        self.form = form


@require_safe
@login_required
def warning_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    units = OrgUnit.objects.filter(scope_filter(user, Capability.VIEW_PORTFOLIO, "path")).order_by("path")
    form = WarningFilterForm(
        request.GET or None,
        rules=[(rule, str(label)) for rule, label in STORED_RULES.items()],
        severities=[(key, str(label)) for key, label in SEVERITY_LABELS.items()],
        units=units,
    )
    queryset = EarlyWarning.objects.filter(initiative__in=Initiative.objects.for_user(user))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["rule"]:
            queryset = queryset.filter(rule=data["rule"])
        if data["severity"]:
            queryset = queryset.filter(severity=data["severity"])
        if data["unit"]:
            queryset = queryset.filter(initiative__org_unit__path__startswith=data["unit"].path)
    queryset = queryset.select_related("initiative__org_unit").order_by(_RANK, "initiative__code", "rule")
    page = Paginator(queryset, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portfolio/warnings/warning_list.html", {"filter": _Filters(form), "page": page})


@login_required
def policy_choose(request: HttpRequest) -> HttpResponse:
    organisations = organisations_for(request.user)
    if not organisations:
        raise PermissionDenied
    if len(organisations) == 1:
        return redirect("portfolio:policy-edit", code=organisations[0].code)
    return render(request, "portfolio/warnings/policy_choose.html", {"organisations": organisations})


@login_required
def policy_edit(request: HttpRequest, code: str) -> HttpResponse:
    organisation = OrgUnit.objects.filter(code=code, parent__isnull=True).first()
    if organisation is None or not has_capability(request.user, Capability.VIEW_PORTFOLIO, organisation.path):
        raise Http404
    if organisation not in organisations_for(request.user):
        raise PermissionDenied
    policy = policy_for_unit(organisation)
    initial = {"fingerprint": fingerprint(policy, POLICY_FIELDS)}
    form = PolicyForm(request.POST or None, instance=policy, initial=initial)
    context: dict[str, Any] = {"organisation": organisation, "form": form, "stored": None}
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in POLICY_FIELDS}
        try:
            update_policy(request.user, organisation, values, form.cleaned_data["fingerprint"])
        except ChangedMeanwhile as stale:
            context["stored"] = stale.current
            data = request.POST.copy()
            data["fingerprint"] = fingerprint(stale.current, POLICY_FIELDS)
            form.data = data
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Portfolio policy of %(unit)s saved.") % {"unit": organisation.name})
            return redirect("portfolio:policy-edit", code=organisation.code)
    return render(request, "portfolio/warnings/policy_form.html", context)


urlpatterns = [
    path("warnings", warning_list, name="warning-list"),
    path("policy", policy_choose, name="policy-choose"),
    path("policy/<str:code>", policy_edit, name="policy-edit"),
]
