
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Campaigns point at organisations.Association (same table, nothing changes in the database)."""


    dependencies = [
        ('diagnostics', '0002_load_questionnaire_v1'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='campaign',
                    name='association',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='diagnostic_campaigns', to='organisations.association', verbose_name='association'),
                ),
                migrations.AlterField(
                    model_name='historicalcampaign',
                    name='association',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.association', verbose_name='association'),
                ),
            ],
        ),
    ]
