"""The proposal forms: the draft (its subject fields per subject kind), and each step on the detail page."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from roer.governance.models import (
    AdvicePosition,
    Body,
    ComplianceState,
    ComplianceStatement,
    DecisionType,
    Framework,
    FrameworkVersion,
    Meeting,
    MeetingState,
    Outcome,
    ProposalState,
    Scope,
    SubjectKind,
)
from roer.governance.services.flow import SUBJECT_NEEDS
from roer.governance.templatetags.governance_nav import VOTE_POSITIONS
from roer.organisation.models import OrgUnit
from roer.portfolio.forms_health import SELECT, TEXTBOX, amount_input, date_input, select, textarea
from roer.portfolio.models import Gate, Initiative

# Every subject field, and the subject kinds that use it (the page shows only the chosen kind's fields).
SUBJECT_FIELDS = ("initiative", "gate", "framework_version", "compliance_statement", "policy_topic",
                  "subject_reference", "budget_change")  # fmt: skip
# Fields a subject kind may also fill in without needing them.
SUBJECT_OPTIONAL: dict[str, tuple[str, ...]] = {SubjectKind.BUDGET: ("initiative",)}


# The scope in a word, for the filter (the model's labels explain who decides).
SCOPE_SHORT = [(Scope.LOCAL, _("Local")), (Scope.CROSS_CUTTING, _("Cross-cutting"))]


def subject_fields(kind: str) -> tuple[str, ...]:
    return SUBJECT_NEEDS.get(kind, ()) + SUBJECT_OPTIONAL.get(kind, ())


def text_input() -> forms.TextInput:
    return forms.TextInput(attrs=TEXTBOX)


class SubjectKindForm(forms.Form):
    """Step one of a new proposal, a plain GET form: which kind of subject (it decides the fields)."""

    subject_kind = forms.ChoiceField(label=_("Subject"), choices=SubjectKind.choices, widget=select())


class ProposalForm(forms.Form):
    # Errors come from the server, tied to their fields; an untouched field is not shown as invalid.
    use_required_attribute = False

    title = forms.CharField(label=_("Title"), max_length=300, widget=text_input())
    summary = forms.CharField(label=_("Proposal"), help_text=_("What is proposed, and why."), widget=textarea(6))
    initiative = forms.ModelChoiceField(label=_("Initiative"), queryset=Initiative.objects.none(), widget=select())
    gate = forms.ChoiceField(label=_("Gate"), choices=[("", "---------"), *Gate.choices], widget=select())
    framework_version = forms.ModelChoiceField(
        label=_("Framework version"),
        queryset=FrameworkVersion.objects.none(),
        widget=select(),
        help_text=_("The version to put in force (or to revise) by this decision."),
    )
    compliance_statement = forms.ModelChoiceField(
        label=_("Exemption request"),
        queryset=ComplianceStatement.objects.none(),
        widget=select(),
        help_text=_("An initiative's request for an exemption from a framework (comply or explain)."),
    )
    policy_topic = forms.CharField(
        label=_("Policy topic"),
        max_length=200,
        widget=text_input(),
        help_text=_("For example cloud use or generative AI."),
    )
    subject_reference = forms.CharField(
        label=_("Subject reference"),
        max_length=100,
        widget=text_input(),
        help_text=_("For a subject kept elsewhere, such as an optimiser plan: its reference."),
    )
    budget_change = forms.DecimalField(
        label=_("Budget change (euro)"), max_digits=14, decimal_places=2, widget=amount_input()
    )
    decision_type = forms.ModelChoiceField(
        label=_("Decision type"),
        queryset=DecisionType.objects.none(),
        widget=select(),
        help_text=_("It decides who advises, who decides and the deadlines (the decision-rights matrix)."),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Org unit"),
        queryset=OrgUnit.objects.none(),
        widget=select(),
        help_text=_("The unit the proposal is about; its own CIO decides a local proposal."),
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices, widget=forms.RadioSelect)
    scope_reason = forms.CharField(
        label=_("Reason for the scope"),
        widget=textarea(3),
        help_text=_("Why the proposal is local or cross-cutting: the classification decides who decides."),
    )
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        widget=select(),
        help_text=_("The council that decides a cross-cutting proposal."),
    )
    involves_personal_data = forms.BooleanField(
        label=_("Involves personal data"),
        required=False,
        help_text=_("Then the privacy officer must advise."),
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, kind: str, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        wanted = subject_fields(kind)
        for name in SUBJECT_FIELDS:
            if name not in wanted:
                del self.fields[name]
            elif name not in SUBJECT_NEEDS.get(kind, ()):
                self.fields[name].required = False
        visible_initiatives = Initiative.objects.for_user(user).order_by("code")
        if "initiative" in self.fields:
            field: Any = self.fields["initiative"]
            field.queryset = visible_initiatives
            # The initiative's own unit is the default: the unit may then stay empty.
            self.fields["org_unit"].required = False
            self.fields["org_unit"].help_text = _(
                "Empty: the initiative's own unit. The unit's own CIO decides a local proposal."
            )
        if "framework_version" in self.fields:
            field = self.fields["framework_version"]
            field.queryset = FrameworkVersion.objects.filter(
                framework__in=Framework.objects.for_user(user)
            ).select_related("framework")
        if "compliance_statement" in self.fields:
            field = self.fields["compliance_statement"]
            field.queryset = ComplianceStatement.objects.filter(
                initiative__in=visible_initiatives, state=ComplianceState.EXEMPTION_REQUESTED
            ).select_related("initiative", "framework")
        decision_type: Any = self.fields["decision_type"]
        decision_type.queryset = DecisionType.objects.order_by("name")
        unit: Any = self.fields["org_unit"]
        unit.queryset = OrgUnit.objects.for_user(user).order_by("path")
        body: Any = self.fields["body"]
        body.queryset = Body.objects.for_user(user).order_by("name")
        if editing:
            # A draft's scope changes through a recorded reclassification, not through an edit.
            del self.fields["scope"]

    def values(self) -> dict[str, Any]:
        values = {name: value for name, value in self.cleaned_data.items() if name != "version"}
        values["subject_kind"] = self.kind
        for name in ("gate", "policy_topic", "subject_reference"):
            values.setdefault(name, "")
        if values.get("scope") == Scope.LOCAL:
            values["body"] = None
        return values


class WithdrawForm(forms.Form):
    # Errors come from the server, tied to their fields; an untouched field is not shown as invalid.
    use_required_attribute = False

    reason = forms.CharField(label=_("Reason for withdrawal"), widget=textarea(3))


class ReclassifyForm(forms.Form):
    # Errors come from the server, tied to their fields; an untouched field is not shown as invalid.
    use_required_attribute = False

    to_scope = forms.ChoiceField(label=_("New scope"), choices=Scope.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), widget=textarea(3), help_text=_("Recorded with the change."))
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        widget=select(),
        help_text=_("For a cross-cutting proposal: the council that decides it."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["body"]
        field.queryset = Body.objects.for_user(user).order_by("name")


class AdviceForm(forms.Form):
    # Several forms share the proposal's (or decision's) page: the browser must not mark the untouched ones invalid.
    use_required_attribute = False

    role = forms.ChoiceField(label=_("Advising as"), choices=(), widget=select())
    position = forms.ChoiceField(label=_("Advice"), choices=AdvicePosition.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Text of the advice"), widget=textarea(5), help_text=_("What you advise, and why."))

    def __init__(self, *args: Any, roles: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["role"]
        field.choices = roles
        if len(roles) == 1:
            self.fields["role"].widget = forms.HiddenInput()
            self.fields["role"].initial = roles[0][0]


class VoteForm(forms.Form):
    # Several forms share the proposal's (or decision's) page: the browser must not mark the untouched ones invalid.
    use_required_attribute = False

    position = forms.ChoiceField(
        label=_("Your position"), choices=list(VOTE_POSITIONS.items()), widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=textarea(3), help_text=_("Required with an objection.")
    )


class DecideForm(forms.Form):
    # Several forms share the proposal's (or decision's) page: the browser must not mark the untouched ones invalid.
    use_required_attribute = False

    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(label=_("Rationale"), widget=textarea(5))
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=textarea(3),
        help_text=_("Required when approving with conditions."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=date_input(),
        help_text=_("For an exemption: until when it holds."),
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.Select(attrs=SELECT),
        help_text=_("The meeting where the decision was taken, if any."),
    )

    def __init__(self, *args: Any, body: Body | None = None, exemption: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not exemption:
            del self.fields["valid_until"]
        if body is None:
            del self.fields["meeting"]
        else:
            field: Any = self.fields["meeting"]
            field.queryset = (
                Meeting.objects.filter(body=body).exclude(state=MeetingState.CANCELLED).order_by("-starts_at")
            )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "rationale": data["rationale"],
            "conditions": data.get("conditions") or "",
            "valid_until": data.get("valid_until"),
            "meeting": data.get("meeting"),
        }


class ProposalFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    state = django_filters.ChoiceFilter(label=_("State"), choices=ProposalState.choices, empty_label=_("All"))
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=SCOPE_SHORT, empty_label=_("All"))
    decision_type = django_filters.ModelChoiceFilter(
        label=_("Decision type"), queryset=DecisionType.objects.none(), empty_label=_("All")
    )
    body = django_filters.ModelChoiceFilter(label=_("Body"), queryset=Body.objects.none(), empty_label=_("All"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Org unit (and below)"), queryset=OrgUnit.objects.none(), method="in_subtree", empty_label=_("All")
    )
    subject_kind = django_filters.ChoiceFilter(label=_("Subject"), choices=SubjectKind.choices, empty_label=_("All"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["decision_type"].queryset = DecisionType.objects.order_by("name")
        self.filters["body"].queryset = Body.objects.for_user(user).order_by("name")
        self.filters["unit"].queryset = OrgUnit.objects.for_user(user).order_by("path")
        for name in ("state", "scope", "decision_type", "body", "unit", "subject_kind"):
            self.form.fields[name].widget.attrs["class"] = SELECT["class"]

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(reference__icontains=value) | Q(title__icontains=value))

    def in_subtree(self, queryset: QuerySet[Any], name: str, value: OrgUnit) -> QuerySet[Any]:
        return queryset.filter(org_unit__path__startswith=value.path)
