"""Loads the health check questionnaire v1 from healthchecks/questionnaires/v1.json
(idempotent)."""

from django.db import migrations


def load_v1(apps, schema_editor):
    from healthchecks import questionnaires

    questionnaires.load(
        questionnaires.read("v1"), model=apps.get_model("healthchecks", "HealthQuestionnaire")
    )


class Migration(migrations.Migration):
    dependencies = [("healthchecks", "0001_initial")]

    operations = [migrations.RunPython(load_v1, migrations.RunPython.noop)]
