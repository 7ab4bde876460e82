"""The portfolio calendar (roadmap): initiatives by quarter, grouped by org unit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from roer.organisation.models import OrgUnit
from roer.portfolio import overview
from roer.portfolio.forms_health import select
from roer.portfolio.models import Initiative, Phase

PAGE_SIZE = 50
MAX_YEARS = 6


class RoadmapFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Org unit (and below)"), required=False, queryset=OrgUnit.objects.none(), widget=select()
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False, widget=select())
    first_year = forms.IntegerField(label=_("From year"), required=False, min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("To year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = OrgUnit.objects.for_user(user)
        unit.empty_label = _("All")
        self.fields["phase"].choices = [("", _("All")), *Phase.choices]  # type: ignore[attr-defined]
        for name in ("first_year", "last_year"):
            self.fields[name].widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"

    def years(self, this_year: int) -> tuple[int, int]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        first = data.get("first_year") or this_year
        last = data.get("last_year") or first + 2
        last = min(max(last, first), first + MAX_YEARS - 1)
        return first, last


class _Filters:
    """What the filter-bar component needs: an object with a ``form``."""

    def __init__(self, form: RoadmapFilterForm) -> None:
        self.form = form


@require_safe
@login_required
def roadmap(request: HttpRequest) -> HttpResponse:
    form = RoadmapFilterForm(request.GET or None, user=request.user)
    first, last = form.years(timezone.localdate().year)
    queryset = overview.with_dates(Initiative.objects.for_user(request.user))
    if form.is_bound and form.is_valid():
        if form.cleaned_data["unit"]:
            queryset = queryset.filter(org_unit__path__startswith=form.cleaned_data["unit"].path)
        if form.cleaned_data["phase"]:
            queryset = queryset.filter(phase=form.cleaned_data["phase"])
    queryset = overview.in_years(queryset, first, last).select_related("org_unit")
    page = Paginator(queryset.order_by("org_unit__path", "code"), PAGE_SIZE).get_page(request.GET.get("page"))
    columns = overview.quarters(first, last)
    rows = [(initiative, overview.cells(initiative, columns)) for initiative in page]
    context = {"filter": _Filters(form), "page": page, "rows": rows, "columns": columns, "first": first, "last": last}
    return render(request, "portfolio/roadmap/roadmap.html", context)


urlpatterns = [path("roadmap", roadmap, name="roadmap")]
