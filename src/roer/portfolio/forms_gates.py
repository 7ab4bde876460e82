"""The gate review form: the review itself and, per lever, a score, the evidence and any waiver."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roer.governance.models import Decision, SubjectKind
from roer.governance.services import citations
from roer.organisation.models import Person
from roer.portfolio.forms_health import date_input, select, textarea
from roer.portfolio.models import Gate, GateOutcome, Lever
from roer.portfolio.services.gates import LeverInput

SCORES = [
    ("", _("Choose a score")),
    ("0", _("0 – absent")),
    ("1", _("1 – weak")),
    ("2", _("2 – adequate")),
    ("3", _("3 – strong")),
]


class DecisionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A recorded decision as a choice: its reference, what it decided and when."""

    def label_from_instance(self, obj: Any) -> str:
        proposal = obj.proposal
        gate = f" ({proposal.get_gate_display()})" if proposal.gate else ""
        return f"{obj.reference}{gate}: {proposal.title} · {obj.decided_at:%Y-%m-%d}"


class GateReviewForm(forms.Form):
    gate = forms.ChoiceField(label=_("Gate"), choices=Gate.choices, widget=select())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=GateOutcome.choices, widget=select())
    held_on = forms.DateField(label=_("Date"), widget=date_input())
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Person.objects.none(), widget=select())
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=textarea())
    notes = forms.CharField(label=_("Notes"), required=False, widget=textarea())
    adoption_evaluation = forms.CharField(
        label=_("Adoption evaluation"),
        required=False,
        widget=textarea(),
        help_text=_("Required to pass the closure gate: how far did the users adopt the result?"),
    )

    decision = DecisionChoiceField(
        label=_("Decision"),
        required=False,
        queryset=Decision.objects.none(),
        widget=select(),
        empty_label=_("No recorded decision"),
        help_text=_("The recorded decision, in force, that approved passing this gate (the same gate)."),
    )

    def __init__(self, *args: Any, user: Any, threshold: int, initiative: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"held_on": timezone.localdate(), "reviewer": user.pk})
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        assert isinstance(decision, forms.ModelChoiceField)
        if initiative is not None:
            decision.queryset = citations.citable(initiative, SubjectKind.GATE)
        else:
            del self.fields["decision"]
        reviewer = self.fields["reviewer"]
        assert isinstance(reviewer, forms.ModelChoiceField)
        reviewer.queryset = Person.objects.for_user(user).filter(is_active=True).order_by("last_name", "first_name")
        self.lever_rows = []
        for lever in Lever:
            score = forms.ChoiceField(label=_("Score"), choices=SCORES, widget=select())
            evidence = forms.CharField(label=_("Evidence"), required=False, widget=textarea(2))
            waiver = forms.CharField(
                label=_("Waiver: why the gate may pass anyway"),
                required=False,
                widget=textarea(2),
                help_text=_("Needed at the approval gate when the score is below %(threshold)d.")
                % {"threshold": threshold},
            )
            names = (f"{lever.value}_score", f"{lever.value}_evidence", f"{lever.value}_waiver")
            for name, field in zip(names, (score, evidence, waiver), strict=True):
                self.fields[name] = field
            self.lever_rows.append((lever.label, [self[name] for name in names]))

    def review_values(self) -> dict[str, Any]:
        names = ("gate", "outcome", "held_on", "reviewer", "conditions", "notes", "adoption_evaluation", "decision")
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}

    def levers(self) -> dict[str, LeverInput]:
        data = self.cleaned_data
        return {
            lever.value: LeverInput(
                score=int(data[f"{lever.value}_score"]),
                evidence=data[f"{lever.value}_evidence"],
                waiver_reason=data[f"{lever.value}_waiver"],
            )
            for lever in Lever
        }
