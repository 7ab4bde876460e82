"""Scoring pages: the criteria and weights, the ranked portfolio, one initiative's breakdown, the weights form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from roer.core.stale import Conflict, differences, retry_with
from roer.organisation.access import has_capability, scope_filter
from roer.organisation.models import OrgUnit
from roer.organisation.roles import Capability
from roer.planning.models import ScoringConfiguration
from roer.planning.scoring import CRITERIA, Criterion, Part, rank
from roer.planning.scoring.services import (
    CONFIG_FIELDS,
    EXPLANATIONS,
    FINISHED,
    LABELS,
    configuration_for,
    may_manage,
    root_id,
    scores_for,
    update_configuration,
    weights_of,
)
from roer.portfolio.models import Initiative
from roer.portfolio.services import StaleVersion

TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
SORTS = ("rank", "code", *(criterion.value for criterion in CRITERIA))

SOURCES = {
    "cio": gettext_lazy("CIO risk rating"),
    "overall": gettext_lazy("overall colour of the latest report"),
    "forecast": gettext_lazy("forecast cost lines"),
    "plan": gettext_lazy("planned cost lines"),
    "baseline": gettext_lazy("the latest baseline"),
    "mandatory": gettext_lazy("mandatory by law"),
    "legal_basis": gettext_lazy("legal basis recorded, not marked mandatory"),
    "none": gettext_lazy("no legal obligation recorded"),
    "finished": gettext_lazy("closed or stopped"),
}


class ScoreFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Org unit"),
        required=False,
        queryset=OrgUnit.objects.none(),
        widget=forms.Select(attrs=SELECT),
    )
    finished = forms.BooleanField(
        label=gettext_lazy("Include closed and stopped initiatives"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ModelChoiceField)
        unit.queryset = units
        unit.empty_label = _("All org units")


class _Filters:
    """What the filter-bar component needs: an object with a ``form``."""

    def __init__(self, form: forms.Form) -> None:
        self.form = form


class WeightsForm(forms.ModelForm):  # type: ignore[type-arg]
    enabled_criteria = forms.MultipleChoiceField(
        label=gettext_lazy("Criteria in use"),
        required=False,
        choices=[(criterion.value, LABELS[criterion]) for criterion in CRITERIA],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
        help_text=gettext_lazy("A criterion that is not in use counts for nothing, whatever its weight."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ScoringConfiguration
        fields = list(CONFIG_FIELDS)
        widgets = {
            **{
                f"weight_{criterion.value}": forms.NumberInput(attrs={**TEXTBOX, "min": 0, "max": 100})
                for criterion in CRITERIA
            },
            "cost_reference": forms.TextInput(attrs={**TEXTBOX, "inputmode": "decimal"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[f"weight_{criterion.value}"].help_text = EXPLANATIONS[criterion]


def _visible_units(user: Any) -> Any:
    return OrgUnit.objects.filter(scope_filter(user, Capability.VIEW_PORTFOLIO, "path")).order_by("path")


def _refuse_outsiders(user: Any) -> None:
    if not has_capability(user, Capability.VIEW_PORTFOLIO) and not Initiative.objects.for_user(user).exists():
        raise PermissionDenied


def _organisations(user: Any) -> list[OrgUnit]:
    roots = {root_id(unit_path) for unit_path in _visible_units(user).values_list("path", flat=True)}
    return list(OrgUnit.objects.filter(pk__in=roots).order_by("name"))


def _criteria_rows(configuration: ScoringConfiguration) -> list[dict[str, Any]]:
    weights = weights_of(configuration)
    total = weights.total
    return [
        {
            "label": LABELS[criterion],
            "explanation": EXPLANATIONS[criterion],
            "weight": weights.weights.get(criterion, 0),
            "enabled": criterion in weights.enabled,
            "share": Decimal(100 * weights.effective(criterion)) / total if total else Decimal(0),
        }
        for criterion in CRITERIA
    ]


@require_safe
@login_required
def score_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    _refuse_outsiders(user)
    form = ScoreFilterForm(request.GET or None, units=_visible_units(user))
    queryset = Initiative.objects.for_user(user)
    include_finished = False
    if form.is_bound and form.is_valid():
        if form.cleaned_data["unit"]:
            queryset = queryset.filter(org_unit__path__startswith=form.cleaned_data["unit"].path)
        include_finished = form.cleaned_data["finished"]
    if not include_finished:
        queryset = queryset.exclude(phase__in=FINISHED)
    scores = scores_for(queryset)
    codes = dict(Initiative.objects.filter(pk__in=queryset.values("pk")).values_list("pk", "code"))
    ranking = {pk: position for position, pk in enumerate(rank(scores, codes), start=1)}
    sort = request.GET.get("sort", "rank")
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if key not in SORTS:
        key, descending = "rank", False
    ordered = sorted(scores, key=lambda pk: ranking[pk])
    if key == "rank":
        if descending:
            ordered.reverse()
    elif key == "code":
        ordered.sort(key=lambda pk: codes[pk], reverse=descending)
    else:
        criterion = Criterion(key)
        ordered.sort(key=lambda pk: scores[pk].part(criterion).points, reverse=descending)
    page = Paginator(ordered, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    initiatives = Initiative.objects.select_related("org_unit").in_bulk(list(page.object_list))
    rows = [
        {"initiative": initiatives[pk], "rank": ranking[pk], "score": scores[pk]}
        for pk in page.object_list
        if pk in initiatives
    ]
    configurations = [
        {
            "organisation": organisation,
            "criteria": _criteria_rows(configuration_for(organisation)),
            "may_manage": may_manage(user, organisation),
        }
        for organisation in _organisations(user)
    ]
    context = {
        "filter": _Filters(form),
        "page": page,
        "rows": rows,
        "criteria": [(criterion.value, LABELS[criterion]) for criterion in CRITERIA],
        "configurations": configurations,
    }
    return render(request, "planning/scoring/score_list.html", context)


def _raw_text(part: Part) -> str:
    if part.criterion is Criterion.STRATEGIC:
        count = int(str(part.detail.get("contributions", 0)))
        text = ngettext(
            "%(points)s points from %(count)s contribution", "%(points)s points from %(count)s contributions", count
        )
        return text % {"points": part.raw, "count": count}
    if part.criterion is Criterion.LEGAL:
        return str(SOURCES[part.source])
    if part.raw is None:
        return str(SOURCES[part.source]) if part.source else _("no data")
    if part.criterion is Criterion.RISK:
        return _("rating %(rating)s (%(source)s)") % {"rating": part.raw, "source": SOURCES[part.source]}
    if part.criterion is Criterion.URGENCY:
        return _("%(days)s days to the end date") % {"days": part.raw}
    amount = formats.number_format(part.raw, 2, force_grouping=True)
    return _("€ %(amount)s (%(source)s)") % {"amount": amount, "source": SOURCES[part.source]}


@require_safe
@login_required
def score_detail(request: HttpRequest, code: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative.objects.for_user(request.user).select_related("org_unit"), code=code)
    breakdown = scores_for([initiative])[initiative.pk]
    parts = [
        {
            "part": part,
            "label": LABELS[part.criterion],
            "explanation": EXPLANATIONS[part.criterion],
            "raw": _raw_text(part),
            "percent": part.normalised * 100,
            "share": part.share * 100,
        }
        for part in breakdown.parts
    ]
    context = {"initiative": initiative, "breakdown": breakdown, "parts": parts}
    return render(request, "planning/scoring/score_detail.html", context)


def _criteria_text(names: Any) -> str:
    return ", ".join(str(LABELS[criterion]) for criterion in CRITERIA if criterion.value in names) or "—"


def _conflicts(stored: ScoringConfiguration, values: dict[str, Any]) -> list[Conflict]:
    """The fields that differ; the criteria in use by their names rather than as a list of codes."""
    result = []
    for conflict in differences(stored, values, CONFIG_FIELDS):
        if conflict.label == str(stored._meta.get_field("enabled_criteria").verbose_name).capitalize():
            conflict = Conflict(
                conflict.label, _criteria_text(values["enabled_criteria"]), _criteria_text(stored.enabled_criteria)
            )
        result.append(conflict)
    return result


@login_required
def weights_edit(request: HttpRequest, code: str) -> HttpResponse:
    organisation = OrgUnit.objects.filter(code=code, parent__isnull=True).first()
    if organisation is None or not has_capability(request.user, Capability.VIEW_PORTFOLIO, organisation.path):
        raise Http404
    if not may_manage(request.user, organisation):
        raise PermissionDenied
    configuration = configuration_for(organisation)
    form = WeightsForm(request.POST or None, instance=configuration, initial={"version": configuration.version})
    context: dict[str, Any] = {"organisation": organisation, "form": form, "conflicts": None, "stored": None}
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in CONFIG_FIELDS}
        try:
            update_configuration(request.user, organisation, values, form.cleaned_data["version"])
        except StaleVersion as stale:
            context.update(conflicts=_conflicts(stale.current, values), stored=stale.current)
            retry_with(form, request.POST, stale.current.version)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Scoring weights of %(unit)s saved.") % {"unit": organisation.name})
            return redirect("planning:scoring")
    return render(request, "planning/scoring/weights_form.html", context)


urlpatterns: list[URLPattern] = [
    path("planning/scoring/", score_list, name="scoring"),
    path("planning/scoring/weights/<str:code>/", weights_edit, name="scoring-weights"),
    path("planning/scoring/<str:code>/", score_detail, name="scoring-detail"),
]
