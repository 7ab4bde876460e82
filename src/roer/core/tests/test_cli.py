"""Changes made through Django's own commands (``roer shell -c``…) are audited as the command line."""

import pytest

from roer.audit.models import AuditEvent
from roer.cli import main


@pytest.mark.django_db(transaction=True)
def test_a_change_in_roer_shell_is_audited_as_a_command(world):
    main(
        [
            "shell",
            "-c",
            "from roer.organisation.models import OrgUnit; u=OrgUnit.objects.get(code='dgdo'); "
            "u.description='Gewijzigd via de shell'; u.save()",
        ]
    )
    event = AuditEvent.objects.for_object(world.department).latest("pk")
    assert event.source == "command" and event.actor_label == "command:shell"
    assert event.after["description"] == "Gewijzigd via de shell"
