"""An indicator's explicit range (its lowest and highest possible values, else derived from its
unit: evaluation/value_range.py), and the objective it was created with, whose deadline its
target date follows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0006_one_measurement_per_date"),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalindicator',
            name='created_with',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='evaluation.operationalobjective', verbose_name='created with the objective'),
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='highest_value',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty: 100 for a percentage, 10 for a mark « /10 », else no limit.', max_digits=14, null=True, verbose_name='highest possible value'),
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='lowest_value',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty: 0, since a count or an amount cannot be negative. Type it for an indicator that can fall below 0 (a change, a balance).', max_digits=14, null=True, verbose_name='lowest possible value'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='created_with',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='indicators_created', to='evaluation.operationalobjective', verbose_name='created with the objective'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='highest_value',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty: 100 for a percentage, 10 for a mark « /10 », else no limit.', max_digits=14, null=True, verbose_name='highest possible value'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='lowest_value',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty: 0, since a count or an amount cannot be negative. Type it for an indicator that can fall below 0 (a change, a balance).', max_digits=14, null=True, verbose_name='lowest possible value'),
        ),
    ]
