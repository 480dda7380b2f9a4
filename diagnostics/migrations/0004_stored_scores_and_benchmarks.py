
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('diagnostics', '0003_association_moved'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NetworkBenchmark',
            fields=[
                ('network', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='benchmark', serialize=False, to='organisations.network')),
                ('figures', models.JSONField(default=dict)),
                ('computed_at', models.DateTimeField()),
            ],
            options={
                'verbose_name': 'network benchmark',
                'verbose_name_plural': 'network benchmarks',
            },
        ),
        migrations.AddField(
            model_name='campaign',
            name='is_latest',
            field=models.BooleanField(default=False, editable=False, verbose_name='latest finished'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='maturity_level',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='maturity level'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='scores',
            field=models.JSONField(blank=True, editable=False, null=True, verbose_name='scores'),
        ),
        migrations.AddConstraint(
            model_name='campaign',
            constraint=models.UniqueConstraint(condition=models.Q(('is_latest', True)), fields=('association',), name='one_latest_campaign_per_association'),
        ),
    ]
