"""The evaluation plan: purposes, evaluative questions, indicators, measurements, contributions."""

import datetime as dt
import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AlliancePartner
from core.collation import FrenchOrder
from core.history import HistoricalRecords
from core.templatetags.fr_format import number as fr_number
from evaluation import progress, smart
from evaluation.value_range import ValueRange, value_range
from organisations.models import Association

from .strategy import OperationalObjective


class EvaluationPlan(models.Model):
    """The purposes the alliance pursues (AVISE): track, understand, prove, give value."""

    alliance = models.OneToOneField(
        Alliance,
        on_delete=models.CASCADE,
        related_name="evaluation_plan",
        verbose_name=_("alliance"),
    )
    purpose_track = models.BooleanField(
        _("Track"), default=False, help_text=_("Produce regular information on the results.")
    )
    purpose_understand = models.BooleanField(
        _("Understand"),
        default=False,
        help_text=_("Understand the change observed and the factors that explain it."),
    )
    purpose_prove = models.BooleanField(
        _("Prove"), default=False, help_text=_("Prove that the change is due to the action.")
    )
    purpose_value = models.BooleanField(
        _("Give value"), default=False, help_text=_("Give the change a value.")
    )
    notes = models.TextField(_("how the evaluation is organised"), blank=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("evaluation plan")
        verbose_name_plural = _("evaluation plans")

    def __str__(self):
        return str(self.alliance)

    PURPOSE_FIELDS = ("purpose_track", "purpose_understand", "purpose_prove", "purpose_value")

    def purposes(self):
        """[(label, explanation, chosen)] in the AVISE order."""
        return [
            (
                self._meta.get_field(name).verbose_name,
                self._meta.get_field(name).help_text,
                getattr(self, name),
            )
            for name in self.PURPOSE_FIELDS
        ]


class EvaluativeQuestion(models.Model):
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="evaluative_questions",
        verbose_name=_("alliance"),
    )
    text = models.CharField(_("evaluative question"), max_length=300)
    indicators = models.ManyToManyField(
        "Indicator",
        blank=True,
        related_name="questions",
        verbose_name=_("indicators that answer it"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("evaluative question")
        verbose_name_plural = _("evaluative questions")
        ordering = ["pk"]

    def __str__(self):
        return self.text


class IndicatorKind(models.TextChoices):
    MEANS = "means", _("Means")
    ACTIVITIES = "activities", _("Activities")
    RESULTS = "results", _("Results")
    IMPACTS = "impacts", _("Impacts")


class Direction(models.TextChoices):
    INCREASE = progress.INCREASE, _("Increase")
    DECREASE = progress.DECREASE, _("Decrease")


class Frequency(models.TextChoices):
    MONTHLY = progress.MONTHLY, _("Monthly")
    QUARTERLY = progress.QUARTERLY, _("Quarterly")
    HALF_YEARLY = progress.HALF_YEARLY, _("Half-yearly")
    YEARLY = progress.YEARLY, _("Yearly")
    ONCE = progress.ONCE, _("Once, at the target date")


class DataSource(models.TextChoices):
    MEMBER_SYSTEMS = "member_systems", _("Members' information systems")
    BENEFICIARY_SURVEYS = "beneficiary_surveys", _("Beneficiary surveys")
    INTERVIEWS = "interviews", _("Qualitative interviews")
    OBSERVATION = "observation", _("Direct observation")
    PUBLIC_DATA = "public_data", _("Public data (INSEE, local open data)")


class Method(models.TextChoices):
    QUALITATIVE = "qualitative", _("Qualitative")
    QUANTITATIVE = "quantitative", _("Quantitative")
    MIXED = "mixed", _("Mixed")


class IndicatorQuerySet(models.QuerySet):
    def with_follow_up_data(self):
        """Everything the follow-up maths needs, in two queries whatever the number."""
        return self.prefetch_related(
            models.Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))
        )


class Indicator(models.Model):
    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("alliance")
    )
    name = models.CharField(_("indicator"), max_length=200)
    description = models.TextField(_("what it measures"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=IndicatorKind.choices)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("€, %, people, hours, actions…"))
    direction = models.CharField(
        _("expected direction"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.INCREASE,
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("date of the baseline"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    lowest_value = models.DecimalField(
        _("lowest possible value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Leave empty: 0, since a count or an amount cannot be negative. Type it for an "
            "indicator that can fall below 0 (a change, a balance)."
        ),
    )
    highest_value = models.DecimalField(
        _("highest possible value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty: 100 for a percentage, 10 for a mark « /10 », else no limit."),
    )
    frequency = models.CharField(
        _("collection frequency"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    data_source = models.CharField(_("data source"), max_length=20, choices=DataSource.choices)
    method = models.CharField(
        _("method"), max_length=12, choices=Method.choices, default=Method.QUANTITATIVE
    )
    objectives = models.ManyToManyField(
        OperationalObjective,
        blank=True,
        related_name="indicators",
        verbose_name=_("operational objectives it serves"),
    )
    # Typed in the objective's form (its dates are then the objective's): its target date
    # follows the objective's deadline (services.save_operational_objective).
    created_with = models.ForeignKey(
        OperationalObjective,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators_created",
        verbose_name=_("created with the objective"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    # A target change is saved with its reason (history_change_reason): see services.change_target.
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[])
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["kind", FrenchOrder("name")]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.method != Method.QUALITATIVE and self.target is None:
            errors["target"] = _("A quantitative or mixed indicator needs a numeric target.")
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            errors["target_date"] = _("The target date must come after the date of the baseline.")
        lowest, highest = self.lowest_value, self.highest_value
        if lowest is not None and highest is not None and highest <= lowest:
            errors["highest_value"] = _("The highest value must be above the lowest one.")
        else:
            for name in ("baseline", "target"):
                problem = self.value_problem(getattr(self, name))
                if problem:
                    errors[name] = problem
        if errors:
            raise ValidationError(errors)

    def value_range(self) -> ValueRange:
        return value_range(self.unit, self.lowest_value, self.highest_value)

    def value_problem(self, value):
        """Why `value` cannot be a value of this indicator (a French sentence), or None."""
        if value is None:
            return None
        bounds = self.value_range()
        if bounds.too_low(value):
            if bounds.lowest == 0:
                return _("A value of this indicator cannot be negative (unit: %(unit)s).") % {
                    "unit": self.unit
                }
            return _("A value of this indicator is %(lowest)s at least.") % {
                "lowest": fr_number(bounds.lowest)
            }
        if bounds.too_high(value):
            return _("A value of this indicator is %(highest)s at most (unit: %(unit)s).") % {
                "highest": fr_number(bounds.highest),
                "unit": self.unit,
            }
        return None

    def smart_draft(self) -> smart.IndicatorDraft:
        return smart.IndicatorDraft(
            name=self.name,
            unit=self.unit,
            baseline=self.baseline,
            target=self.target,
            direction=self.direction,
        )

    def follow_up(self, today: dt.date, measurements=None) -> progress.IndicatorFollowUp | None:
        """From `measurements` when given, else from the prefetched ones (with_follow_up_data).
        None without a numeric target."""
        if self.target is None:
            return None
        data = progress.IndicatorData(
            direction=self.direction,
            target=self.target,
            baseline=self.baseline,
            baseline_date=self.baseline_date,
            target_date=self.target_date,
            frequency=self.frequency,
        )
        if measurements is None:
            measurements = self.measurements.all()
        values = [m for m in measurements if m.value is not None]
        return progress.follow_up(data, values, today)


class IndicatorStatus(models.Model):
    """An indicator's flags (progress.IndicatorFollowUp) as of `computed_on`, stored by the
    services that change it (evaluation/summaries.py) and by the nightly job, so that a page
    listing the indicators to watch of many alliances reads them instead of following each
    one up again."""

    indicator = models.OneToOneField(
        Indicator,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="status",
        verbose_name=_("indicator"),
    )
    off_track = models.BooleanField(default=False, verbose_name=_("off track"))
    overdue = models.BooleanField(default=False, verbose_name=_("overdue"))
    target_missed = models.BooleanField(default=False, verbose_name=_("target missed"))
    reached = models.BooleanField(default=False, verbose_name=_("reached"))
    computed_on = models.DateField(verbose_name=_("computed on"))

    class Meta:
        verbose_name = _("indicator status")
        verbose_name_plural = _("indicator statuses")

    def __str__(self):
        return str(self.indicator_id)

    @property
    def needs_attention(self):
        return self.off_track or self.overdue or self.target_missed

    @property
    def progress(self):  # what evaluation/_flags.html reads of a follow-up
        return self


class IndicatorContribution(models.Model):
    """One partner's share of a shared indicator at a date (e.g. its own savings)."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("indicator"),
    )
    partner = models.ForeignKey(
        AlliancePartner,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_contributions",
        verbose_name=_("partner"),
    )
    association = models.ForeignKey(
        Association,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member association"),
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    comment = models.CharField(_("comment"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("partner contribution")
        verbose_name_plural = _("partner contributions")
        ordering = ["date", "pk"]
        constraints = [
            # A member association (the lead or a co-member) or a partner of the alliance.
            models.CheckConstraint(
                condition=Q(partner__isnull=True, association__isnull=False)
                | Q(partner__isnull=False, association__isnull=True),
                name="contribution_of_one_contributor",
            )
        ]

    def __str__(self):
        return f"{self.contributor_name} – {self.indicator}"

    @property
    def contributor_name(self):
        """Needs `partner__partner` and `association` selected to stay query-free."""
        if self.association_id:
            return self.association.name
        return self.partner.partner.name if self.partner_id else ""


EVIDENCE_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
    ".csv": "text/csv",
}
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024


def evidence_path(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"evaluation/evidence/{instance.indicator.alliance_id}/{uuid.uuid4().hex}{extension}"


class MeasurementQuerySet(models.QuerySet):
    def latest_per_indicator(self, indicator_ids, today) -> dict[int, "Measurement"]:
        """{indicator_id: its latest numeric measurement up to `today`}, in one query.

        Enough for the alerts (off track, target missed, overdue), which read nothing else: a
        page of the network dashboard then loads ~750 rows instead of ~10,000 measurements.
        Grouped here rather than with prefetch_related, which builds one queryset per indicator
        (~0.1 s for those 750). Trend and chart need `with_follow_up_data`.
        """
        rows = (
            self.filter(indicator_id__in=indicator_ids, value__isnull=False, date__lte=today)
            .annotate(
                rank=models.Window(
                    RowNumber(),
                    partition_by=[models.F("indicator_id")],
                    order_by=[models.F("date").desc(), models.F("pk").desc()],
                )
            )
            .filter(rank=1)
            .only("indicator_id", "date", "value")
        )
        return {m.indicator_id: m for m in rows}


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    evidence_text = models.TextField(_("qualitative evidence"), blank=True)
    evidence_file = models.FileField(
        _("attached evidence"), upload_to=evidence_path, blank=True, max_length=255
    )
    evidence_name = models.CharField(
        max_length=255, blank=True, verbose_name=_("evidence file name")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = MeasurementQuerySet.as_manager()
    # Who changed or deleted a measurement, and when (the import keeps it too).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["-date", "-pk"]
        constraints = [
            # One value per indicator and date: a second one was a silent duplicate that the
            # follow-up then read in place of the first. The import updates the existing one.
            models.UniqueConstraint(
                fields=["indicator", "date"],
                name="one_measurement_per_date",
                violation_error_message=_(
                    "A measurement of this indicator is already recorded at this date."
                ),
            )
        ]

    def __str__(self):
        return f"{self.indicator} – {self.date}"
