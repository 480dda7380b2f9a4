
import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


TARGET = "networks"
MODELS = ["review", "reviewreply", "historicalreview", "historicalreviewreply"]

def rename_content_types(apps, schema_editor, *, models, source, target):
    """Existing rows keep their content type (permissions, admin log, reports' subjects)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=source, model__in=models).update(app_label=target)


def _forward(models):
    def run(apps, schema_editor):
        rename_content_types(apps, schema_editor, models=models, source="alliances", target=TARGET)

    return run


def _backward(models):
    def run(apps, schema_editor):
        rename_content_types(apps, schema_editor, models=models, source=TARGET, target="alliances")

    return run


class Migration(migrations.Migration):
    """Reviews move here from alliances: state only, their tables keep their names."""


    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('alliances', '0005_organisations_and_reviews_moved'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(_forward(MODELS), _backward(MODELS)),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalReview',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('step', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='step')),
                        ('verdict', models.CharField(choices=[('rework', 'Needs rework'), ('validated', 'Validated')], max_length=10, verbose_name='verdict')),
                        ('comment', models.TextField(verbose_name='comment')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('alliance', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance', verbose_name='alliance')),
                        ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('network', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.network', verbose_name='network')),
                    ],
                    options={
                        'verbose_name': 'historical network review',
                        'verbose_name_plural': 'historical network reviews',
                        'db_table': 'alliances_historicalreview',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Review',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('step', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='step')),
                        ('verdict', models.CharField(choices=[('rework', 'Needs rework'), ('validated', 'Validated')], max_length=10, verbose_name='verdict')),
                        ('comment', models.TextField(verbose_name='comment')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('alliance', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='alliances.alliance', verbose_name='alliance')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='organisations.network', verbose_name='network')),
                    ],
                    options={
                        'verbose_name': 'network review',
                        'verbose_name_plural': 'network reviews',
                        'db_table': 'alliances_review',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalReviewReply',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('from_network', models.BooleanField(default=False, verbose_name='from the network')),
                        ('body', models.TextField(verbose_name='message')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created at')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('author', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('review', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='networks.review', verbose_name='review')),
                    ],
                    options={
                        'verbose_name': 'historical reply to a review',
                        'verbose_name_plural': 'historical replies to reviews',
                        'db_table': 'alliances_historicalreviewreply',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='ReviewReply',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_network', models.BooleanField(default=False, verbose_name='from the network')),
                        ('body', models.TextField(verbose_name='message')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='networks.review', verbose_name='review')),
                    ],
                    options={
                        'verbose_name': 'reply to a review',
                        'verbose_name_plural': 'replies to reviews',
                        'db_table': 'alliances_reviewreply',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='review',
                    index=models.Index(fields=['alliance', '-created_at'], name='alliances_r_allianc_eb205f_idx'),
                ),
            ],
        ),
    ]
