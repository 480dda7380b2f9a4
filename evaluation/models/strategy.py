"""Strategic objectives of an alliance: shared vision and horizon, gaps, priorities, impacts,
and the operational objectives derived from them (source 003, section 4)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AlliancePartner
from core.collation import FrenchOrder
from core.history import HistoricalRecords
from evaluation import smart

HORIZON_MIN_YEARS = 3
HORIZON_MAX_YEARS = 5


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Vision(models.Model):
    """The shared 3–5-year vision of the alliance, its horizon and how objectives are ranked."""

    alliance = models.OneToOneField(
        Alliance, on_delete=models.CASCADE, related_name="vision", verbose_name=_("alliance")
    )
    statement = models.TextField(_("shared vision"))
    horizon_start = models.DateField(_("start of the horizon"))
    horizon_end = models.DateField(_("end of the horizon"))
    priority_criteria = models.TextField(
        _("criteria used to rank the strategic objectives"),
        blank=True,
        help_text=_("For instance: the needs of the beneficiaries, the means available, urgency."),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("shared vision")
        verbose_name_plural = _("shared visions")

    def __str__(self):
        return str(self.alliance)

    def clean(self):
        if self.horizon_start and self.horizon_end:
            if self.horizon_end <= self.horizon_start:
                raise ValidationError(
                    {"horizon_end": _("The end of the horizon must come after its start.")}
                )
            shortest = _add_years(self.horizon_start, HORIZON_MIN_YEARS)
            longest = _add_years(self.horizon_start, HORIZON_MAX_YEARS)
            if not shortest <= self.horizon_end <= longest:
                raise ValidationError(
                    {
                        "horizon_end": _(
                            "A strategic horizon spans 3 to 5 years: choose an end between "
                            "%(shortest)s and %(longest)s."
                        )
                        % {
                            "shortest": shortest.strftime("%d/%m/%Y"),
                            "longest": longest.strftime("%d/%m/%Y"),
                        }
                    }
                )

    @property
    def horizon_years(self):
        return round((self.horizon_end - self.horizon_start).days / 365.25)


class StrategicGap(models.Model):
    """Where a partner stands: what it expects of the alliance and where it differs."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="strategic_gaps",
        verbose_name=_("alliance"),
    )
    partner = models.ForeignKey(
        AlliancePartner,
        on_delete=models.CASCADE,
        related_name="strategic_gaps",
        verbose_name=_("partner"),
    )
    expectations = models.TextField(_("what it expects"))
    differences = models.TextField(_("where it differs"), blank=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("strategic gap")
        verbose_name_plural = _("strategic gaps")
        ordering = [FrenchOrder("partner__partner__name")]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "partner"], name="one_gap_per_partner")
        ]

    def __str__(self):
        return f"{self.partner.partner} – {self.alliance}"


class StrategicObjectiveQuerySet(models.QuerySet):
    def ranked(self):
        return self.order_by("priority", "pk")


class StrategicObjective(models.Model):
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="strategic_objectives",
        verbose_name=_("alliance"),
    )
    title = models.CharField(_("strategic objective"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority rank"), default=1, help_text=_("1 is the highest priority.")
    )
    priority_rationale = models.TextField(
        _("why this rank"),
        blank=True,
        help_text=_("How the objective scores on the criteria the team stated."),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    history = HistoricalRecords()
    objects = StrategicObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        ordering = ["priority", "pk"]

    def __str__(self):
        return self.title


class ImpactType(models.TextChoices):
    """The three impacts of alliances (Observatoire des partenariats, source 002), or free."""

    PERFORMANCE = "performance", _("Performance of the organisations")
    INNOVATION = "innovation", _("Territorial innovation")
    TRUST = "trust", _("Trust and capacity for collective action")
    OTHER = "other", _("Other impact")


class ExpectedImpact(models.Model):
    objective = models.ForeignKey(
        StrategicObjective,
        on_delete=models.CASCADE,
        related_name="impacts",
        verbose_name=_("objective"),
    )
    impact_type = models.CharField(_("type of impact"), max_length=15, choices=ImpactType.choices)
    label = models.CharField(
        _("name of the impact"),
        max_length=200,
        blank=True,
        help_text=_("Required for another impact than the three impacts of alliances."),
    )
    description = models.TextField(_("expected impact"))

    class Meta:
        verbose_name = _("expected impact")
        verbose_name_plural = _("expected impacts")
        ordering = ["pk"]

    def __str__(self):
        return self.display_type

    @property
    def display_type(self):
        if self.impact_type == ImpactType.OTHER and self.label:
            return self.label
        return self.get_impact_type_display()

    def clean(self):
        if self.impact_type == ImpactType.OTHER and not self.label.strip():
            raise ValidationError({"label": _("Name this impact.")})


class Dimension(models.TextChoices):
    """Dimensions of the cooperation: the four kinds of alliances (source 000), plus the running
    of the alliance itself."""

    MEANS = "means", _("Pooling of means")
    PRODUCTION = "production", _("Joint production of activities")
    POSITIONING = "positioning", _("Positioning and advocacy")
    RESEARCH = "research", _("Research and innovation")
    GOVERNANCE = "governance", _("Governance of the alliance")
    COMMUNICATION = "communication", _("Communication")


class OperationalObjective(models.Model):
    """A SMART objective under a strategic one. Its SMART status is computed, never stored."""

    strategic_objective = models.ForeignKey(
        StrategicObjective,
        on_delete=models.CASCADE,
        related_name="operational_objectives",
        verbose_name=_("strategic objective"),
    )
    dimension = models.CharField(
        _("dimension of the cooperation"), max_length=15, choices=Dimension.choices
    )
    partners = models.ManyToManyField(
        AlliancePartner,
        blank=True,
        related_name="operational_objectives",
        verbose_name=_("partners concerned"),
    )
    statement = models.TextField(_("objective"))
    scope_who = models.CharField(_("who is concerned"), max_length=255, blank=True)
    scope_what = models.CharField(_("what changes"), max_length=255, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    achievable = models.BooleanField(_("achievable"), null=True, blank=True)
    achievable_justification = models.TextField(_("why it is achievable"), blank=True)
    realistic = models.BooleanField(_("realistic"), null=True, blank=True)
    realistic_justification = models.TextField(_("why it is realistic"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("operational objective")
        verbose_name_plural = _("operational objectives")
        ordering = ["deadline", "pk"]

    def __str__(self):
        return self.statement[:80]

    def draft(self, indicator=None) -> smart.ObjectiveDraft:
        """The objective as the SMART assistant reads it. Needs `partners` and `indicators`
        prefetched to stay query-free."""
        return smart.ObjectiveDraft(
            statement=self.statement,
            scope_who=self.scope_who,
            scope_what=self.scope_what,
            partner_count=len(self.partners.all()),
            indicator=indicator,
            start_date=self.start_date,
            deadline=self.deadline,
            achievable=self.achievable,
            achievable_justification=self.achievable_justification,
            realistic=self.realistic,
            realistic_justification=self.realistic_justification,
        )

    def assessment(self, vision=None) -> smart.SmartAssessment:
        """SMART status against the alliance's horizon; measured by the best linked indicator."""
        start, end = (vision.horizon_start, vision.horizon_end) if vision else (None, None)
        drafts = [indicator.smart_draft() for indicator in self.indicators.all()] or [None]
        results = [smart.assess(self.draft(d), start, end) for d in drafts]
        return max(results, key=lambda result: result.met_count)
