"""The forms of the meeting pages: planning a meeting, its minutes, its state, and the member's evaluation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from roer.governance.models import EVALUATION_FIELDS, CollaborationEvaluation, MeetingState
from roer.portfolio.forms_health import TEXTBOX, textarea

SCALE = [
    ("1", _("1 – strongly disagree")),
    ("2", _("2 – disagree")),
    ("3", _("3 – neutral")),
    ("4", _("4 – agree")),
    ("5", _("5 – strongly agree")),
]


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={**TEXTBOX, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    location = forms.CharField(
        label=_("Location"), required=False, max_length=200, widget=forms.TextInput(attrs=TEXTBOX)
    )


class RescheduleForm(MeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), required=False, widget=textarea(14))
    version = forms.IntegerField(widget=forms.HiddenInput)


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=[(MeetingState.HELD, ""), (MeetingState.CANCELLED, "")])
    version = forms.IntegerField(widget=forms.HiddenInput)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvaluationForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=textarea(4),
        help_text=_("What goes well, what should change? The board sees the comments without names."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in EVALUATION_FIELDS:
            label = getattr(CollaborationEvaluation._meta.get_field(name), "verbose_name", name)
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
                error_messages={"required": _("Choose a score from 1 to 5.")},
            )
        self.order_fields([*EVALUATION_FIELDS, "comment"])

    def statements(self) -> list[forms.BoundField]:
        return [self[name] for name in EVALUATION_FIELDS]

    def scores(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in EVALUATION_FIELDS}
