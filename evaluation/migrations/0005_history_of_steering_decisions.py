"""Steering decisions get a history, shown on the alliance's history page.

Each existing decision gets its creation record, dated when it was made and by whom.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def record_the_decisions_made(apps, schema_editor):
    decision_model = apps.get_model("evaluation", "SteeringDecision")
    historical = apps.get_model("evaluation", "HistoricalSteeringDecision")
    names = [f.attname for f in historical._meta.fields if not f.name.startswith("history_")]
    historical.objects.bulk_create(
        [
            historical(
                history_date=decision.created_at,
                history_type="+",
                history_user_id=decision.created_by_id,
                **{name: getattr(decision, name) for name in names},
            )
            for decision in decision_model.objects.order_by("pk")
        ],
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0010_history_of_steps_parties_and_economic_model"),
        ("evaluation", "0004_field_names_translated_and_french_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalSteeringDecision',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('decided_on', models.DateField(verbose_name='date of the decision')),
                ('text', models.TextField(verbose_name='decision')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical steering decision',
                'verbose_name_plural': 'historical steering decisions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='historicalsteeringdecision',
            name='action',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.action', verbose_name='action created in the action plan'),
        ),
        migrations.AddField(
            model_name='historicalsteeringdecision',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalsteeringdecision',
            name='created_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalsteeringdecision',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(record_the_decisions_made, migrations.RunPython.noop),
    ]
