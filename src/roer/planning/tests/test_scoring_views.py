"""Scoring pages: who sees which scores, who may change the weights, and stale edits refused."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roer.audit.models import AuditEvent
from roer.organisation.tests.factories import PersonFactory
from roer.planning.models import ScoringConfiguration
from roer.planning.tests.test_scoring_services import well_documented
from roer.portfolio.tests.factories import InitiativeFactory

LIST = reverse("planning:scoring")


def _weights_url(world: Any) -> str:
    return reverse("planning:scoring-weights", args=[world.ministry.code])


def _form(version: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "weight_strategic": 40,
        "weight_legal": 25,
        "weight_risk": 20,
        "weight_urgency": 15,
        "weight_cost": 10,
        "enabled_criteria": ["strategic", "legal", "risk", "urgency"],
        "cost_reference": "1000000",
        "version": version,
    }
    data.update(changes)
    return data


def test_the_ranked_list_shows_only_what_the_person_may_see(client: Any, world: Any) -> None:
    well_documented(world.initiative, world.alice)
    client.force_login(world.alice)
    response = client.get(LIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "MINBZ-0001" in content and "MINBZ-0002" not in content
    assert "Criteria and weights of Ministerie van Binnenzaken" in content
    assert "<caption" in content and 'scope="col"' in content
    assert reverse("planning:scoring-weights", args=[world.ministry.code]) not in content  # alice is no root CIO


def test_the_list_ranks_by_score_and_filters_on_unit(client: Any, world: Any) -> None:
    well_documented(world.initiative, world.alice)
    client.force_login(world.audrey)
    response = client.get(LIST)
    rows = response.context["rows"]
    assert [row["initiative"].code for row in rows] == ["MINBZ-0001", "MINBZ-0002"]
    assert [row["rank"] for row in rows] == [1, 2]
    response = client.get(LIST, {"unit": world.other_department.pk})
    assert [row["initiative"].code for row in response.context["rows"]] == ["MINBZ-0002"]
    response = client.get(LIST, {"sort": "-rank"})
    assert [row["initiative"].code for row in response.context["rows"]] == ["MINBZ-0002", "MINBZ-0001"]
    response = client.get(LIST, {"sort": "strategic"})
    assert [row["initiative"].code for row in response.context["rows"]] == ["MINBZ-0002", "MINBZ-0001"]


def test_closed_initiatives_only_on_request(client: Any, world: Any) -> None:
    world.other_initiative.phase = "closed"
    world.other_initiative.save()
    client.force_login(world.audrey)
    assert [row["initiative"].code for row in client.get(LIST).context["rows"]] == ["MINBZ-0001"]
    response = client.get(LIST, {"finished": "on"})
    assert len(response.context["rows"]) == 2


def test_the_breakdown_page(client: Any, world: Any) -> None:
    well_documented(world.initiative, world.alice)
    client.force_login(world.bob)
    response = client.get(reverse("planning:scoring-detail", args=["MINBZ-0001"]))
    assert response.status_code == 200
    content = response.content.decode()
    breakdown = response.context["breakdown"]
    assert f"<strong>{breakdown.value}</strong>" in content and "Score breakdown" in content
    assert "4 points from 1 contribution<" in content
    assert "rating 4 (CIO risk rating)" in content


def test_outsiders_are_refused(client: Any, world: Any) -> None:
    client.force_login(world.charlie)
    assert client.get(reverse("planning:scoring-detail", args=["MINBZ-0001"])).status_code == 404
    assert client.get(_weights_url(world)).status_code == 404
    response = client.get(LIST)
    assert response.status_code == 200 and "MINBZ" not in response.content.decode()
    client.force_login(PersonFactory(username="nobody"))
    assert client.get(LIST).status_code == 403
    client.logout()
    assert client.get(LIST).status_code == 302


def test_only_a_root_policy_maker_may_change_the_weights(client: Any, world: Any) -> None:
    client.force_login(world.audrey)  # sees the whole ministry, sets no policy
    assert client.get(_weights_url(world)).status_code == 403
    assert client.post(_weights_url(world), _form(0)).status_code == 403
    client.force_login(world.alice)  # CIO of a department, does not even see the organisation's own unit
    assert client.post(_weights_url(world), _form(0)).status_code == 404
    assert "Criteria and weights of Ministerie van Binnenzaken" in client.get(LIST).content.decode()
    assert not ScoringConfiguration.objects.exists()


def test_changing_the_weights_is_audited_and_changes_the_scores(client: Any, world: Any) -> None:
    client.force_login(world.frank)
    assert reverse("planning:scoring-weights", args=[world.ministry.code]) in client.get(LIST).content.decode()
    assert client.get(_weights_url(world)).status_code == 200
    response = client.post(_weights_url(world), _form(0, weight_risk=0, weight_strategic=0, weight_urgency=0))
    assert response.status_code == 302
    stored = ScoringConfiguration.objects.get(organisation=world.ministry)
    assert (stored.weight_legal, stored.version) == (25, 1)
    assert AuditEvent.objects.filter(content_type__model="scoringconfiguration").exists()
    world.initiative.mandatory = True
    world.initiative.save()
    rows = client.get(LIST).context["rows"]
    assert [(row["initiative"].code, str(row["score"].value)) for row in rows] == [
        ("MINBZ-0001", "100.00"),
        ("MINBZ-0002", "0.00"),
    ]


def test_a_stale_edit_of_the_weights_is_refused(client: Any, world: Any) -> None:
    client.force_login(world.frank)
    assert client.post(_weights_url(world), _form(0, weight_legal=50)).status_code == 302
    assert client.post(_weights_url(world), _form(1, weight_legal=60)).status_code == 302
    response = client.post(_weights_url(world), _form(1, weight_legal=10))  # opened before the second save
    assert response.status_code == 200
    content = response.content.decode()
    assert "someone else changed this meanwhile" in content
    stored = ScoringConfiguration.objects.get(organisation=world.ministry)
    assert (stored.weight_legal, stored.version) == (60, 2)
    assert [c.label for c in response.context["conflicts"]] == ["Weight of legal obligation"]
    assert response.context["form"].data["version"] == "2"  # armed for a deliberate retry
    assert client.post(_weights_url(world), _form(2, weight_legal=10)).status_code == 302
    assert ScoringConfiguration.objects.get(organisation=world.ministry).weight_legal == 10


def test_a_form_opened_before_the_first_save_is_refused_after_it(client: Any, world: Any) -> None:
    client.force_login(world.frank)
    assert client.post(_weights_url(world), _form(0, weight_legal=50)).status_code == 302
    response = client.post(_weights_url(world), _form(0, weight_legal=10))
    assert response.status_code == 200 and response.context["stored"].weight_legal == 50


def test_invalid_weights_are_refused(client: Any, world: Any) -> None:
    client.force_login(world.frank)
    response = client.post(_weights_url(world), _form(0, weight_legal=101, cost_reference="0"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"weight_legal", "cost_reference"}


def _list_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_runs_in_a_fixed_number_of_queries(client: Any, world: Any) -> None:
    client.force_login(world.audrey)
    few = _list_queries(client)
    for _ in range(40):
        well_documented(InitiativeFactory(org_unit=world.directorate), world.alice)
    assert _list_queries(client) == few


def test_the_pages_speak_dutch(client: Any, world: Any) -> None:
    well_documented(world.initiative, world.alice)
    client.force_login(world.bob)
    client.cookies["django_language"] = "nl"
    content = client.get(reverse("planning:scoring-detail", args=["MINBZ-0001"])).content.decode()
    assert "Opbouw van de score" in content and "Wettelijke verplichting" in content
    assert "€ 800.000,00" in content and "4 punten uit 1 bijdrage<" in content
    content = client.get(LIST).content.decode()
    assert "Criteria en gewichten van Ministerie van Binnenzaken" in content


def test_a_stale_change_of_the_criteria_in_use_shows_their_names(client: Any, world: Any) -> None:
    client.force_login(world.frank)
    assert client.post(_weights_url(world), _form(0, enabled_criteria=["legal"])).status_code == 302
    response = client.post(_weights_url(world), _form(0, enabled_criteria=["legal", "cost"]))
    [conflict] = response.context["conflicts"]
    assert (conflict.stored, conflict.yours) == ("Legal obligation", "Legal obligation, Cost")


def test_an_outsider_cannot_post_weights(client: Any, world: Any) -> None:
    client.force_login(world.charlie)
    assert client.post(_weights_url(world), _form(0)).status_code == 404
    assert not ScoringConfiguration.objects.exists()


def test_the_scoring_page_sits_under_scenarios_in_the_navigation(client: Any, world: Any) -> None:
    client.force_login(world.bob)
    content = client.get(LIST).content.decode()
    assert f'aria-current="page" href="{reverse("planning:scenario-list")}"' in content  # the main navigation
