"""The framework and compliance pages with someone who may act, a viewer and an outsider."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.template import engines
from django.test import Client, RequestFactory
from django.urls import reverse

from roer.governance.models import ComplianceState, Framework, SubjectKind
from roer.governance.services import compliance, frameworks
from roer.governance.services.frameworks import VersionState
from roer.governance.tests.conftest import Council
from roer.governance.tests.framework_setup import START, draft, framework, in_force

pytestmark = pytest.mark.django_db

UNTIL = (START + dt.timedelta(days=60)).date()


@pytest.fixture
def frozen() -> Iterator[object]:
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _get(client: Client, person: Any, url: str) -> Any:
    client.force_login(person)
    return client.get(url)


def test_framework_list_and_detail(client: Client, council: Council, frozen: object) -> None:
    item, decision = in_force(council)
    draft(council, item)
    list_url = reverse("governance:framework-list")
    detail_url = reverse("governance:framework-detail", args=[item.code])
    page = _get(client, council.tim, list_url).content.decode()
    assert "Cloudbeleid" in page and reverse("governance:framework-create") in page
    page = _get(client, council.world.bob, list_url).content.decode()
    assert "Cloudbeleid" in page and reverse("governance:framework-create") not in page
    page = _get(client, council.tim, detail_url).content.decode()
    assert decision.reference in page and "R1" in page and "MINBZ-0001" in page
    assert reverse("governance:framework-propose", args=[item.code, 2]) in page
    page = _get(client, council.world.bob, detail_url).content.decode()
    assert "MINBZ-0001" in page and reverse("governance:framework-draft", args=[item.code]) not in page
    assert _get(client, council.world.charlie, detail_url).status_code == 404
    assert "Cloudbeleid" not in _get(client, council.world.charlie, list_url).content.decode()


def test_create_a_framework(client: Client, council: Council) -> None:
    url = reverse("governance:framework-create")
    data = {"code": "ai", "title": "Generatieve AI", "org_unit": council.world.ministry.pk, "description": ""}
    client.force_login(council.world.bob)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    client.force_login(council.world.charlie)
    assert client.post(url, data).status_code == 403
    client.force_login(council.tim)
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:framework-draft", args=["ai"])
    assert Framework.objects.get(code="ai").org_unit == council.world.ministry
    response = client.post(url, data)  # the same code again
    assert response.status_code == 200 and "utrecht-form-field--invalid" in response.content.decode()


def test_draft_and_propose_a_version(client: Client, council: Council, frozen: object) -> None:
    item = framework(council)
    draft_url = reverse("governance:framework-draft", args=[item.code])
    data = {"summary": "Eerste", "effective_on": "2027-03-01", "requirements": "Data in de EU.\n\n- Exit-plan.\n"}
    for person, status in ((council.world.bob, 403), (council.world.charlie, 404)):
        client.force_login(person)
        assert client.post(draft_url, data).status_code == status
    client.force_login(council.tim)
    assert client.get(draft_url).status_code == 200
    response = client.post(draft_url, {**data, "requirements": "  "})
    assert response.status_code == 200 and "requirement" in response.content.decode()
    assert client.post(draft_url, data).status_code == 302
    version = item.versions.get()
    assert list(version.requirements.values_list("code", "statement")) == [
        ("R1", "Data in de EU."),
        ("R2", "Exit-plan."),
    ]

    propose_url = reverse("governance:framework-propose", args=[item.code, version.number])
    for person, status in ((council.world.bob, 403), (council.world.charlie, 404)):
        client.force_login(person)
        assert client.post(propose_url, {"scope_reason": "X"}).status_code == status
    client.force_login(council.tim)
    page = client.get(propose_url).content.decode()
    assert "CIO-raad" in page
    assert client.post(propose_url, {"scope_reason": "Het hele ministerie."}).status_code == 302
    assert frameworks.state_of(version) == VersionState.AWAITING
    assert version.proposals.get().subject_kind == SubjectKind.FRAMEWORK
    # Awaiting its decision: the draft page sends you back.
    assert client.get(draft_url).status_code == 302


def test_the_initiatives_compliance_page(client: Client, council: Council, frozen: object) -> None:
    item, _decision = in_force(council)
    initiative = council.world.initiative
    url = reverse("governance:initiative-compliance", args=[initiative.code])
    prefix = f"f{item.pk}"
    ask = {
        "framework": prefix,
        f"{prefix}-state": "exemption_requested",
        f"{prefix}-explanation": "Het contract loopt nog.",
        f"{prefix}-exemption_until": UNTIL.isoformat(),
        f"{prefix}-version": "",
    }
    # The viewer sees the frameworks but no form, and may not post.
    page = _get(client, council.world.bob, url).content.decode()
    assert "Cloudbeleid" in page and "No statement yet" in page and 'name="framework"' not in page
    assert client.post(url, ask).status_code == 403
    client.force_login(council.world.charlie)
    assert client.get(url).status_code == 404
    assert client.post(url, ask).status_code == 404
    # The portfolio manager asks for an exemption; without explanation first.
    client.force_login(council.paul)
    response = client.post(url, {**ask, f"{prefix}-explanation": ""})
    assert response.status_code == 200
    assert f'id="id_{prefix}-explanation_error"' in response.content.decode()
    response = client.post(url, ask)
    assert response.status_code == 302
    statement = initiative.compliance_statements.get()
    assert statement.state == ComplianceState.EXEMPTION_REQUESTED
    page = client.get(url).content.decode()
    assert statement.proposals.get().reference in page
    # The initiative's page links here.
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert url in page


def test_a_stale_statement_is_shown_not_overwritten(client: Client, council: Council, frozen: object) -> None:
    item, _decision = in_force(council)
    initiative = council.world.initiative
    compliance.state(council.paul, initiative, item, {"state": "complies", "explanation": "Eerst."})
    url = reverse("governance:initiative-compliance", args=[initiative.code])
    prefix = f"f{item.pk}"
    client.force_login(council.world.alice)
    data = {
        "framework": prefix,
        f"{prefix}-state": "complies",
        f"{prefix}-explanation": "Tweede.",
        f"{prefix}-version": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed this statement meanwhile" in page and "Eerst." in page
    assert initiative.compliance_statements.get().explanation == "Eerst."


def test_the_compliance_overview(client: Client, council: Council, frozen: object) -> None:
    item, _decision = in_force(council)
    compliance.state(
        council.paul,
        council.world.initiative,
        item,
        {"state": "exemption_requested", "explanation": "Contract.", "exemption_until": UNTIL},
    )
    url = reverse("governance:compliance-overview")
    page = _get(client, council.marc, url).content.decode()
    assert "Cloudbeleid" in page and "MINBZ-0001" in page
    page = _get(client, council.world.bob, f"{url}?unit={council.world.department.pk}").content.decode()
    assert "Cloudbeleid" in page and "MINBZ-0001" in page
    response = _get(client, council.world.charlie, url)
    assert response.status_code == 200
    assert "Cloudbeleid" not in response.content.decode() and "MINBZ-0001" not in response.content.decode()
    assert _get(client, council.world.charlie, f"{url}?unit={council.world.department.pk}").status_code == 404
    assert client.post(url).status_code == 405


def test_the_decision_effects_include(council: Council, frozen: object) -> None:
    item, decision = in_force(council)
    request = RequestFactory().get("/")
    request.user = council.world.bob
    template = engines["django"].from_string(
        '{% include "governance/frameworks/_decision_effects.html" with decision=decision %}'
    )
    html = template.render({"decision": decision}, request)
    assert "Cloudbeleid" in html and reverse("governance:framework-detail", args=[item.code]) in html


def test_a_sponsor_without_a_proposing_role_is_told_why_on_the_form(
    client: Client, council: Council, frozen: object
) -> None:
    item, _decision = in_force(council)
    initiative = council.world.initiative
    initiative.sponsor = council.world.bob
    initiative.save()
    prefix = f"f{item.pk}"
    client.force_login(council.world.bob)
    url = reverse("governance:initiative-compliance", args=[initiative.code])
    data = {
        "framework": prefix,
        f"{prefix}-state": "exemption_requested",
        f"{prefix}-explanation": "Nog niet.",
        f"{prefix}-exemption_until": UNTIL.isoformat(),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Asking for an exemption is a proposal" in response.content.decode()
    assert not initiative.compliance_statements.exists()
    data[f"{prefix}-state"] = "complies"
    assert client.post(url, data).status_code == 302
