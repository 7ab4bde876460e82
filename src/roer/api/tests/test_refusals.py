"""Every endpoint and method: anonymous callers get 401, an outsider is refused.

Charlie works in another organisation. For a list he gets his own scope, which
holds nothing of the ministry; everything else is 404 (outside his scope) or
403 (not allowed at all). The table must name every operation in the OpenAPI
document, so a new endpoint cannot go without this test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from roer.api.openapi import generate
from roer.api.tests.helpers import BASE, assert_problem, call, session_client, token_client
from roer.audit.models import AuditEvent
from roer.conftest import World
from roer.governance.api.tests.records import governance_url
from roer.planning.api.tests.records import planning_url
from roer.portfolio.api.tests.records import GATE_REVIEW, REPORT, WRITES, record
from roer.strategy.tests.factories import ContributionFactory, GoalFactory, KpiFactory, MeasurementFactory

# (method, path in the OpenAPI document, what charlie gets)
ENDPOINTS: list[tuple[str, str, int]] = [
    ("GET", "/org-units", 200),
    ("GET", "/org-units/{id}", 404),
    ("GET", "/people", 200),
    ("GET", "/people/{id}", 404),
    ("GET", "/role-assignments", 200),
    ("POST", "/role-assignments", 403),
    ("GET", "/role-assignments/{id}", 404),
    ("PUT", "/role-assignments/{id}", 404),
    ("PATCH", "/role-assignments/{id}", 404),
    ("DELETE", "/role-assignments/{id}", 404),
    ("GET", "/initiatives", 200),
    ("POST", "/initiatives", 403),
    ("GET", "/initiatives/{code}", 404),
    ("PUT", "/initiatives/{code}", 404),
    ("PATCH", "/initiatives/{code}", 404),
    ("GET", "/gate-reviews", 200),
    ("POST", "/gate-reviews", 403),
    ("GET", "/gate-reviews/{id}", 404),
    ("GET", "/baselines", 200),
    ("POST", "/baselines", 403),
    ("GET", "/baselines/{id}", 404),
    ("GET", "/cost-lines", 200),
    ("POST", "/cost-lines", 403),
    ("GET", "/cost-lines/{id}", 404),
    ("PUT", "/cost-lines/{id}", 404),
    ("PATCH", "/cost-lines/{id}", 404),
    ("GET", "/milestones", 200),
    ("POST", "/milestones", 403),
    ("GET", "/milestones/{id}", 404),
    ("PUT", "/milestones/{id}", 404),
    ("PATCH", "/milestones/{id}", 404),
    ("GET", "/quality-reviews", 200),
    ("POST", "/quality-reviews", 403),
    ("GET", "/quality-reviews/{id}", 404),
    ("PUT", "/quality-reviews/{id}", 404),
    ("PATCH", "/quality-reviews/{id}", 404),
    ("GET", "/societal-benefits", 200),
    ("POST", "/societal-benefits", 403),
    ("GET", "/societal-benefits/{id}", 404),
    ("PUT", "/societal-benefits/{id}", 404),
    ("PATCH", "/societal-benefits/{id}", 404),
    ("GET", "/development-parties", 200),
    ("POST", "/development-parties", 403),
    ("GET", "/development-parties/{id}", 404),
    ("PUT", "/development-parties/{id}", 404),
    ("PATCH", "/development-parties/{id}", 404),
    ("GET", "/parliamentary-documents", 200),
    ("POST", "/parliamentary-documents", 403),
    ("GET", "/parliamentary-documents/{id}", 404),
    ("PUT", "/parliamentary-documents/{id}", 404),
    ("PATCH", "/parliamentary-documents/{id}", 404),
    ("GET", "/status-reports", 200),
    ("POST", "/status-reports", 403),
    ("GET", "/status-reports/{id}", 404),
    ("PATCH", "/status-reports/{id}", 404),
    ("GET", "/cio-opinions", 200),
    ("POST", "/cio-opinions", 403),
    ("GET", "/cio-opinions/{id}", 404),
    ("GET", "/early-warnings", 200),
    ("GET", "/early-warnings/{id}", 404),
    ("GET", "/goals", 200),
    ("POST", "/goals", 403),
    ("GET", "/goals/{id}", 404),
    ("PUT", "/goals/{id}", 404),
    ("PATCH", "/goals/{id}", 404),
    ("DELETE", "/goals/{id}", 404),
    ("GET", "/kpis", 200),
    ("POST", "/kpis", 403),
    ("GET", "/kpis/{id}", 404),
    ("PUT", "/kpis/{id}", 404),
    ("PATCH", "/kpis/{id}", 404),
    ("GET", "/measurements", 200),
    ("POST", "/measurements", 403),
    ("GET", "/measurements/{id}", 404),
    ("PUT", "/measurements/{id}", 404),
    ("PATCH", "/measurements/{id}", 404),
    ("DELETE", "/measurements/{id}", 404),
    ("GET", "/contributions", 200),
    ("POST", "/contributions", 403),
    ("GET", "/contributions/{id}", 404),
    ("PUT", "/contributions/{id}", 404),
    ("PATCH", "/contributions/{id}", 404),
    ("DELETE", "/contributions/{id}", 404),
    ("GET", "/goal-spending", 200),
    ("GET", "/orphan-initiatives", 200),
    ("GET", "/orphan-goals", 200),
    ("GET", "/orphan-kpis", 200),
    ("GET", "/stale-kpis", 200),
    ("GET", "/audit-events", 403),
    ("GET", "/audit-events/{id}", 403),
    ("GET", "/governance/bodies", 200),
    ("POST", "/governance/bodies", 403),
    ("GET", "/governance/bodies/{id}", 404),
    ("PUT", "/governance/bodies/{id}", 404),
    ("PATCH", "/governance/bodies/{id}", 404),
    ("GET", "/governance/memberships", 200),
    ("GET", "/governance/memberships/{id}", 404),
    ("GET", "/governance/proposals", 200),
    ("POST", "/governance/proposals", 403),
    ("GET", "/governance/proposals/{reference}", 404),
    ("PUT", "/governance/proposals/{reference}", 404),
    ("PATCH", "/governance/proposals/{reference}", 404),
    ("GET", "/governance/proposals/{reference}/advice", 404),
    ("POST", "/governance/proposals/{reference}/advice", 404),
    ("POST", "/governance/proposals/{reference}/decisions", 404),
    ("POST", "/governance/proposals/{reference}/scope-changes", 404),
    ("POST", "/governance/proposals/{reference}/submissions", 404),
    ("GET", "/governance/proposals/{reference}/votes", 404),
    ("POST", "/governance/proposals/{reference}/votes", 404),
    ("POST", "/governance/proposals/{reference}/withdrawals", 404),
    ("GET", "/governance/decisions", 200),
    ("GET", "/governance/decisions/{reference}", 404),
    ("POST", "/governance/decisions/{reference}/corrections", 404),
    ("GET", "/governance/frameworks", 200),
    ("GET", "/governance/frameworks/{code}", 404),
    ("GET", "/governance/compliance-statements", 200),
    ("POST", "/governance/compliance-statements", 403),
    ("GET", "/governance/compliance-statements/{id}", 404),
    ("PUT", "/governance/compliance-statements/{id}", 404),
    ("PATCH", "/governance/compliance-statements/{id}", 404),
    ("GET", "/governance/decision-types", 200),
    ("GET", "/governance/decision-types/{code}", 200),
    ("PUT", "/governance/decision-types/{code}", 403),
    ("PATCH", "/governance/decision-types/{code}", 403),
    ("GET", "/governance/meetings", 200),
    ("GET", "/governance/meetings/{id}", 404),
    ("GET", "/planning/scenarios", 200),
    ("POST", "/planning/scenarios", 403),
    ("GET", "/planning/scenarios/{id}", 404),
    ("PUT", "/planning/scenarios/{id}", 404),
    ("PATCH", "/planning/scenarios/{id}", 404),
    ("GET", "/planning/scenarios/{id}/optimiser-input", 404),
    ("POST", "/planning/scenarios/{id}/runs", 404),
    ("POST", "/planning/scenarios/{id}/variants", 404),
    ("GET", "/planning/runs", 200),
    ("GET", "/planning/runs/{id}", 404),
    ("POST", "/planning/runs/{id}/stop-requests", 404),
    ("GET", "/planning/scores", 200),
    ("GET", "/planning/scores/{code}", 404),
]


def _url(world: World, template: str) -> str:
    if template.startswith("/governance/"):
        return BASE + governance_url(world, template)
    if template.startswith("/planning/"):
        return BASE + planning_url(world, template)
    resource = template.split("/")[1]
    ids: dict[str, Callable[[], Any]] = {
        "org-units": lambda: world.department.pk,
        "people": lambda: world.alice.pk,
        "role-assignments": lambda: world.alice.role_assignments.get().pk,
        "initiatives": lambda: world.initiative.code,
        "audit-events": lambda: AuditEvent.objects.for_object(world.initiative).first().pk,  # type: ignore[union-attr]
        **{name: _record(world, name) for name in PARTS},
        "goals": lambda: _goal(world).pk,
        "kpis": lambda: _kpi(world).pk,
        "measurements": lambda: MeasurementFactory(kpi=_kpi(world)).pk,
        "contributions": lambda: ContributionFactory(initiative=world.initiative, goal=_goal(world)).pk,
    }
    if "{" not in template:
        return BASE + template
    path = template.replace("{id}", str(ids[resource]())).replace("{code}", str(ids[resource]()))
    return BASE + path


PARTS: tuple[str, ...] = (
    "gate-reviews",
    "baselines",
    "cost-lines",
    "milestones",
    "quality-reviews",
    "societal-benefits",
    "development-parties",
    "parliamentary-documents",
    "status-reports",
    "cio-opinions",
    "early-warnings",
)


def _record(world: World, name: str) -> Callable[[], Any]:
    return lambda: record(name, world.initiative, world.alice).pk


def _goal(world: World) -> Any:
    return GoalFactory(org_unit=world.department, title="Dienstverlening die werkt")


def _kpi(world: World) -> Any:
    return KpiFactory(org_unit=world.department, name="Digitaal afgehandelde aanvragen")


def _body(world: World, template: str) -> dict[str, Any]:
    if template.startswith("/initiatives"):
        return {"name": "Overgenomen", "orgUnit": world.directorate.pk}
    if template.startswith(("/goals", "/kpis")):
        return {"orgUnit": world.department.pk, "level": "ambition", "title": "Overgenomen", "name": "Overgenomen"}
    if template.startswith("/measurements"):
        return {"kpi": _kpi(world).pk, "measuredOn": "2025-03-31", "value": "1"}
    if template.startswith("/gate-reviews"):
        return {**GATE_REVIEW, "initiative": world.initiative.code}
    if template.startswith("/status-reports"):
        return {**REPORT, "initiative": world.initiative.code, "independentOverall": "red", "cioRating": 1}
    if template.split("/")[1] in WRITES:
        return {**WRITES[template.split("/")[1]], "initiative": world.initiative.code}
    if template.startswith("/contributions"):
        return {"initiative": world.initiative.code, "goal": _goal(world).pk}
    return {"person": world.charlie.pk, "role": "cio", "orgUnit": world.department.pk, "validFrom": "2024-01-01"}


def test_the_table_names_every_operation_in_the_openapi_document(db: None) -> None:
    documented = {(method.upper(), path) for path, operations in generate()["paths"].items() for method in operations}
    assert documented == {(method, path) for method, path, _status in ENDPOINTS}


@pytest.mark.parametrize(("method", "template", "_status"), ENDPOINTS)
def test_anonymous_callers_get_401_problem(world: World, method: str, template: str, _status: int) -> None:
    response = call(session_client(), method, _url(world, template))
    body = assert_problem(response, 401)
    assert body["code"] == "notAuthenticated"
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("make_client", [session_client, token_client], ids=["session", "token"])
@pytest.mark.parametrize(("method", "template", "status"), ENDPOINTS)
def test_an_outsider_is_refused(
    world: World, make_client: Callable[[Any], Any], method: str, template: str, status: int
) -> None:
    client = make_client(world.charlie)
    url = _url(world, template)
    data = _body(world, template) if method in ("POST", "PUT", "PATCH") else None
    response = call(client, method, url, data, HTTP_IF_MATCH='"1"')
    if status != 200:
        assert_problem(response, status)
        return
    assert response.status_code == 200
    text = response.content.decode()
    for secret in ("dgdo", "alice", "MINBZ-", "Binnenzaken"):
        assert secret not in text
