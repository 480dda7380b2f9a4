
import django.db.models.deletion
import django.utils.timezone
import organisations.identifiers
from django.conf import settings
from django.db import migrations, models


TARGET = "organisations"
MODELS = ["association", "associationmembership", "invitation", "network", "networkhead", "networkmembership"]

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
    """The tenancy models move here from alliances: state only, their tables keep their names."""


    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('alliances', '0004_network_reviews'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunPython(_forward(MODELS), _backward(MODELS)),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='Network',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('scope', models.CharField(choices=[('national', 'National'), ('regional', 'Regional'), ('departmental', 'Departmental')], max_length=15, verbose_name='scope')),
                        ('region', models.CharField(blank=True, choices=[('ARA', 'Auvergne-Rhône-Alpes'), ('BFC', 'Bourgogne-Franche-Comté'), ('BRE', 'Bretagne'), ('CVL', 'Centre-Val de Loire'), ('COR', 'Corse'), ('GES', 'Grand Est'), ('HDF', 'Hauts-de-France'), ('IDF', 'Île-de-France'), ('NOR', 'Normandie'), ('NAQ', 'Nouvelle-Aquitaine'), ('OCC', 'Occitanie'), ('PDL', 'Pays de la Loire'), ('PAC', "Provence-Alpes-Côte d'Azur"), ('GUA', 'Guadeloupe'), ('MTQ', 'Martinique'), ('GUF', 'Guyane'), ('LRE', 'La Réunion'), ('MAY', 'Mayotte')], max_length=3, verbose_name='region')),
                        ('department', models.CharField(blank=True, choices=[('01', '01 – Ain'), ('02', '02 – Aisne'), ('03', '03 – Allier'), ('04', '04 – Alpes-de-Haute-Provence'), ('05', '05 – Hautes-Alpes'), ('06', '06 – Alpes-Maritimes'), ('07', '07 – Ardèche'), ('08', '08 – Ardennes'), ('09', '09 – Ariège'), ('10', '10 – Aube'), ('11', '11 – Aude'), ('12', '12 – Aveyron'), ('13', '13 – Bouches-du-Rhône'), ('14', '14 – Calvados'), ('15', '15 – Cantal'), ('16', '16 – Charente'), ('17', '17 – Charente-Maritime'), ('18', '18 – Cher'), ('19', '19 – Corrèze'), ('2A', '2A – Corse-du-Sud'), ('2B', '2B – Haute-Corse'), ('21', "21 – Côte-d'Or"), ('22', "22 – Côtes-d'Armor"), ('23', '23 – Creuse'), ('24', '24 – Dordogne'), ('25', '25 – Doubs'), ('26', '26 – Drôme'), ('27', '27 – Eure'), ('28', '28 – Eure-et-Loir'), ('29', '29 – Finistère'), ('30', '30 – Gard'), ('31', '31 – Haute-Garonne'), ('32', '32 – Gers'), ('33', '33 – Gironde'), ('34', '34 – Hérault'), ('35', '35 – Ille-et-Vilaine'), ('36', '36 – Indre'), ('37', '37 – Indre-et-Loire'), ('38', '38 – Isère'), ('39', '39 – Jura'), ('40', '40 – Landes'), ('41', '41 – Loir-et-Cher'), ('42', '42 – Loire'), ('43', '43 – Haute-Loire'), ('44', '44 – Loire-Atlantique'), ('45', '45 – Loiret'), ('46', '46 – Lot'), ('47', '47 – Lot-et-Garonne'), ('48', '48 – Lozère'), ('49', '49 – Maine-et-Loire'), ('50', '50 – Manche'), ('51', '51 – Marne'), ('52', '52 – Haute-Marne'), ('53', '53 – Mayenne'), ('54', '54 – Meurthe-et-Moselle'), ('55', '55 – Meuse'), ('56', '56 – Morbihan'), ('57', '57 – Moselle'), ('58', '58 – Nièvre'), ('59', '59 – Nord'), ('60', '60 – Oise'), ('61', '61 – Orne'), ('62', '62 – Pas-de-Calais'), ('63', '63 – Puy-de-Dôme'), ('64', '64 – Pyrénées-Atlantiques'), ('65', '65 – Hautes-Pyrénées'), ('66', '66 – Pyrénées-Orientales'), ('67', '67 – Bas-Rhin'), ('68', '68 – Haut-Rhin'), ('69', '69 – Rhône'), ('70', '70 – Haute-Saône'), ('71', '71 – Saône-et-Loire'), ('72', '72 – Sarthe'), ('73', '73 – Savoie'), ('74', '74 – Haute-Savoie'), ('75', '75 – Paris'), ('76', '76 – Seine-Maritime'), ('77', '77 – Seine-et-Marne'), ('78', '78 – Yvelines'), ('79', '79 – Deux-Sèvres'), ('80', '80 – Somme'), ('81', '81 – Tarn'), ('82', '82 – Tarn-et-Garonne'), ('83', '83 – Var'), ('84', '84 – Vaucluse'), ('85', '85 – Vendée'), ('86', '86 – Vienne'), ('87', '87 – Haute-Vienne'), ('88', '88 – Vosges'), ('89', '89 – Yonne'), ('90', '90 – Territoire de Belfort'), ('91', '91 – Essonne'), ('92', '92 – Hauts-de-Seine'), ('93', '93 – Seine-Saint-Denis'), ('94', '94 – Val-de-Marne'), ('95', "95 – Val-d'Oise"), ('971', '971 – Guadeloupe'), ('972', '972 – Martinique'), ('973', '973 – Guyane'), ('974', '974 – La Réunion'), ('976', '976 – Mayotte')], max_length=3, verbose_name='department')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'network',
                        'verbose_name_plural': 'networks',
                        'db_table': 'alliances_network',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Association',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('rna', models.CharField(blank=True, help_text='W followed by 9 digits, from the Répertoire national des associations.', max_length=10, validators=[organisations.identifiers.validate_rna], verbose_name='RNA number')),
                        ('siren', models.CharField(blank=True, help_text='9 digits, if the association is registered with INSEE.', max_length=9, validators=[organisations.identifiers.validate_siren], verbose_name='SIREN number')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address')),
                        ('postal_code', models.CharField(blank=True, max_length=5, verbose_name='postal code')),
                        ('city', models.CharField(blank=True, max_length=120, verbose_name='city')),
                        ('department', models.CharField(choices=[('01', '01 – Ain'), ('02', '02 – Aisne'), ('03', '03 – Allier'), ('04', '04 – Alpes-de-Haute-Provence'), ('05', '05 – Hautes-Alpes'), ('06', '06 – Alpes-Maritimes'), ('07', '07 – Ardèche'), ('08', '08 – Ardennes'), ('09', '09 – Ariège'), ('10', '10 – Aube'), ('11', '11 – Aude'), ('12', '12 – Aveyron'), ('13', '13 – Bouches-du-Rhône'), ('14', '14 – Calvados'), ('15', '15 – Cantal'), ('16', '16 – Charente'), ('17', '17 – Charente-Maritime'), ('18', '18 – Cher'), ('19', '19 – Corrèze'), ('2A', '2A – Corse-du-Sud'), ('2B', '2B – Haute-Corse'), ('21', "21 – Côte-d'Or"), ('22', "22 – Côtes-d'Armor"), ('23', '23 – Creuse'), ('24', '24 – Dordogne'), ('25', '25 – Doubs'), ('26', '26 – Drôme'), ('27', '27 – Eure'), ('28', '28 – Eure-et-Loir'), ('29', '29 – Finistère'), ('30', '30 – Gard'), ('31', '31 – Haute-Garonne'), ('32', '32 – Gers'), ('33', '33 – Gironde'), ('34', '34 – Hérault'), ('35', '35 – Ille-et-Vilaine'), ('36', '36 – Indre'), ('37', '37 – Indre-et-Loire'), ('38', '38 – Isère'), ('39', '39 – Jura'), ('40', '40 – Landes'), ('41', '41 – Loir-et-Cher'), ('42', '42 – Loire'), ('43', '43 – Haute-Loire'), ('44', '44 – Loire-Atlantique'), ('45', '45 – Loiret'), ('46', '46 – Lot'), ('47', '47 – Lot-et-Garonne'), ('48', '48 – Lozère'), ('49', '49 – Maine-et-Loire'), ('50', '50 – Manche'), ('51', '51 – Marne'), ('52', '52 – Haute-Marne'), ('53', '53 – Mayenne'), ('54', '54 – Meurthe-et-Moselle'), ('55', '55 – Meuse'), ('56', '56 – Morbihan'), ('57', '57 – Moselle'), ('58', '58 – Nièvre'), ('59', '59 – Nord'), ('60', '60 – Oise'), ('61', '61 – Orne'), ('62', '62 – Pas-de-Calais'), ('63', '63 – Puy-de-Dôme'), ('64', '64 – Pyrénées-Atlantiques'), ('65', '65 – Hautes-Pyrénées'), ('66', '66 – Pyrénées-Orientales'), ('67', '67 – Bas-Rhin'), ('68', '68 – Haut-Rhin'), ('69', '69 – Rhône'), ('70', '70 – Haute-Saône'), ('71', '71 – Saône-et-Loire'), ('72', '72 – Sarthe'), ('73', '73 – Savoie'), ('74', '74 – Haute-Savoie'), ('75', '75 – Paris'), ('76', '76 – Seine-Maritime'), ('77', '77 – Seine-et-Marne'), ('78', '78 – Yvelines'), ('79', '79 – Deux-Sèvres'), ('80', '80 – Somme'), ('81', '81 – Tarn'), ('82', '82 – Tarn-et-Garonne'), ('83', '83 – Var'), ('84', '84 – Vaucluse'), ('85', '85 – Vendée'), ('86', '86 – Vienne'), ('87', '87 – Haute-Vienne'), ('88', '88 – Vosges'), ('89', '89 – Yonne'), ('90', '90 – Territoire de Belfort'), ('91', '91 – Essonne'), ('92', '92 – Hauts-de-Seine'), ('93', '93 – Seine-Saint-Denis'), ('94', '94 – Val-de-Marne'), ('95', "95 – Val-d'Oise"), ('971', '971 – Guadeloupe'), ('972', '972 – Martinique'), ('973', '973 – Guyane'), ('974', '974 – La Réunion'), ('976', '976 – Mayotte')], max_length=3, verbose_name='department')),
                        ('sector', models.CharField(choices=[('social', 'Social action'), ('health', 'Health and medico-social'), ('education', 'Education and training'), ('employment', 'Employment and integration'), ('culture', 'Culture'), ('sport', 'Sport'), ('environment', 'Environment'), ('youth', 'Youth and popular education'), ('housing', 'Housing'), ('rights', 'Rights and advocacy'), ('international', 'International solidarity'), ('other', 'Other')], max_length=20, verbose_name='sector')),
                        ('employees', models.PositiveIntegerField(default=0, verbose_name='employees (FTE)')),
                        ('volunteers', models.PositiveIntegerField(default=0, verbose_name='regular volunteers')),
                        ('budget_band', models.CharField(choices=[('lt10k', 'Under €10,000'), ('10k-50k', '€10,000 to €50,000'), ('50k-200k', '€50,000 to €200,000'), ('200k-1m', '€200,000 to €1 million'), ('1m-5m', '€1 million to €5 million'), ('gt5m', 'Over €5 million')], max_length=10, verbose_name='annual budget')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ],
                    options={
                        'verbose_name': 'association',
                        'verbose_name_plural': 'associations',
                        'db_table': 'alliances_association',
                        'ordering': ['name'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('rna', ''), _negated=True), fields=('rna',), name='association_rna_unique'), models.UniqueConstraint(condition=models.Q(('siren', ''), _negated=True), fields=('siren',), name='association_siren_unique'), models.CheckConstraint(condition=models.Q(models.Q(('rna', ''), _negated=True), models.Q(('siren', ''), _negated=True), _connector='OR'), name='association_has_identifier')],
                    },
                ),
                migrations.CreateModel(
                    name='Invitation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                        ('role', models.CharField(choices=[('admin', 'Administrator'), ('editor', 'Editor'), ('reader', 'Reader')], default='editor', max_length=10, verbose_name='role')),
                        ('token', models.CharField(editable=False, max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('expires_at', models.DateTimeField()),
                        ('accepted_at', models.DateTimeField(blank=True, null=True)),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('association', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='organisations.association')),
                        ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'invitation',
                        'verbose_name_plural': 'invitations',
                        'db_table': 'alliances_invitation',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='AssociationMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('admin', 'Administrator'), ('editor', 'Editor'), ('reader', 'Reader')], default='reader', max_length=10, verbose_name='role')),
                        ('joined_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='joined at')),
                        ('association', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='organisations.association')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'association member',
                        'verbose_name_plural': 'association members',
                        'db_table': 'alliances_associationmembership',
                        'constraints': [models.UniqueConstraint(fields=('user', 'association'), name='one_membership_per_user')],
                    },
                ),
                migrations.CreateModel(
                    name='NetworkHead',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='heads', to='organisations.network')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='network_roles', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'network head',
                        'verbose_name_plural': 'network heads',
                        'db_table': 'alliances_networkhead',
                        'constraints': [models.UniqueConstraint(fields=('user', 'network'), name='one_head_row_per_network')],
                    },
                ),
                migrations.CreateModel(
                    name='NetworkMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('state', models.CharField(choices=[('invited', 'Invited'), ('active', 'Active'), ('refused', 'Refused'), ('left', 'Left')], max_length=10, verbose_name='state')),
                        ('invited_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='invited at')),
                        ('responded_at', models.DateTimeField(blank=True, null=True, verbose_name='answered at')),
                        ('left_at', models.DateTimeField(blank=True, null=True, verbose_name='left at')),
                        ('association', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='network_memberships', to='organisations.association')),
                        ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('network', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='organisations.network')),
                    ],
                    options={
                        'verbose_name': 'network membership',
                        'verbose_name_plural': 'network memberships',
                        'db_table': 'alliances_networkmembership',
                        'ordering': ['-invited_at'],
                        'indexes': [models.Index(fields=['network', 'state'], name='alliances_n_network_52a53b_idx')],
                        'constraints': [models.UniqueConstraint(fields=('network', 'association'), name='one_network_membership')],
                    },
                ),
            ],
        ),
    ]
