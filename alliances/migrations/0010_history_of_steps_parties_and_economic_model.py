"""The alliance's history also shows the texts of steps 1, 2 and 5 and of the economic model
(the alliance's file), the SWOT items, the figures of the need, the candidates and their
decisions, the meetings, the convention parties and the economic model (resources,
contributions, expenses, cost-sharing keys).

Each existing row gets one history record of its current state (type « ~ », dated now, with a
reason saying so), so that its first change after this migration shows what it changed; the
history page shows no entry for these records themselves.
"""

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

TRACKED = (
    "AllianceDossier",
    "SwotItem",
    "NeedFigure",
    "Candidate",
    "Meeting",
    "ConventionParty",
    "Resource",
    "Contribution",
    "BudgetLine",
    "CostShare",
)
BATCH = 2000


def record_current_state(apps, schema_editor):
    now = timezone.now()
    for model_name in TRACKED:
        model = apps.get_model("alliances", model_name)
        historical = apps.get_model("alliances", f"Historical{model_name}")
        names = [
            field.attname
            for field in historical._meta.fields
            if not field.name.startswith("history_")
        ]
        batch = []
        for row in model.objects.order_by("pk").iterator(chunk_size=BATCH):
            batch.append(
                historical(
                    history_date=now,
                    history_type="~",
                    history_change_reason="État au début de l'historique",
                    **{name: getattr(row, name) for name in names},
                )
            )
            if len(batch) >= BATCH:
                historical.objects.bulk_create(batch)
                batch = []
        historical.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0009_amounts_not_negative"),
        ("organisations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalAllianceDossier',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('strategic_priorities', models.TextField(blank=True, verbose_name='strategic priorities')),
                ('expectations', models.TextField(blank=True, verbose_name='what we expect from the alliance')),
                ('participation_mode', models.TextField(blank=True, verbose_name='how we want to take part')),
                ('complementarities', models.TextField(blank=True, verbose_name='complementarities and synergies sought')),
                ('social_need', models.TextField(blank=True, verbose_name='the social need, qualified')),
                ('collective_need', models.TextField(blank=True, verbose_name='why a collective answer is needed')),
                ('argument', models.TextField(blank=True, verbose_name='the argument, from analysed data')),
                ('key_actors', models.TextField(blank=True, verbose_name='key actors to mobilise')),
                ('beneficiaries', models.TextField(blank=True, verbose_name='how beneficiaries take part from the start')),
                ('shared_vision', models.TextField(blank=True, verbose_name='shared vision of the problem')),
                ('proximity', models.TextField(blank=True, verbose_name='how we foster proximity and ties')),
                ('decision_process', models.TextField(blank=True, verbose_name='commitments, roles and decision process')),
                ('communication_identity', models.TextField(blank=True, verbose_name="collective identity and each member's visibility")),
                ('treasury', models.TextField(blank=True, verbose_name='allocation of resources and shared cash management')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical alliance file',
                'verbose_name_plural': 'historical alliance files',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalBudgetLine',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('label', models.CharField(max_length=200, verbose_name='expense')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='amount per year (€)')),
                ('shared', models.BooleanField(default=True, help_text='Shared costs are split between the members by the cost-sharing keys.', verbose_name='shared between members')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical expense',
                'verbose_name_plural': 'historical expenses',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCandidate',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('category', models.CharField(choices=[('state', 'State'), ('local_authorities', 'Local authorities'), ('professional_bodies', 'Professional bodies'), ('research', 'Research actors'), ('companies', 'Companies'), ('social_economy', 'Social and solidarity economy actors'), ('beneficiaries', 'Target beneficiaries'), ('civil_society', 'Other civil society actors'), ('media', 'Media')], max_length=20, verbose_name='mapping category')),
                ('expectations', models.TextField(blank=True, verbose_name='expectations and motivations')),
                ('influence', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='influence (1 to 5)')),
                ('harm', models.PositiveSmallIntegerField(default=1, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='power to harm (1 to 5)')),
                ('alignment', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='alignment with the project (1 to 5)')),
                ('scope', models.CharField(blank=True, max_length=300, verbose_name='scope of action')),
                ('interactions', models.TextField(blank=True, verbose_name='interactions with the other members')),
                ('synergies', models.TextField(blank=True, verbose_name='synergies with the project')),
                ('decision', models.CharField(choices=[('pending', 'Not decided yet'), ('selected', 'Selected'), ('reserve', 'Kept in reserve'), ('set_aside', 'Set aside')], default='pending', max_length=10, verbose_name='decision')),
                ('decision_reason', models.TextField(blank=True, verbose_name='reason for the decision')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='decided on')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical candidate partner',
                'verbose_name_plural': 'historical candidate partners',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalContribution',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('cash', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in cash (€)')),
                ('in_kind', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in kind, valued (€)')),
                ('skills', models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in skills, valued (€)')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='what it consists of')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical contribution',
                'verbose_name_plural': 'historical contributions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalConventionParty',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(blank=True, max_length=200, verbose_name='name of the party')),
                ('represented_by', models.CharField(blank=True, max_length=200, verbose_name='represented by')),
                ('commitments', models.TextField(verbose_name='commitments')),
                ('financial_contribution', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='financial contribution (€)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical party',
                'verbose_name_plural': 'historical parties',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalCostShare',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('percent', models.DecimalField(decimal_places=2, max_digits=5, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='share (%)')),
                ('basis', models.CharField(blank=True, max_length=200, verbose_name='basis of the key')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical cost-sharing key',
                'verbose_name_plural': 'historical cost-sharing keys',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeeting',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('date', models.DateField(verbose_name='date')),
                ('attendees', models.CharField(blank=True, max_length=300, verbose_name='attendees')),
                ('decisions', models.TextField(verbose_name='decisions taken')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical meeting',
                'verbose_name_plural': 'historical meetings',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalNeedFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('label', models.CharField(max_length=200, verbose_name='what is measured')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='value')),
                ('unit', models.CharField(blank=True, max_length=40, verbose_name='unit')),
                ('measured_on', models.DateField(blank=True, null=True, verbose_name='date')),
                ('source', models.CharField(max_length=300, verbose_name='source')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical figure',
                'verbose_name_plural': 'historical figures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalResource',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('volunteers', 'Volunteers'), ('employees', 'Employees'), ('civic_service', 'Civic service volunteers'), ('interns', 'Interns'), ('skills_patronage', 'Skills-based patronage'), ('fees_fundraising', 'Membership fees and fundraising'), ('subsidies', 'Subsidies'), ('patronage', 'Patronage'), ('partnerships', 'Partnerships'), ('crowdfunding', 'Crowdfunding'), ('social_investment', 'Social investment'), ('earned_income', 'Earned income'), ('means', 'Alliance of means'), ('positioning', 'Alliance of positioning'), ('production', 'Alliance of production'), ('research', 'Alliance of research')], max_length=20, verbose_name='kind of resource')),
                ('description', models.CharField(max_length=300, verbose_name='description')),
                ('quantity', models.CharField(blank=True, max_length=100, verbose_name='quantity')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='value per year (€)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical resource',
                'verbose_name_plural': 'historical resources',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSwotItem',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('quadrant', models.CharField(choices=[('strength', 'Strengths (internal)'), ('weakness', 'Weaknesses (internal)'), ('opportunity', 'Opportunities (external)'), ('threat', 'Threats (external)')], max_length=12, verbose_name='quadrant')),
                ('text', models.CharField(max_length=300, verbose_name='item')),
                ('importance', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='importance (1 to 5)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical SWOT item',
                'verbose_name_plural': 'historical SWOT items',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='historicalalliancedossier',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalalliancedossier',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalbudgetline',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalbudgetline',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalcandidate',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalcandidate',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalcandidate',
            name='partner',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.partner'),
        ),
        migrations.AddField(
            model_name='historicalcontribution',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalcontribution',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalcontribution',
            name='partner',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliancepartner', verbose_name='partner'),
        ),
        migrations.AddField(
            model_name='historicalconventionparty',
            name='association',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.association', verbose_name='member association'),
        ),
        migrations.AddField(
            model_name='historicalconventionparty',
            name='convention',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.convention'),
        ),
        migrations.AddField(
            model_name='historicalconventionparty',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalconventionparty',
            name='partner',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliancepartner', verbose_name='partner of the alliance'),
        ),
        migrations.AddField(
            model_name='historicalcostshare',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalcostshare',
            name='association',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.association', verbose_name='member'),
        ),
        migrations.AddField(
            model_name='historicalcostshare',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='body',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.governancebody', verbose_name='governance body'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalneedfigure',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalneedfigure',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalresource',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalresource',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalswotitem',
            name='alliance',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='alliances.alliance'),
        ),
        migrations.AddField(
            model_name='historicalswotitem',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(record_current_state, migrations.RunPython.noop),
    ]
