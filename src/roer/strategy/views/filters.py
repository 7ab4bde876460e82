"""The filter bars of the goal pages: an org unit, and for the network its layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from roer.organisation.models import OrgUnit

SELECT = "utrecht-select utrecht-select--html-select"


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Org unit (and below)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": SELECT}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = OrgUnit.objects.for_user(user).order_by("path")


class NetworkForm(UnitForm):
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=[("force", _("Force-directed")), ("circular", _("Circle"))],
        required=False,
        widget=forms.Select(attrs={"class": SELECT}),
    )


@dataclass
class Filters:
    """What the ``filter_bar`` component needs: something with a ``form``."""

    form: UnitForm

    def value(self, name: str, default: Any = None) -> Any:
        if not self.form.is_bound or not self.form.is_valid():
            return default
        return self.form.cleaned_data.get(name) or default

    @property
    def unit(self) -> OrgUnit | None:
        unit: OrgUnit | None = self.value("unit")
        return unit


def unit_filters(request: HttpRequest, form_class: type[UnitForm] = UnitForm) -> Filters:
    data = request.GET if any(name in request.GET for name in ("unit", "layout")) else None
    return Filters(form_class(data, user=request.user))
