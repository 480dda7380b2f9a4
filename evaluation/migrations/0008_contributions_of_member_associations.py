"""A shared indicator's contribution comes from a member association of the alliance (its lead
or a co-member) or from one of its partners: exactly one of the two."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0007_indicator_range_and_objective_created_with"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='indicatorcontribution',
            options={'ordering': ['date', 'pk'], 'verbose_name': 'partner contribution', 'verbose_name_plural': 'partner contributions'},
        ),
        migrations.AddField(
            model_name='indicatorcontribution',
            name='association',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.association', verbose_name='member association'),
        ),
        migrations.AlterField(
            model_name='indicatorcontribution',
            name='partner',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='indicator_contributions', to='alliances.alliancepartner', verbose_name='partner'),
        ),
        migrations.AddConstraint(
            model_name='indicatorcontribution',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('association__isnull', False), ('partner__isnull', True)), models.Q(('association__isnull', True), ('partner__isnull', False)), _connector='OR'), name='contribution_of_one_contributor'),
        ),
    ]
