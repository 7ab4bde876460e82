"""Session authentication: reads for a signed-in person; changes need the CSRF token."""

from __future__ import annotations

from rest_framework.test import APIClient

from roer.api.tests.helpers import BASE, assert_problem
from roer.conftest import World


def test_a_change_without_the_csrf_token_is_refused(world: World) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.alice)
    assert client.get(BASE + "/initiatives").status_code == 200
    response = client.patch(
        f"{BASE}/initiatives/{world.initiative.code}", {"name": "Zonder CSRF"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert "CSRF" in assert_problem(response, 403)["detail"]
    world.initiative.refresh_from_db()
    assert world.initiative.name != "Zonder CSRF"
