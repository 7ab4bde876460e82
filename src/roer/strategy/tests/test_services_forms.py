"""The strategy forms offer only what the person may pick and feed the services their values."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from roer.conftest import World
from roer.strategy.forms import ContributionForm, GoalForm, KpiForm, MeasurementForm, MeasurementImportForm
from roer.strategy.models import GoalLevel
from roer.strategy.services import create_kpi, update_goal
from roer.strategy.tests.goal_world import Goals, goals_fixture  # noqa: F401  (the fixture "goals")


def test_the_goal_form_offers_alices_units_and_the_goals_above_to_serve(world: World, goals: Goals) -> None:
    form = GoalForm(user=world.alice)
    assert set(form.fields["org_unit"].queryset) == {world.department, world.directorate}  # type: ignore[attr-defined]
    assert set(form.fields["parent"].queryset) == {goals.ambition, goals.strategic}  # type: ignore[attr-defined]
    assert world.charlie not in form.fields["owner"].queryset  # type: ignore[attr-defined]


def test_changing_a_goal_through_its_form_needs_the_version(world: World, goals: Goals) -> None:
    data = {
        "org_unit": world.department.pk,
        "level": GoalLevel.OBJECTIVE,
        "parent": goals.strategic.pk,
        "title": "Inloggen in één stap",
    }
    assert not GoalForm(data, instance=goals.objective, user=world.alice).is_valid()
    form = GoalForm({**data, "version": 1}, instance=goals.objective, user=world.alice)
    assert form.is_valid(), form.errors
    saved = update_goal(world.alice, goals.objective, form.cleaned_data, form.cleaned_data["version"])
    assert (saved.title, saved.version) == ("Inloggen in één stap", 2)


def test_a_kpi_form_with_dutch_numbers_creates_a_kpi_for_the_chosen_goals(world: World, goals: Goals) -> None:
    data = {
        "org_unit": world.department.pk,
        "name": "Klanttevredenheid",
        "unit_of_measure": "cijfer",
        "direction": "higher",
        "baseline_value": "6,8",
        "baseline_date": "2024-12-31",
        "target_value": "7,5",
        "target_date": "2027-12-31",
        "frequency": "yearly",
        "goals": [goals.objective.pk],
    }
    with translation.override("nl"):
        form = KpiForm(data, user=world.alice)
        assert form.is_valid(), form.errors
    kpi = create_kpi(world.alice, form.cleaned_data)
    assert (kpi.baseline_value, list(kpi.goals.all())) == (Decimal("6.8"), [goals.objective])
    assert KpiForm(instance=kpi, user=world.alice).fields["goals"].initial == [goals.objective]


def test_the_measurement_form_reads_the_notation_of_the_language(world: World, goals: Goals) -> None:
    with translation.override("nl"):
        form = MeasurementForm({"measured_on": "2025-03-31", "value": "52,5"})
        assert form.is_valid() and form.cleaned_data["value"] == Decimal("52.5")
    with translation.override("en"):
        form = MeasurementForm({"measured_on": "2025-03-31", "value": "52.5"})
        assert form.is_valid() and form.cleaned_data["value"] == Decimal("52.5")


def test_the_contribution_form_offers_visible_goals_and_kpis_only(world: World, goals: Goals) -> None:
    form = ContributionForm(user=world.alice)
    assert goals.elsewhere not in form.fields["goal"].queryset  # type: ignore[attr-defined]
    assert set(form.fields["kpi"].queryset) == {goals.kpi, goals.org_kpi}  # type: ignore[attr-defined]


def test_the_import_form_takes_csv_and_xlsx_only() -> None:
    upload = SimpleUploadedFile("metingen.txt", b"kpi;date;value\n")
    assert set(MeasurementImportForm({}, MultiValueDict({"file": [upload]})).errors) == {"file"}
    upload = SimpleUploadedFile("metingen.csv", b"kpi;date;value\n")
    assert MeasurementImportForm({"replace": "on"}, MultiValueDict({"file": [upload]})).is_valid()
