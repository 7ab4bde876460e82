"""Proposal pages: the list, drafting, and each step of the flow on the detail page.

Thin: every rule lives in ``roer.governance.services.flow`` and ``rights``. A page asks them
whether to show a form; the service decides again on every POST (PermissionDenied → 403,
ValidationError → shown on the form).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from roer.core.stale import differences, retry_with
from roer.governance.forms.proposals import (
    AdviceForm,
    DecideForm,
    ProposalFilter,
    ProposalForm,
    ReclassifyForm,
    SubjectKindForm,
    VoteForm,
    WithdrawForm,
)
from roer.governance.models import (
    AdviceState,
    ConsensusRule,
    DecisionRight,
    Proposal,
    ProposalState,
    Responsibility,
    Scope,
    SubjectKind,
)
from roer.governance.services import flow, rights
from roer.organisation.access import active_roles


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form: by field where the form has that field, otherwise above it."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


def visible_proposal(request: HttpRequest, reference: str) -> Proposal:
    """The proposal if ``request.user`` may see it; 404 otherwise (an outsider learns nothing)."""
    queryset = Proposal.objects.for_user(request.user).select_related(
        "decision_type", "org_unit", "proposer", "body__org_unit", "body__mandate_holder", "escalated_to",
        "initiative", "framework_version__framework", "compliance_statement__framework",
    )  # fmt: skip
    proposal: Proposal = get_object_or_404(queryset, reference=reference)
    return proposal


def may_propose_anything(user: Any) -> bool:
    """Whether the user holds any role that is responsible or accountable for some decision type."""
    held = {role.value for role, _scope in active_roles(user)}
    proposing = DecisionRight.objects.filter(
        responsibility__in=[Responsibility.RESPONSIBLE, Responsibility.ACCOUNTABLE], role__in=held
    )
    return proposing.exists()


CONSENSUS_EXPLAINED = {
    ConsensusRule.NO_OBJECTION: lambda quorum: _(
        "Consensus when at least %(quorum)s voting members state a position (agree, object or abstain) "
        "and no one objects."
    )
    % {"quorum": quorum},
    ConsensusRule.CONSENSUS_MINUS_ONE: lambda quorum: _(
        "Consensus when at least %(quorum)s voting members state a position and at most one objects; "
        "that objection is recorded as dissent."
    )
    % {"quorum": quorum},
    ConsensusRule.UNANIMITY: lambda quorum: _(
        "Consensus only when every voting member agrees; an abstention or objection breaks it."
    ),
}


def explain_rule(rule: str, quorum: int) -> str:
    explain = CONSENSUS_EXPLAINED.get(ConsensusRule(rule))
    return explain(quorum) if explain else ""


# --- list ---------------------------------------------------------------------------------------


@require_safe
@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    visible = Proposal.objects.for_user(request.user)
    filterset = ProposalFilter(request.GET or None, queryset=visible, user=request.user)
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else visible
    queryset = queryset.select_related("decision_type", "org_unit", "body", "proposer").order_by("-created_at", "-pk")
    page = Paginator(queryset, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page": page, "can_propose": may_propose_anything(request.user)}
    template = "governance/proposals/_results.html" if request.headers.get("HX-Request") else None
    return render(request, template or "governance/proposals/proposal_list.html", context)


# --- drafting -----------------------------------------------------------------------------------


@login_required
def proposal_create(request: HttpRequest) -> HttpResponse:
    if not may_propose_anything(request.user):
        raise PermissionDenied
    kind = request.POST.get("subject_kind") or request.GET.get("subject_kind") or ""
    kind_form = SubjectKindForm({"subject_kind": kind} if kind else None)
    if kind not in SubjectKind.values:
        return render(request, "governance/proposals/proposal_form.html", {"kind_form": kind_form, "form": None})
    initial = {"initiative": request.GET.get("initiative"), "scope": Scope.LOCAL}
    form = ProposalForm(request.POST or None, user=request.user, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = flow.create_proposal(request.user, form.values())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Draft %(ref)s saved. Submit it when it is complete: then advice is requested.")
                % {"ref": proposal.reference},
            )
            return redirect("governance:proposal-detail", reference=proposal.reference)
    context = {"kind_form": kind_form, "form": form, "kind_label": SubjectKind(kind).label}
    return render(request, "governance/proposals/proposal_form.html", context)


@login_required
def proposal_edit(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    if proposal.proposer_id != request.user.pk:
        raise PermissionDenied
    if proposal.state != ProposalState.DRAFT:
        messages.error(request, _("Only a draft can be changed; a submitted proposal follows its course."))
        return redirect("governance:proposal-detail", reference=proposal.reference)
    initial = {name: getattr(proposal, name) for name in flow.PROPOSAL_FIELDS} | {"version": proposal.version}
    form = ProposalForm(
        request.POST or None, user=request.user, kind=proposal.subject_kind, editing=True, initial=initial
    )
    context: dict[str, Any] = {"form": form, "proposal": proposal, "conflicts": None}
    if request.method == "POST" and form.is_valid():
        try:
            flow.update_proposal(request.user, proposal, form.values(), form.cleaned_data.get("version") or 0)
        except flow.StaleProposal as stale:
            context["conflicts"] = differences(stale.current, form.values(), flow.PROPOSAL_FIELDS)
            context["stored"] = stale.current
            retry_with(form, request.POST, stale.current.version)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Draft %(ref)s saved.") % {"ref": proposal.reference})
            return redirect("governance:proposal-detail", reference=proposal.reference)
    return render(request, "governance/proposals/proposal_form.html", context)


@require_POST
@login_required
def proposal_submit(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    try:
        stored = flow.submit(request.user, proposal)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(
            request,
            _("%(ref)s submitted: %(state)s.") % {"ref": stored.reference, "state": stored.get_state_display()},
        )
    return redirect("governance:proposal-detail", reference=proposal.reference)


@login_required
def proposal_withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    if proposal.proposer_id != request.user.pk:
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flow.withdraw(request.user, proposal, form.cleaned_data["reason"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(ref)s withdrawn.") % {"ref": proposal.reference})
            return redirect("governance:proposal-detail", reference=proposal.reference)
    return render(request, "governance/proposals/proposal_withdraw.html", {"proposal": proposal, "form": form})


@login_required
def proposal_reclassify(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    if not flow.may_reclassify(request.user, proposal):
        raise PermissionDenied
    other = Scope.CROSS_CUTTING if proposal.scope == Scope.LOCAL else Scope.LOCAL
    form = ReclassifyForm(
        request.POST or None, user=request.user, initial={"to_scope": other, "body": proposal.body_id}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            flow.reclassify(request.user, proposal, data["to_scope"], data["reason"], data.get("body"))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(ref)s reclassified; the change is recorded.") % {"ref": proposal.reference})
            return redirect("governance:proposal-detail", reference=proposal.reference)
    return render(request, "governance/proposals/proposal_reclassify.html", {"proposal": proposal, "form": form})


# --- detail and its steps -----------------------------------------------------------------------


def _advice_roles(user: Any, proposal: Proposal) -> list[tuple[str, str]]:
    """The consulted roles of this proposal the user holds, while advice can be given."""
    if proposal.state != ProposalState.ADVICE:
        return []
    return [
        (request.role, request.get_role_display())
        for request in proposal.advice.all()
        if request.state != AdviceState.LAPSED and rights.may_advise(user, proposal, request.role)
    ]


def _votes(proposal: Proposal) -> dict[str, Any] | None:
    body = proposal.body
    if body is None or proposal.scope != Scope.CROSS_CUTTING:
        return None
    if proposal.state in (ProposalState.DRAFT, ProposalState.ADVICE) and not proposal.votes.exists():
        return None
    members = flow.voting_members(proposal)
    votes = {vote.member_id: vote for vote in proposal.votes.select_related("member")}
    member_ids = {person.pk for person in members}
    return {
        "tally": flow.current_tally(proposal),
        "quorum": body.quorum,
        "rule": body.get_consensus_rule_display(),
        "rule_explained": explain_rule(body.consensus_rule, body.quorum),
        "rows": [(person, votes.get(person.pk)) for person in members],
        # Votes of people who are no longer voting members: shown, not counted.
        "others": [vote for member_id, vote in votes.items() if member_id not in member_ids],
    }


def _may_vote(user: Any, proposal: Proposal) -> bool:
    return proposal.state == ProposalState.VOTING and any(p.pk == user.pk for p in flow.voting_members(proposal))


def detail_context(request: HttpRequest, proposal: Proposal, **forms_: Any) -> dict[str, Any]:
    user = request.user
    advice_roles = _advice_roles(user, proposal)
    may_vote = _may_vote(user, proposal)
    may_decide = flow.may_decide(user, proposal)
    my_vote = proposal.votes.filter(member_id=user.pk).first() if may_vote else None
    exemption = proposal.subject_kind == SubjectKind.EXEMPTION
    open_state = proposal.state not in (ProposalState.DECIDED, ProposalState.WITHDRAWN)
    context: dict[str, Any] = {
        "proposal": proposal,
        "advice": proposal.advice.select_related("adviser").order_by("role"),
        "votes": _votes(proposal),
        "scope_changes": proposal.scope_changes.select_related("changed_by"),
        "decisions": proposal.decisions.select_related("decided_by", "supersedes").order_by("decided_at", "pk"),
        "missing_advice": flow.missing_advice(proposal) if proposal.state == ProposalState.ADVICE else [],
        "local_deciders": rights.local_deciders(proposal) if proposal.scope == Scope.LOCAL else [],
        "is_proposer": proposal.proposer_id == user.pk,
        "may_edit": proposal.proposer_id == user.pk and proposal.state == ProposalState.DRAFT,
        "may_withdraw": proposal.proposer_id == user.pk and open_state,
        "may_reclassify": open_state
        and proposal.state != ProposalState.ESCALATED
        and flow.may_reclassify(user, proposal),
        "advice_form": forms_.get("advice_form") or (AdviceForm(roles=advice_roles) if advice_roles else None),
        "vote_form": forms_.get("vote_form")
        or (
            VoteForm(initial={"position": my_vote.position, "reason": my_vote.reason} if my_vote else None)
            if may_vote
            else None
        ),
        "my_vote": my_vote,
        "decide_form": forms_.get("decide_form")
        or (DecideForm(body=proposal.body, exemption=exemption) if may_decide else None),
    }
    return context


@require_safe
@login_required
def proposal_detail(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    return render(request, "governance/proposals/proposal_detail.html", detail_context(request, proposal))


def _invalid(request: HttpRequest, proposal: Proposal, **bound: Any) -> HttpResponse:
    context = detail_context(request, proposal, **bound)
    return render(request, "governance/proposals/proposal_detail.html", context)


def _refused(request: HttpRequest, proposal: Proposal, error: ValidationError) -> HttpResponse:
    """A step the proposal is not ready for (or past): the reason, back on the proposal."""
    for problem in error.messages:
        messages.error(request, problem)
    return redirect("governance:proposal-detail", reference=proposal.reference)


@require_POST
@login_required
def proposal_advice(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    roles = _advice_roles(request.user, proposal)
    if not roles:
        raise PermissionDenied
    form = AdviceForm(request.POST, roles=roles)
    if form.is_valid():
        data = form.cleaned_data
        try:
            flow.give_advice(request.user, proposal, data["role"], data["position"], data["text"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your advice on %(ref)s is recorded.") % {"ref": proposal.reference})
            return redirect("governance:proposal-detail", reference=proposal.reference)
    return _invalid(request, proposal, advice_form=form)


@require_POST
@login_required
def proposal_vote(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    form = VoteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            flow.cast_vote(request.user, proposal, data["position"], data.get("reason") or "")
        except ValidationError as error:
            if not _may_vote(request.user, proposal):
                return _refused(request, proposal, error)
            show_errors(form, error)
        else:
            messages.success(request, _("Your vote on %(ref)s is recorded.") % {"ref": proposal.reference})
            return redirect("governance:proposal-detail", reference=proposal.reference)
    elif not _may_vote(request.user, proposal):
        raise PermissionDenied
    return _invalid(request, proposal, vote_form=form)


@require_POST
@login_required
def proposal_decide(request: HttpRequest, reference: str) -> HttpResponse:
    proposal = visible_proposal(request, reference)
    form = DecideForm(request.POST, body=proposal.body, exemption=proposal.subject_kind == SubjectKind.EXEMPTION)
    if form.is_valid():
        try:
            decision = flow.decide(request.user, proposal, **form.values())
        except ValidationError as error:
            if not flow.may_decide(request.user, proposal):
                return _refused(request, proposal, error)
            show_errors(form, error)
        else:
            messages.success(request, _("Decision %(ref)s taken.") % {"ref": decision.reference})
            return redirect("governance:decision-detail", reference=decision.reference)
    elif not flow.may_decide(request.user, proposal):
        raise PermissionDenied
    return _invalid(request, proposal, decide_form=form)


urlpatterns = [
    path("proposals/", proposal_list, name="proposal-list"),
    path("proposals/new", proposal_create, name="proposal-create"),
    path("proposals/<str:reference>/", proposal_detail, name="proposal-detail"),
    path("proposals/<str:reference>/edit", proposal_edit, name="proposal-edit"),
    path("proposals/<str:reference>/submit", proposal_submit, name="proposal-submit"),
    path("proposals/<str:reference>/advice", proposal_advice, name="proposal-advice"),
    path("proposals/<str:reference>/vote", proposal_vote, name="proposal-vote"),
    path("proposals/<str:reference>/decide", proposal_decide, name="proposal-decide"),
    path("proposals/<str:reference>/reclassify", proposal_reclassify, name="proposal-reclassify"),
    path("proposals/<str:reference>/withdraw", proposal_withdraw, name="proposal-withdraw"),
]
