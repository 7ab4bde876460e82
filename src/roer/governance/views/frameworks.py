"""Binding frameworks: the list, a framework with its versions, creating one, drafting and proposing a version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from roer.governance.forms_frameworks import DraftForm, FrameworkForm, ProposeForm
from roer.governance.models import Framework, FrameworkVersion
from roer.governance.services import compliance, frameworks
from roer.organisation.access import has_capability, scope_paths
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.portfolio.models import Initiative
from roer.portfolio.views.gates import show_errors


def visible_framework(request: HttpRequest, code: str) -> Framework:
    framework: Framework = get_object_or_404(
        Framework.objects.for_user(request.user).select_related("org_unit"), code=code
    )
    return framework


def _manageable_units(user: object) -> object:
    paths = scope_paths(user, Capability.MANAGE_FRAMEWORKS)
    if getattr(user, "is_superuser", False):
        return OrgUnit.objects.all()
    query = Q(pk__in=[])
    for unit_path in paths:
        query |= Q(path__startswith=unit_path)
    return OrgUnit.objects.filter(query).order_by("path")


@require_safe
@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    today = None
    rows = []
    for framework in Framework.objects.for_user(request.user).select_related("org_unit").order_by("title"):
        current = frameworks.in_force_version(framework, today)
        rows.append({"framework": framework, "in_force": current, "open": frameworks.open_version(framework)})
    context = {"rows": rows, "can_create": has_capability(request.user, Capability.MANAGE_FRAMEWORKS)}
    return render(request, "governance/frameworks/framework_list.html", context)


@require_safe
@login_required
def framework_detail(request: HttpRequest, code: str) -> HttpResponse:
    framework = visible_framework(request, code)
    versions = frameworks.versions(framework)
    in_force = next((v for v, state in versions if state == frameworks.VersionState.IN_FORCE), None)
    open_version = next(
        (v for v, state in versions if state in (frameworks.VersionState.DRAFT, frameworks.VersionState.AWAITING)),
        None,
    )
    initiatives = []
    if in_force is not None:
        visible = Initiative.objects.for_user(request.user)
        statements = {s.initiative_id: s for s in framework.statements.select_related("framework_version")}
        for initiative in compliance.in_scope(framework).filter(pk__in=visible.values("pk")).order_by("code"):
            initiatives.append({"initiative": initiative, "statement": statements.get(initiative.pk)})
    context = {
        "framework": framework,
        "versions": [
            {"version": v, "state": state, "proposal": frameworks.current_proposal(v)} for v, state in versions
        ],
        "in_force": in_force,
        "open_version": open_version,
        "open_is_draft": open_version is not None
        and frameworks.state_of(open_version) == frameworks.VersionState.DRAFT,
        "initiatives": initiatives,
        "can_manage": frameworks.may_manage(request.user, framework),
        "can_propose": frameworks.may_propose(request.user, framework),
    }
    return render(request, "governance/frameworks/framework_detail.html", context)


@login_required
def framework_create(request: HttpRequest) -> HttpResponse:
    if not has_capability(request.user, Capability.MANAGE_FRAMEWORKS):
        raise PermissionDenied
    form = FrameworkForm(request.POST or None, units=_manageable_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            framework = frameworks.create_framework(request.user, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Framework %(title)s created: now draft its first version.") % {"title": framework.title}
            )
            return redirect("governance:framework-draft", code=framework.code)
    return render(request, "governance/frameworks/framework_form.html", {"form": form})


@login_required
def framework_draft(request: HttpRequest, code: str) -> HttpResponse:
    """Draft the next version, or change the open draft; the requirements one per line."""
    framework = visible_framework(request, code)
    if not frameworks.may_manage(request.user, framework):
        raise PermissionDenied
    draft = frameworks.open_version(framework)
    if draft is not None and frameworks.state_of(draft) != frameworks.VersionState.DRAFT:
        messages.info(
            request,
            _("Version %(number)s awaits its decision; a new version can be drafted once it is decided.")
            % {"number": draft.number},
        )
        return redirect("governance:framework-detail", code=framework.code)
    base = draft or frameworks.in_force_version(framework) or framework.versions.order_by("-number").first()
    initial = {}
    if base is not None:
        initial = {
            "summary": base.summary if draft else "",
            "effective_on": base.effective_on if draft else None,
            "requirements": "\n".join(r.statement for r in base.requirements.all()),
        }
    form = DraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = frameworks.save_draft(request.user, framework, form.cleaned_data, draft)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Draft version %(number)s saved.") % {"number": version.number})
            return redirect("governance:framework-detail", code=framework.code)
    context = {"framework": framework, "form": form, "draft": draft, "base": base}
    return render(request, "governance/frameworks/draft_form.html", context)


@login_required
def framework_propose(request: HttpRequest, code: str, number: int) -> HttpResponse:
    framework = visible_framework(request, code)
    version: FrameworkVersion = get_object_or_404(framework.versions, number=number)
    if not frameworks.may_propose(request.user, framework):
        raise PermissionDenied
    if frameworks.state_of(version) != frameworks.VersionState.DRAFT:
        messages.info(request, _("Only a draft version can be proposed for decision."))
        return redirect("governance:framework-detail", code=framework.code)
    council = frameworks.covering_council(framework.org_unit)
    form = ProposeForm(request.POST or None, initial={"scope_reason": frameworks.default_scope_reason(framework)})
    if request.method == "POST" and form.is_valid():
        try:
            proposal = frameworks.propose(request.user, version, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s proposed for decision as %(reference)s.")
                % {"number": version.number, "reference": proposal.reference},
            )
            return redirect("governance:framework-detail", code=framework.code)
    context = {"framework": framework, "version": version, "form": form, "council": council}
    return render(request, "governance/frameworks/propose_form.html", context)


urlpatterns = [
    path("frameworks/", framework_list, name="framework-list"),
    path("frameworks/new", framework_create, name="framework-create"),
    path("frameworks/<str:code>/", framework_detail, name="framework-detail"),
    path("frameworks/<str:code>/draft", framework_draft, name="framework-draft"),
    path("frameworks/<str:code>/versions/<int:number>/propose", framework_propose, name="framework-propose"),
]
