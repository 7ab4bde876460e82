from django.db import migrations

from roer.governance.seed import seed_decision_types


class Migration(migrations.Migration):
    dependencies = [("governance", "0002_decisions_immutable")]
    operations = [migrations.RunPython(seed_decision_types, migrations.RunPython.noop)]
