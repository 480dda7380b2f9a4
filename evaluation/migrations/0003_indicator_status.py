
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('evaluation', '0002_measurement_history'),
    ]

    operations = [
        migrations.CreateModel(
            name='IndicatorStatus',
            fields=[
                ('indicator', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='status', serialize=False, to='evaluation.indicator')),
                ('off_track', models.BooleanField(default=False)),
                ('overdue', models.BooleanField(default=False)),
                ('target_missed', models.BooleanField(default=False)),
                ('reached', models.BooleanField(default=False)),
                ('computed_on', models.DateField()),
            ],
            options={
                'verbose_name': 'indicator status',
                'verbose_name_plural': 'indicator statuses',
            },
        ),
    ]
