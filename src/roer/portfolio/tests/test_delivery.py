"""The delivery lists of the initiative file: add, change and remove, validated, permitted, audited."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from roer.audit.context import Source, acting
from roer.audit.models import AuditEvent
from roer.portfolio.models import DevelopmentParty, Milestone, ParliamentaryDocument, QualityReview, SocietalBenefit
from roer.portfolio.services.delivery import add_entry, delete_entry, milestone_figures, update_entry

TODAY = datetime.date.today()
PAST = TODAY - datetime.timedelta(days=30)
FUTURE = TODAY + datetime.timedelta(days=30)

# Per list: the form values to add an entry, a change, and the model.
CASES = {
    "milestones": (
        {"description": "Pilot live", "expected_on": PAST.isoformat(), "plan_version": "1.0"},
        {"description": "Pilot live in drie gemeenten"},
        Milestone,
    ),
    "quality-reviews": (
        {"held_on": PAST.isoformat(), "party": "BIT", "kind": "gateway", "outcome": "Doorgaan"},
        {"party": "Adviescollege ICT-toetsing"},
        QualityReview,
    ),
    "societal-benefits": (
        {"explanation": "Minder wachttijd", "one_off_amount": "1000", "yearly_amount": "250.50"},
        {"explanation": "Kortere wachttijd"},
        SocietalBenefit,
    ),
    "development-parties": ({"party": "Logius", "role": "Bouwer"}, {"role": "Beheerder"}, DevelopmentParty),
    "documents": (
        {"title": "Kamerbrief voortgang", "number": "26643-1234", "link": "https://example.org/k", "letter_date": ""},
        {"independent_advice": "on"},
        ParliamentaryDocument,
    ),
}


def _form_values(entry, fields):
    values = {}
    for name in fields:
        value = getattr(entry, name)
        if isinstance(value, bool):
            if value:
                values[name] = "on"
        elif name == "met_requirements":
            values[name] = "unknown"
        else:
            values[name] = "" if value is None else str(value)
    return values


@pytest.mark.parametrize("slug", list(CASES))
def test_add_change_remove_through_the_pages_audited(client, world, slug):
    added, change, model = CASES[slug]
    code = world.initiative.code
    client.force_login(world.alice)
    response = client.post(reverse(f"portfolio:delivery-{slug}-add", args=[code]), added)
    assert response.status_code == 302, response.context["form"].errors
    entry = model._default_manager.get(initiative=world.initiative)
    assert client.get(world.initiative.get_absolute_url()).status_code == 200

    from roer.portfolio.services.delivery import LISTS

    values = {**_form_values(entry, LISTS[slug].fields), **change}
    response = client.post(reverse(f"portfolio:delivery-{slug}-edit", args=[code, entry.pk]), values)
    assert response.status_code == 302, response.context["form"].errors
    update = AuditEvent.objects.for_object(entry).get(action="update")
    name = next(iter(change))
    assert update.actor == world.alice and update.source == "web" and name in update.changed_fields
    assert update.before[name] != update.after[name]

    assert client.get(reverse(f"portfolio:delivery-{slug}-delete", args=[code, entry.pk])).status_code == 200
    response = client.post(reverse(f"portfolio:delivery-{slug}-delete", args=[code, entry.pk]))
    assert response.status_code == 302 and not model._default_manager.exists()
    assert AuditEvent.objects.for_object(entry).filter(action="delete").get().before


@pytest.mark.parametrize("slug", list(CASES))
def test_viewer_refused_outsider_404_anonymous_redirected(client, world, slug):
    added, _change, model = CASES[slug]
    entry = add_entry(world.alice, world.initiative, slug, _clean(slug, added))
    code = world.initiative.code
    urls = [
        reverse(f"portfolio:delivery-{slug}-add", args=[code]),
        reverse(f"portfolio:delivery-{slug}-edit", args=[code, entry.pk]),
        reverse(f"portfolio:delivery-{slug}-delete", args=[code, entry.pk]),
    ]
    for url in urls:
        assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(world.bob)
    for url in urls:
        assert client.get(url).status_code == 403 and client.post(url, added).status_code == 403
    client.force_login(world.charlie)
    for url in urls:
        assert client.get(url).status_code == 404 and client.post(url, added).status_code == 404
    assert model._default_manager.count() == 1


def _clean(slug, values):
    from roer.portfolio.forms_delivery import entry_form_class

    form = entry_form_class(slug)(values)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_an_entry_of_another_initiative_is_not_found(client, world):
    other = add_entry(world.frank, world.other_initiative, "development-parties", {"party": "X", "role": "Y"})
    client.force_login(world.frank)
    url = reverse("portfolio:delivery-development-parties-edit", args=[world.initiative.code, other.pk])
    assert client.get(url).status_code == 404


def test_services_check_permission_and_rules(world):
    with pytest.raises(PermissionDenied):
        add_entry(world.bob, world.initiative, "development-parties", {"party": "X", "role": "Y"})
    with pytest.raises(ValidationError) as refused:
        add_entry(
            world.alice, world.initiative, "milestones", {"description": "A", "expected_on": PAST, "achieved": True}
        )
    assert "realised_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add_entry(
            world.alice,
            world.initiative,
            "milestones",
            {"description": "A", "expected_on": PAST, "realised_on": FUTURE},
        )
    assert "realised_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add_entry(world.alice, world.initiative, "societal-benefits", {"explanation": "B", "yearly_amount": -1})
    assert "yearly_amount" in refused.value.message_dict
    with pytest.raises(ValidationError):
        add_entry(world.alice, world.initiative, "quality-reviews", {"held_on": FUTURE, "party": "P", "kind": "nope"})
    with pytest.raises(ValidationError):
        add_entry(world.alice, world.initiative, "documents", {"title": "T", "link": "not a link"})
    assert not Milestone.objects.exists() and not SocietalBenefit.objects.exists()


def test_page_shows_validation_errors(client, world):
    client.force_login(world.alice)
    url = reverse("portfolio:delivery-milestones-add", args=[world.initiative.code])
    response = client.post(url, {"description": "A", "expected_on": PAST.isoformat(), "achieved": "on"})
    assert response.status_code == 200
    assert "An achieved milestone needs the date it was realised." in response.content.decode()


def test_milestone_figures_and_service_audit(world):
    with acting(actor=world.alice, source=Source.WEB):
        done = add_entry(
            world.alice,
            world.initiative,
            "milestones",
            {
                "description": "Done",
                "expected_on": PAST,
                "realised_on": PAST,
                "achieved": True,
                "met_requirements": True,
            },
        )
        add_entry(world.alice, world.initiative, "milestones", {"description": "Late", "expected_on": PAST})
        add_entry(world.alice, world.initiative, "milestones", {"description": "Coming", "expected_on": FUTURE})
        update_entry(world.alice, "milestones", done, {"plan_version": "2.1"})
    figures = milestone_figures(world.initiative)
    assert (figures.total, figures.achieved, figures.late) == (3, 1, 1)
    event = AuditEvent.objects.for_object(done).get(action="update")
    assert event.before["plan_version"] == "" and event.after["plan_version"] == "2.1"
    with acting(actor=world.alice, source=Source.WEB):
        delete_entry(world.alice, "milestones", done)
    assert milestone_figures(world.initiative).total == 2


def test_detail_page_lists_delivery(client, world):
    add_entry(world.alice, world.initiative, "milestones", {"description": "Late one", "expected_on": PAST})
    client.force_login(world.bob)
    body = client.get(world.initiative.get_absolute_url()).content.decode()
    assert "Late one" in body and "0 of 1 achieved; 1 late" in body
    assert "Add a milestone" not in body  # bob only looks
    client.force_login(world.alice)
    assert "Add a milestone" in client.get(world.initiative.get_absolute_url()).content.decode()


def test_team_size_increment_and_dashboard_fields_are_editable(client, world):
    initiative = world.initiative
    client.force_login(world.alice)
    values = {
        "name": initiative.name,
        "org_unit": initiative.org_unit_id,
        "phase": initiative.phase,
        "problem_statement": initiative.problem_statement,
        "version": initiative.version,
        "team_size": "9",
        "increment_months": "4",
        "start_date": "2025-03-01",
        "activity_type": "new",
        "approach": "agile",
        "topic": "Gegevensuitwisseling",
        "service_domain": "Burgers",
        "public": "on",
    }
    response = client.post(reverse("portfolio:initiative-edit", args=[initiative.code]), values)
    assert response.status_code == 302, response.context["form"].errors
    initiative.refresh_from_db()
    assert (initiative.team_size, initiative.increment_months, initiative.approach) == (9, 4, "agile")
    assert initiative.public and initiative.start_date == datetime.date(2025, 3, 1)
    body = client.get(initiative.get_absolute_url()).content.decode()
    assert "9 people" in body and "4 months" in body and "Gegevensuitwisseling" in body
