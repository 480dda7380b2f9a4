"""The alliance's economic model (source 003 section 5, source 000's three levers)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder
from core.history import HistoricalRecords
from organisations.models import Association

from ..budget import VALUED_IN_KIND_LEVERS
from .alliance import Alliance
from .partners import AlliancePartner

NOT_NEGATIVE = MinValueValidator(Decimal("0"), message=_("An amount cannot be negative."))


def not_negative(*fields, name):
    """The database refuses what the validators refuse (a script, the shell, a bulk load)."""
    condition = models.Q()
    for field in fields:
        condition &= models.Q(**{f"{field}__gte": 0})
    return models.CheckConstraint(condition=condition, name=name)


class Lever(models.TextChoices):
    HUMAN = "human", _("Human resources")
    FINANCIAL = "financial", _("Funding")
    ALLIANCES = "alliances", _("Alliances")


class ResourceKind(models.TextChoices):
    VOLUNTEERS = "volunteers", _("Volunteers")
    EMPLOYEES = "employees", _("Employees")
    CIVIC_SERVICE = "civic_service", _("Civic service volunteers")
    INTERNS = "interns", _("Interns")
    SKILLS_PATRONAGE = "skills_patronage", _("Skills-based patronage")
    FEES_AND_FUNDRAISING = "fees_fundraising", _("Membership fees and fundraising")
    SUBSIDIES = "subsidies", _("Subsidies")
    PATRONAGE = "patronage", _("Patronage")
    PARTNERSHIPS = "partnerships", _("Partnerships")
    CROWDFUNDING = "crowdfunding", _("Crowdfunding")
    SOCIAL_INVESTMENT = "social_investment", _("Social investment")
    EARNED_INCOME = "earned_income", _("Earned income")
    MEANS = "means", _("Alliance of means")
    POSITIONING = "positioning", _("Alliance of positioning")
    PRODUCTION = "production", _("Alliance of production")
    RESEARCH = "research", _("Alliance of research")


LEVER_OF = {
    **dict.fromkeys(
        [
            ResourceKind.VOLUNTEERS,
            ResourceKind.EMPLOYEES,
            ResourceKind.CIVIC_SERVICE,
            ResourceKind.INTERNS,
            ResourceKind.SKILLS_PATRONAGE,
        ],
        Lever.HUMAN,
    ),
    **dict.fromkeys(
        [
            ResourceKind.FEES_AND_FUNDRAISING,
            ResourceKind.SUBSIDIES,
            ResourceKind.PATRONAGE,
            ResourceKind.PARTNERSHIPS,
            ResourceKind.CROWDFUNDING,
            ResourceKind.SOCIAL_INVESTMENT,
            ResourceKind.EARNED_INCOME,
        ],
        Lever.FINANCIAL,
    ),
    **dict.fromkeys(
        [
            ResourceKind.MEANS,
            ResourceKind.POSITIONING,
            ResourceKind.PRODUCTION,
            ResourceKind.RESEARCH,
        ],
        Lever.ALLIANCES,
    ),
}


def grouped_kind_choices():
    """Resource kinds grouped by lever, for a <select> with <optgroup>s."""
    return [
        (
            lever.label,
            [(kind.value, kind.label) for kind in ResourceKind if LEVER_OF[kind] == lever],
        )
        for lever in Lever
    ]


class Resource(models.Model):
    """A resource of the alliance on one of the three levers, valued in euros."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="resources", verbose_name=_("alliance")
    )
    kind = models.CharField(_("kind of resource"), max_length=20, choices=ResourceKind.choices)
    description = models.CharField(_("description"), max_length=300)
    quantity = models.CharField(_("quantity"), max_length=100, blank=True)
    amount = models.DecimalField(
        _("value per year (€)"),
        max_digits=12,
        decimal_places=2,
        validators=[NOT_NEGATIVE],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["kind", "pk"]
        constraints = [not_negative("amount", name="resource_amount_not_negative")]

    def __str__(self):
        return self.description

    @property
    def lever(self):
        return LEVER_OF[ResourceKind(self.kind)]

    def get_lever_display(self):
        return Lever(self.lever).label

    @property
    def in_kind(self):
        """Given in kind and valued (budget.VALUED_IN_KIND_LEVERS), not money."""
        return self.lever in VALUED_IN_KIND_LEVERS


class Contribution(models.Model):
    """What one partner brings: cash, in kind and skills, each valued in euros."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("alliance")
    )
    partner = models.ForeignKey(
        AlliancePartner,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("partner"),
    )
    cash = models.DecimalField(
        _("in cash (€)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[NOT_NEGATIVE],
    )
    in_kind = models.DecimalField(
        _("in kind, valued (€)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[NOT_NEGATIVE],
    )
    skills = models.DecimalField(
        _("in skills, valued (€)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[NOT_NEGATIVE],
    )
    description = models.CharField(_("what it consists of"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = [FrenchOrder("partner__partner__name"), "pk"]
        constraints = [
            not_negative("cash", "in_kind", "skills", name="contribution_amounts_not_negative")
        ]

    def __str__(self):
        return f"{self.partner.partner} – {self.total}"

    @property
    def total(self):
        return (self.cash or 0) + (self.in_kind or 0) + (self.skills or 0)

    def clean(self):
        if self.partner_id and self.partner.alliance_id != self.alliance_id:
            raise ValidationError({"partner": _("This partner is not in the alliance.")})
        if not self.total:
            raise ValidationError(_("Give at least one amount."))


class BudgetLine(models.Model):
    """A cost of the alliance's common budget, shared between members by the keys."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("alliance")
    )
    label = models.CharField(_("expense"), max_length=200)
    amount = models.DecimalField(
        _("amount per year (€)"),
        max_digits=12,
        decimal_places=2,
        validators=[NOT_NEGATIVE],
    )
    shared = models.BooleanField(
        _("shared between members"),
        default=True,
        help_text=_("Shared costs are split between the members by the cost-sharing keys."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["pk"]
        constraints = [not_negative("amount", name="expense_amount_not_negative")]

    def __str__(self):
        return self.label


class CostShare(models.Model):
    """The share of the common costs one member association bears (keys add up to 100 %)."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="cost_shares", verbose_name=_("alliance")
    )
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    percent = models.DecimalField(
        _("share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    basis = models.CharField(_("basis of the key"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cost-sharing key")
        verbose_name_plural = _("cost-sharing keys")
        ordering = ["-percent", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "association"], name="one_share_per_member"
            ),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100), name="share_between_0_and_100"
            ),
        ]

    def __str__(self):
        return f"{self.association} – {self.percent} %"
