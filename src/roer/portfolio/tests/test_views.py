import pytest
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.portfolio.models import Initiative, Phase
from roer.portfolio.tests.factories import InitiativeFactory
from roer.strategy.tests.factories import ContributionFactory


def _edit_payload(initiative, **changes):
    data = {
        "name": initiative.name,
        "org_unit": initiative.org_unit_id,
        "phase": initiative.phase,
        "sponsor": initiative.sponsor_id or "",
        "manager": initiative.manager_id or "",
        "problem_statement": initiative.problem_statement,
        "description": initiative.description,
        "version": initiative.version,
    }
    data.update(changes)
    return data


@pytest.fixture
def urls(world):
    code = world.initiative.code
    return {
        "list": reverse("portfolio:initiative-list"),
        "export": reverse("portfolio:initiative-export"),
        "create": reverse("portfolio:initiative-create"),
        "detail": reverse("portfolio:initiative-detail", args=[code]),
        "edit": reverse("portfolio:initiative-edit", args=[code]),
        "history": reverse("portfolio:initiative-history", args=[code]),
    }


def test_anonymous_is_sent_to_sign_in(client, urls):
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_outsider_sees_no_initiative_anywhere(client, world, urls):
    client.force_login(world.charlie)
    for name in ("detail", "edit", "history"):
        assert client.get(urls[name]).status_code == 404, name
    assert client.get(urls["create"]).status_code == 403
    assert client.post(urls["create"], {"name": "x"}).status_code == 403
    listing = client.get(urls["list"])
    assert listing.status_code == 200 and world.initiative.code not in listing.content.decode()
    export = b"".join(client.get(urls["export"]).streaming_content).decode()
    assert world.initiative.code not in export and world.other_initiative.code not in export


def test_list_shows_scope_only_and_filters(client, world, urls):
    InitiativeFactory(
        code="MINBZ-0100", name="Basisregistratie adressen", org_unit=world.department, phase=Phase.EXECUTION
    )
    client.force_login(world.alice)
    body = client.get(urls["list"]).content.decode()
    assert "MINBZ-0001" in body and "MINBZ-0100" in body and "MINBZ-0002" not in body
    body = client.get(urls["list"], {"phase": "execution"}).content.decode()
    assert "MINBZ-0100" in body and "MINBZ-0001" not in body
    body = client.get(urls["list"], {"q": "adressen"}).content.decode()
    assert "MINBZ-0100" in body and "MINBZ-0001" not in body
    body = client.get(urls["list"], {"unit": world.directorate.pk}).content.decode()
    assert "MINBZ-0001" in body and "MINBZ-0100" not in body


def test_list_sorts_and_paginates(client, world, urls, settings):
    settings.ROER_PAGE_SIZE = 2
    for n in range(3):
        InitiativeFactory(code=f"MINBZ-02{n}0", name=f"Project {'CBA'[n]}", org_unit=world.department)
    client.force_login(world.alice)
    page = client.get(urls["list"], {"sort": "-name"}).context["page"]
    assert [i.name for i in page] == ["Regie op gegevens", "Project C"]
    assert page.paginator.num_pages == 2
    second = client.get(urls["list"], {"sort": "-name", "page": 2}).context["page"]
    assert [i.name for i in second] == ["Project B", "Project A"]


def test_htmx_filter_returns_only_the_results(client, world, urls):
    client.force_login(world.alice)
    response = client.get(urls["list"], {"q": "Regie"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "MINBZ-0001" in body and "<html" not in body


def test_export_follows_filters(client, world, urls):
    client.force_login(world.alice)
    response = client.get(urls["export"], {"q": "Regie"})
    content = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert content.splitlines()[0].startswith("Code,Name")
    assert "MINBZ-0001,Regie op gegevens" in content


def test_viewer_may_look_but_not_change(client, world, urls):
    client.force_login(world.bob)
    assert client.get(urls["detail"]).status_code == 200
    assert client.get(urls["edit"]).status_code == 403
    assert client.post(urls["edit"], _edit_payload(world.initiative, name="Gekaapt")).status_code == 403
    assert client.get(urls["create"]).status_code == 403
    world.initiative.refresh_from_db()
    assert world.initiative.name == "Regie op gegevens"


def test_create_assigns_a_code_and_is_audited(client, world, urls):
    client.force_login(world.alice)
    response = client.post(
        urls["create"],
        {
            "code": "",
            "name": "Digitale kluis",
            "org_unit": world.department.pk,
            "phase": "idea",
            "problem_statement": "Geen",
        },
    )
    created = Initiative.objects.get(name="Digitale kluis")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert created.code == "MINBZ-0003"
    event = AuditEvent.objects.for_object(created).get()
    assert event.action == "create" and event.source == "web" and event.actor == world.alice
    assert event.after["name"] == "Digitale kluis"


def test_create_validates_with_specific_messages(client, world, urls):
    client.force_login(world.alice)
    response = client.post(
        urls["create"], {"code": "bad code!", "name": "", "org_unit": world.other_department.pk, "phase": "idea"}
    )
    form = response.context["form"]
    assert response.status_code == 200
    assert "name" in form.errors and "code" in form.errors
    assert "org_unit" in form.errors  # alice may not register in another department
    duplicate = client.post(
        urls["create"], {"code": "MINBZ-0001", "name": "X", "org_unit": world.department.pk, "phase": "idea"}
    )
    assert "already in use" in str(duplicate.context["form"].errors["code"])


def test_edit_saves_and_records_before_and_after(client, world, urls):
    client.force_login(world.alice)
    response = client.post(urls["edit"], _edit_payload(world.initiative, name="Regie op eigen gegevens"))
    assert response.status_code == 302
    world.initiative.refresh_from_db()
    assert world.initiative.name == "Regie op eigen gegevens" and world.initiative.version == 2
    event = AuditEvent.objects.for_object(world.initiative).filter(action="update").get()
    assert event.before["name"] == "Regie op gegevens" and event.after["name"] == "Regie op eigen gegevens"
    assert event.source == "web" and event.actor == world.alice and "name" in event.changed_fields


def test_stale_edit_is_refused_and_shows_newer_values(client, world, urls):
    client.force_login(world.alice)
    stale_form = _edit_payload(world.initiative, name="Mijn versie")
    # Someone else saves first.
    assert client.post(urls["edit"], _edit_payload(world.initiative, name="Hun versie")).status_code == 302
    response = client.post(urls["edit"], stale_form)
    assert response.status_code == 200
    body = response.content.decode()
    assert "someone else changed this initiative" in body
    assert "Hun versie" in body and "Mijn versie" in body
    world.initiative.refresh_from_db()
    assert world.initiative.name == "Hun versie"
    # Saving again after seeing the conflict is a deliberate choice, and works.
    again = dict(stale_form, version=response.context["form"].data["version"])
    assert client.post(urls["edit"], again).status_code == 302
    world.initiative.refresh_from_db()
    assert world.initiative.name == "Mijn versie" and world.initiative.version == 3


def test_moving_to_a_unit_outside_scope_is_refused(client, world, urls):
    client.force_login(world.alice)
    response = client.post(urls["edit"], _edit_payload(world.initiative, org_unit=world.other_department.pk))
    assert response.status_code == 200 and "org_unit" in response.context["form"].errors
    world.initiative.refresh_from_db()
    assert world.initiative.org_unit == world.directorate


def test_history_lists_changes(client, world, urls):
    ContributionFactory(initiative=world.initiative, goal__org_unit=world.department)  # the intake rule
    client.force_login(world.alice)
    client.post(urls["edit"], _edit_payload(world.initiative, phase="intake"))
    body = client.get(urls["history"]).content.decode()
    assert "phase" in body and "intake" in body


def test_generated_codes_count_past_four_digits_and_skip_free_text_codes(world):
    from roer.portfolio.services import next_code

    InitiativeFactory(code="MINBZ-9999", org_unit=world.department)
    InitiativeFactory(code="MINBZ-PILOT-ZAAK", org_unit=world.department)
    assert next_code(world.directorate) == "MINBZ-10000"
    InitiativeFactory(code="MINBZ-10000", org_unit=world.department)
    assert next_code(world.department) == "MINBZ-10001"
