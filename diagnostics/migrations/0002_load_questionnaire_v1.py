"""Loads questionnaire v1 from diagnostics/questionnaires/v1.json (idempotent)."""

from django.db import migrations


def load_v1(apps, schema_editor):
    from diagnostics import questionnaires

    models = tuple(
        apps.get_model("diagnostics", name)
        for name in ("QuestionnaireVersion", "Axis", "Statement", "Recommendation")
    )
    questionnaires.load(questionnaires.read("v1"), models=models)


class Migration(migrations.Migration):
    dependencies = [("diagnostics", "0001_initial")]

    operations = [migrations.RunPython(load_v1, migrations.RunPython.noop)]
