"""Every URL pattern, page or API, refuses an outsider: a signed-in person from another organisation.

The test walks the URL configuration itself, so a new page or endpoint without
sample arguments here fails until someone decides how to test it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from roer.audit.models import AuditEvent

# Reachable without being signed in, on purpose and without data: (pattern name) → why.
PUBLIC = {
    "login": "the sign-in form",
    "logout": "signing out",
    "set_language": "the language switch",
    "health": "liveness check, answers only {'status': 'ok'}",
    "api-schema": "the published OpenAPI description, no data",
    "api-root": "the list of API resources, no data",
    "portal-list": "the public portal: only published versions, for everyone",
    "portal-detail": "a project on the public portal: only its published version",
    "open-data": "open data of the published versions, anonymous by design",
}

REFUSED = {403, 404, 405}

# What the outsider must never see: the ministry's initiatives, units and people.
LEAKS = ("MINBZ-0001", "MINBZ-0002", "Regie op gegevens", "Woningregister", "Digitale Overheid", "de Vries", "Jansen")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> list[tuple[str, str, URLPattern]]:
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _walk(pattern.url_patterns, route, ns)
        else:
            found.append((route, f"{namespace}{pattern.name or ''}", pattern))
    return found


# Read-only API records of an initiative: detail route name -> resource path.
_API_PARTS = {
    "api-gate-review-detail": "gate-reviews",
    "api-baseline-detail": "baselines",
    "api-cost-line-detail": "cost-lines",
    "api-milestone-detail": "milestones",
    "api-quality-review-detail": "quality-reviews",
    "api-societal-benefit-detail": "societal-benefits",
    "api-development-party-detail": "development-parties",
    "api-parliamentary-document-detail": "parliamentary-documents",
    "api-status-report-detail": "status-reports",
    "api-cio-opinion-detail": "cio-opinions",
    "api-early-warning-detail": "early-warnings",
}


def _sample_value(name: str, kwarg: str, world: Any) -> str:
    if name.startswith("admin:"):
        return {"app_label": "portfolio", "model_name": "initiative"}.get(kwarg, str(world.initiative.pk))
    if name.startswith("api-governance-"):
        from roer.governance.api.tests.records import sample_key

        return sample_key(name, world)
    if name.startswith(_BODY_PAGES):
        return _body_sample(name, kwarg, world)
    if name.startswith("governance:framework-") and kwarg in ("code", "number"):
        return _framework_sample(kwarg, world)
    if kwarg == "code":
        return world.initiative.code
    if kwarg == "reference" and name.startswith("governance:"):
        return _governance_sample(name, world)
    if name.startswith("governance:inbox-"):
        return str(_notification_sample(world).pk)
    if ":delivery-" in name:
        return str(_delivery_sample(name, world).pk)
    if name in _API_PARTS:
        from roer.portfolio.api.tests.records import record

        return str(record(_API_PARTS[name], world.initiative, world.alice).pk)
    if "unit" in name:
        return str(world.department.pk)
    if "person" in name or "people" in name:
        return str(world.alice.pk)
    if "role" in name:
        return str(world.alice.role_assignments.first().pk)
    if "audit" in name or "event" in name:
        return str(AuditEvent.objects.filter(scope_path__startswith=world.ministry.path).first().pk)
    if name.startswith(("planning:scenario-", "planning:run-")):
        return str(_scenario_sample(name, kwarg, world))
    if name.startswith("api-planning-"):
        return str(_scenario_sample(name.replace("api-planning-", "planning:"), kwarg, world))
    for kind in ("contribution", "kpi", "measurement", "goal"):
        if kind in name:
            return str(_strategy_sample(kind, world).pk)
    raise AssertionError(f"No sample value for {kwarg!r} in URL {name!r}: add one to this test.")


def _strategy_sample(kind: str, world: Any) -> Any:
    """A goal, KPI, measurement or contribution of the ministry, made the first time a URL needs one."""
    import datetime

    from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement

    goal, _ = Goal.objects.get_or_create(org_unit=world.ministry, title="Ministeriedoel", level="ambition")
    kpi, _ = KPI.objects.get_or_create(
        org_unit=world.ministry,
        name="Ministerie-indicator",
        defaults={
            "unit_of_measure": "%",
            "direction": "higher",
            "baseline_value": 40,
            "baseline_date": datetime.date(2024, 1, 1),
            "target_value": 80,
            "target_date": datetime.date(2027, 12, 31),
            "frequency": "yearly",
        },
    )
    GoalKpi.objects.get_or_create(goal=goal, kpi=kpi)
    samples = {
        "goal": goal,
        "kpi": kpi,
        "measurement": Measurement.objects.get_or_create(kpi=kpi, measured_on=datetime.date(2025, 1, 1), value=50)[0],
        "contribution": Contribution.objects.get_or_create(initiative=world.initiative, goal=goal, kpi=kpi)[0],
    }
    return samples[kind]


def _scenario_sample(name: str, kwarg: str, world: Any) -> int:
    """The department's scenario (made once), its team or its run, whichever the URL names."""
    from roer.planning.models import Scenario, SolveRun, Team

    scenario, created = Scenario.objects.get_or_create(
        name="Ministeriescenario",
        org_unit=world.department,
        defaults={"start_year": 2027, "quarters": 4, "budgets": ["1000.00"], "created_by": world.alice},
    )
    if created:
        Team.objects.create(scenario=scenario, org_unit=world.directorate, capacity=["1"] * 4)
        SolveRun.objects.create(scenario=scenario, requested_by=world.alice, scenario_json={}, plan_json={})
    if kwarg == "team_pk":
        return scenario.teams.get().pk
    if kwarg in ("link_pk", "group_pk"):
        return _link_sample(scenario, kwarg, world)
    if name.startswith("planning:run-"):
        return scenario.runs.get().pk
    return scenario.pk


def _link_sample(scenario: Any, kwarg: str, world: Any) -> int:
    """A dependency or an exclusive group of the department's scenario, made the first time a URL needs one."""
    from roer.planning.models import GroupKind, ScenarioGroup, ScenarioGroupMember, ScenarioLink
    from roer.portfolio.tests.factories import InitiativeFactory

    if not ScenarioLink.objects.filter(scenario=scenario).exists():
        platform = InitiativeFactory(code="MINBZ-0091", name="Ministerieplatform", org_unit=world.department)
        ScenarioLink.objects.create(scenario=scenario, before=platform, after=world.initiative)
        group = ScenarioGroup.objects.create(scenario=scenario, kind=GroupKind.EXCLUSIVE)
        for initiative in (platform, world.initiative):
            ScenarioGroupMember.objects.create(group=group, initiative=initiative)
    if kwarg == "link_pk":
        return ScenarioLink.objects.get(scenario=scenario).pk
    return ScenarioGroup.objects.get(scenario=scenario).pk


def _governance_sample(name: str, world: Any) -> str:
    """A local proposal of the ministry (made once) with a decision: the reference the URL names."""
    import datetime

    from roer.governance.models import Decision, DecisionType, Proposal

    proposal, _ = Proposal.objects.get_or_create(
        reference="B-2026-9001",
        defaults={
            "title": "Ministerievoorstel",
            "summary": "Voorstel",
            "subject_kind": "policy",
            "policy_topic": "Cloud",
            "decision_type": DecisionType.objects.get(code="policy"),
            "org_unit": world.ministry,
            "proposer": world.alice,
            "scope": "local",
            "scope_reason": "Eigen ministerie",
            "state": "decided",
        },
    )
    if name.startswith("governance:decision-"):
        decision = Decision.objects.filter(reference="D-2026-9001").first() or Decision.objects.create(
            reference="D-2026-9001",
            proposal=proposal,
            outcome="approved",
            basis="unit_mandate",
            rationale="Past binnen het beleid.",
            decided_by=world.alice,
            decided_at=datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC),
        )
        return decision.reference
    return proposal.reference


def _notification_sample(world: Any) -> Any:
    """Someone else's notification: the outsider must not read or mark it."""
    import datetime

    from roer.governance.models import Notification

    return Notification.objects.get_or_create(
        recipient=world.alice,
        kind="decision_due",
        defaults={"created_at": datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC)},
    )[0]


_BODY_PAGES = ("governance:body-", "governance:membership-", "governance:meeting-", "governance:evaluation-",
               "governance:decision-type-")  # fmt: skip


def _body_sample(name: str, kwarg: str, world: Any) -> str:
    """The ministry's portfolio board (made once) with a member and a meeting; or a decision type's code."""
    import datetime

    from roer.governance.models import Body, Meeting, Membership

    if kwarg == "code":
        return "gate"
    body, created = Body.objects.get_or_create(
        name="Portfolioraad Ministerie",
        defaults={"kind": "portfolio_board", "org_unit": world.ministry, "chair": world.alice,
                  "mandate_holder": world.alice},
    )  # fmt: skip
    if created:
        Membership.objects.create(body=body, person=world.alice, since=datetime.date(2026, 1, 1))
        Meeting.objects.create(body=body, starts_at=datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC))
    if kwarg == "membership_pk":
        return str(body.memberships.get().pk)
    if name.startswith(("governance:meeting-", "governance:evaluation-form")) and name != "governance:meeting-create":
        return str(body.meetings.get().pk)
    return str(body.pk)


def _delivery_sample(name: str, world: Any) -> Any:
    """An entry of a delivery list (``portfolio:delivery-<list>-<action>``) of the ministry's initiative."""
    import datetime

    from roer.portfolio.services.delivery import LISTS

    slug = name.split(":delivery-", 1)[1].rsplit("-", 1)[0]
    samples: dict[str, dict[str, Any]] = {
        "milestones": {"description": "Mijlpaal", "expected_on": datetime.date(2025, 1, 1)},
        "quality-reviews": {"held_on": datetime.date(2025, 1, 1), "party": "BIT", "kind": "gateway"},
        "societal-benefits": {"explanation": "Baat"},
        "development-parties": {"party": "Logius", "role": "Bouwer"},
        "documents": {"title": "Kamerbrief"},
    }
    values = samples[slug]
    return LISTS[slug].model._default_manager.get_or_create(initiative=world.initiative, **values)[0]


def _url_for(route: str, name: str, world: Any) -> str:
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\.", ".")
    # Regex groups (?P<kw>...) and path converters <type:kw> both become sample values.
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: _sample_value(name, m.group(1), world), route)
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: _sample_value(name, m.group(1), world), route)
    route = re.sub(r"\(\?:[^)]*\)\??", "", route)  # optional groups such as format suffixes
    return "/" + route.replace("//", "/")


def _all_patterns() -> list[tuple[str, str, URLPattern]]:
    return [p for p in _walk(get_resolver().url_patterns) if p[1].split(":")[-1] not in PUBLIC]


def test_every_pattern_is_checked():
    assert len(_all_patterns()) > 20


@pytest.mark.parametrize("route,name,pattern", _all_patterns(), ids=lambda v: v if isinstance(v, str) else "")
def test_outsider_is_refused(client, world, route, name, pattern):
    client.force_login(world.charlie)
    url = _url_for(route, name, world)
    # A page of the outsider's own scope (a list, the home page) may answer, but without the ministry's data.
    response = client.get(url)
    if response.status_code not in REFUSED:
        assert response.status_code == 200, f"GET {url} ({name}) gave {response.status_code}"
        body = _content(response)
        leaked = [marker for marker in LEAKS if marker in body]
        assert not leaked, f"GET {url} ({name}) shows {leaked}"
    # Changes are refused outright.
    response = client.post(url)
    assert response.status_code in REFUSED, f"POST {url} ({name}) gave {response.status_code}"


def _content(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _framework_sample(kwarg: str, world: Any) -> str:
    """The ministry's binding framework (made once) with a draft version: its code, or the version's number."""
    import datetime

    from roer.governance.models import Framework, FrameworkVersion

    framework, _ = Framework.objects.get_or_create(
        code="kader-ministerie", defaults={"title": "Ministeriekader", "org_unit": world.ministry}
    )
    FrameworkVersion.objects.get_or_create(
        framework=framework, number=1, defaults={"effective_on": datetime.date(2026, 1, 1)}
    )
    return "1" if kwarg == "number" else framework.code
