
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alliances', '0005_organisations_and_reviews_moved'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='AllianceSummary',
            fields=[
                ('alliance', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='summary', serialize=False, to='alliances.alliance')),
                ('facts', models.JSONField(default=dict)),
                ('current_step', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('late_actions', models.PositiveIntegerField(default=0)),
                ('ending_conventions', models.PositiveIntegerField(default=0)),
                ('off_track_indicators', models.PositiveIntegerField(default=0)),
                ('alerts_on', models.DateField(blank=True, null=True)),
                ('evaluation_changed_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'alliance summary',
                'verbose_name_plural': 'alliance summaries',
            },
        ),
        migrations.CreateModel(
            name='AssociationSummary',
            fields=[
                ('association', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='alliances_summary', serialize=False, to='organisations.association')),
                ('alliances', models.PositiveIntegerField(default=0)),
                ('late_actions', models.PositiveIntegerField(default=0)),
                ('ending_conventions', models.PositiveIntegerField(default=0)),
                ('off_track_indicators', models.PositiveIntegerField(default=0)),
                ('attention', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': "association's alliances summary",
                'verbose_name_plural': "associations' alliances summaries",
                'indexes': [models.Index(fields=['attention'], name='alliances_a_attenti_110822_idx')],
            },
        ),
    ]
