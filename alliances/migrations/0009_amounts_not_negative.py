"""Amounts that make no sense below zero are refused, by the forms and by the database: an
action's budget, a convention's total, a party's contribution, resources, contributions,
expenses; a cost-sharing key lies between 0 and 100 %.

Negative values saved before (the action's budget, the convention's total and the party's
contribution had no check) were typing mistakes whose intended value is unknown: they become
empty; the amounts that must have a value (resources, contributions, expenses) become 0, and a
key outside 0–100 % is brought back to its nearest bound.
"""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models

NULLABLE = (
    ("Action", "financial_resources"),
    ("Convention", "total_amount"),
    ("ConventionParty", "financial_contribution"),
)
REQUIRED = (
    ("Resource", "amount"),
    ("BudgetLine", "amount"),
    ("Contribution", "cash"),
    ("Contribution", "in_kind"),
    ("Contribution", "skills"),
)


def no_negative_amounts(apps, schema_editor):
    for model_name, field in NULLABLE:
        model = apps.get_model("alliances", model_name)
        model.objects.filter(**{f"{field}__lt": 0}).update(**{field: None})
    for model_name, field in REQUIRED:
        model = apps.get_model("alliances", model_name)
        model.objects.filter(**{f"{field}__lt": 0}).update(**{field: Decimal("0")})
    CostShare = apps.get_model("alliances", "CostShare")
    CostShare.objects.filter(percent__lt=0).update(percent=Decimal("0"))
    CostShare.objects.filter(percent__gt=100).update(percent=Decimal("100"))


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0008_convention_parties_named_once"),
    ]

    operations = [
        migrations.RunPython(no_negative_amounts, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='action',
            name='financial_resources',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='A budget cannot be negative.')], verbose_name='financial resources (€)'),
        ),
        migrations.AlterField(
            model_name='budgetline',
            name='amount',
            field=models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='amount per year (€)'),
        ),
        migrations.AlterField(
            model_name='contribution',
            name='cash',
            field=models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in cash (€)'),
        ),
        migrations.AlterField(
            model_name='contribution',
            name='in_kind',
            field=models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in kind, valued (€)'),
        ),
        migrations.AlterField(
            model_name='contribution',
            name='skills',
            field=models.DecimalField(decimal_places=2, default=Decimal('0'), max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='in skills, valued (€)'),
        ),
        migrations.AlterField(
            model_name='convention',
            name='total_amount',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='total amount (€)'),
        ),
        migrations.AlterField(
            model_name='conventionparty',
            name='financial_contribution',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='financial contribution (€)'),
        ),
        migrations.AlterField(
            model_name='historicalaction',
            name='financial_resources',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='A budget cannot be negative.')], verbose_name='financial resources (€)'),
        ),
        migrations.AlterField(
            model_name='historicalconvention',
            name='total_amount',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='total amount (€)'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='amount',
            field=models.DecimalField(decimal_places=2, max_digits=12, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='An amount cannot be negative.')], verbose_name='value per year (€)'),
        ),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(('financial_resources__isnull', True), ('financial_resources__gte', 0), _connector='OR'), name='action_budget_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='budgetline',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='expense_amount_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='contribution',
            constraint=models.CheckConstraint(condition=models.Q(('cash__gte', 0), ('in_kind__gte', 0), ('skills__gte', 0)), name='contribution_amounts_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='convention',
            constraint=models.CheckConstraint(condition=models.Q(('total_amount__isnull', True), ('total_amount__gte', 0), _connector='OR'), name='convention_amount_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='conventionparty',
            constraint=models.CheckConstraint(condition=models.Q(('financial_contribution__isnull', True), ('financial_contribution__gte', 0), _connector='OR'), name='party_contribution_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='costshare',
            constraint=models.CheckConstraint(condition=models.Q(('percent__gte', 0), ('percent__lte', 100)), name='share_between_0_and_100'),
        ),
        migrations.AddConstraint(
            model_name='resource',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='resource_amount_not_negative'),
        ),
    ]
