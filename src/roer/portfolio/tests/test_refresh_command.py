from io import StringIO

from django.core.management import call_command

from roer.portfolio.models import EarlyWarning, Initiative


def test_refresh_warnings_recomputes_all(world):
    # A bulk update skips the signals: the command catches up.
    Initiative.objects.filter(pk=world.initiative.pk).update(team_size=15)
    assert not EarlyWarning.objects.exists()
    out = StringIO()
    call_command("refresh-warnings", "--no-progress", stdout=out)
    assert EarlyWarning.objects.get(initiative=world.initiative).rule == "team_size"
    assert "Refreshed the early warnings of 2 initiative(s): 1 warning(s) now." in out.getvalue()
    call_command("refresh-warnings", world.other_initiative.code, "--no-progress", stdout=StringIO())
    assert EarlyWarning.objects.count() == 1
