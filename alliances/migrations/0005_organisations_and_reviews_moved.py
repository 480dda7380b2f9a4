
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The tenancy models and the reviews leave for organisations and networks: state only."""


    dependencies = [
        ('alliances', '0004_network_reviews'),
        ('diagnostics', '0003_association_moved'),
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='alliance',
                    name='lead',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='led_alliances', to='organisations.association', verbose_name='lead association'),
                ),
                migrations.AlterField(
                    model_name='costshare',
                    name='association',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.association', verbose_name='member'),
                ),
                migrations.RemoveField(
                    model_name='associationmembership',
                    name='association',
                ),
                migrations.AlterField(
                    model_name='partnertag',
                    name='association',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partner_tags', to='organisations.association'),
                ),
                migrations.RemoveField(
                    model_name='invitation',
                    name='association',
                ),
                migrations.AlterField(
                    model_name='partner',
                    name='association',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partners', to='organisations.association'),
                ),
                migrations.AlterField(
                    model_name='historicalpartner',
                    name='association',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.association'),
                ),
                migrations.AlterField(
                    model_name='conventionparty',
                    name='association',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='organisations.association', verbose_name='member association'),
                ),
                migrations.AlterField(
                    model_name='alliancemember',
                    name='association',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='alliance_memberships', to='organisations.association'),
                ),
                migrations.AlterField(
                    model_name='historicalalliance',
                    name='lead',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisations.association', verbose_name='lead association'),
                ),
                migrations.RemoveField(
                    model_name='networkmembership',
                    name='association',
                ),
                migrations.RemoveField(
                    model_name='associationmembership',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='historicalreview',
                    name='alliance',
                ),
                migrations.RemoveField(
                    model_name='historicalreview',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='historicalreview',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalreview',
                    name='network',
                ),
                migrations.RemoveField(
                    model_name='historicalreviewreply',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='historicalreviewreply',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalreviewreply',
                    name='review',
                ),
                migrations.RemoveField(
                    model_name='invitation',
                    name='invited_by',
                ),
                migrations.RemoveField(
                    model_name='networkmembership',
                    name='network',
                ),
                migrations.RemoveField(
                    model_name='networkhead',
                    name='network',
                ),
                migrations.RemoveField(
                    model_name='review',
                    name='network',
                ),
                migrations.RemoveField(
                    model_name='networkhead',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='networkmembership',
                    name='invited_by',
                ),
                migrations.RemoveField(
                    model_name='review',
                    name='alliance',
                ),
                migrations.RemoveField(
                    model_name='review',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='reviewreply',
                    name='review',
                ),
                migrations.RemoveField(
                    model_name='reviewreply',
                    name='author',
                ),
                migrations.DeleteModel(
                    name='Association',
                ),
                migrations.DeleteModel(
                    name='AssociationMembership',
                ),
                migrations.DeleteModel(
                    name='HistoricalReview',
                ),
                migrations.DeleteModel(
                    name='HistoricalReviewReply',
                ),
                migrations.DeleteModel(
                    name='Invitation',
                ),
                migrations.DeleteModel(
                    name='Network',
                ),
                migrations.DeleteModel(
                    name='NetworkHead',
                ),
                migrations.DeleteModel(
                    name='NetworkMembership',
                ),
                migrations.DeleteModel(
                    name='Review',
                ),
                migrations.DeleteModel(
                    name='ReviewReply',
                ),
            ],
        ),
    ]
