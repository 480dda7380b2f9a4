"""The questionnaire as data: a version, its axes, statements and recommendations per band.

A version that has answers is frozen: changing a statement's text after people answered it
would change the meaning of their answers. Publishing a new version copies the previous one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from diagnostics.scoring import AxisSpec, Band


class QuestionnaireLocked(ValidationError):
    """Raised when something tries to change a version that already has answers."""


class QuestionnaireVersion(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # Answer scale, band labels and maturity levels (with their meanings), as in the data file.
    data = models.JSONField(_("scale, bands and maturity levels"), default=dict)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["-published_at", "-created_at"]

    def __str__(self):
        return f"{self.code} · {self.title}"

    def save(self, *args, **kwargs):
        # published_at alone may be set (publishing); everything else is frozen once answered.
        if self.pk and kwargs.get("update_fields") != ["published_at"]:
            self.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_editable()
        return super().delete(*args, **kwargs)

    @classmethod
    def current(cls):
        """The latest published version: new campaigns use it."""
        return (
            cls.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
            .order_by("-published_at", "-pk")
            .first()
        )

    def has_answers(self) -> bool:
        return self.axes.filter(statements__answers__isnull=False).exists()

    def check_editable(self):
        if self.pk and self.has_answers():
            raise QuestionnaireLocked(
                _("This questionnaire version has answers and can no longer be changed.")
            )

    # --- Reading the data ---------------------------------------------------------------------

    def maturity_levels(self) -> dict[int, dict]:
        return {level["level"]: level for level in self.data.get("maturity_levels", [])}

    def band_labels(self) -> dict[str, str]:
        return {key: band["label"] for key, band in self.data.get("bands", {}).items()}

    def scale(self) -> list[dict]:
        return self.data.get("answer_scale", {}).get("values", [])

    def dont_know_label(self) -> str:
        return self.data.get("answer_scale", {}).get("dont_know", {}).get("label", "")


class _FrozenWithVersion(models.Model):
    """Axes, statements and recommendations follow their version's lock."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._version().check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._version().check_editable()
        return super().delete(*args, **kwargs)

    def _version(self):
        """The questionnaire version this row belongs to; each concrete model says how."""
        raise NotImplementedError(f"{type(self).__name__} must define _version()")


class Axis(_FrozenWithVersion):
    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.CASCADE,
        related_name="axes",
        verbose_name=_("version"),
    )
    code = models.CharField(_("code"), max_length=10)
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # A key of diagnostics.help_links.TARGETS: the part of the product that helps on this axis.
    help_link = models.CharField(_("help link"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="axis_code_per_version"),
            models.UniqueConstraint(
                fields=["version", "position"], name="axis_position_per_version"
            ),
        ]

    def __str__(self):
        return f"{self.code} · {self.title}"

    def _version(self):
        return self.version


class Statement(_FrozenWithVersion):
    axis = models.ForeignKey(
        Axis, on_delete=models.CASCADE, related_name="statements", verbose_name=_("axis")
    )
    code = models.CharField(_("code"), max_length=10)
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["axis__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["axis", "code"], name="statement_code_per_axis"),
        ]

    def __str__(self):
        return f"{self.code} · {self.text[:60]}"

    def _version(self):
        return self.axis.version


class Recommendation(_FrozenWithVersion):
    axis = models.ForeignKey(
        Axis, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("axis")
    )
    band = models.CharField(
        _("band"),
        max_length=12,
        choices=[
            (Band.PRIORITY.value, _("priority")),
            (Band.CONSOLIDATE.value, _("to consolidate")),
            (Band.STRENGTH.value, _("strength")),
        ],
    )
    text = models.TextField(_("recommendation"))

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(fields=["axis", "band"], name="one_recommendation_per_band"),
        ]

    def __str__(self):
        return f"{self.axis.code} · {self.band}"

    def _version(self):
        return self.axis.version


def axis_specs(axes) -> tuple[AxisSpec, ...]:
    """Scoring specs from prefetched axes (with `statements`)."""
    return tuple(AxisSpec(axis.code, tuple(s.code for s in axis.statements.all())) for axis in axes)
