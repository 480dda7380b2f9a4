"""The analysis of the results and the steering decisions that follow from it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliances.models import Action, Alliance
from core.history import HistoricalRecords


class Analysis(models.Model):
    alliance = models.OneToOneField(
        Alliance, on_delete=models.CASCADE, related_name="analysis", verbose_name=_("alliance")
    )
    strengths = models.TextField(_("strengths"), blank=True)
    improvements = models.TextField(_("areas to improve"), blank=True)
    gaps_comment = models.TextField(
        _("comment on the gaps between objectives and results"), blank=True
    )
    positive_factors = models.TextField(_("positive influence factors"), blank=True)
    negative_factors = models.TextField(_("negative influence factors"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")

    def __str__(self):
        return str(self.alliance)


class SteeringDecision(models.Model):
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="steering_decisions",
        verbose_name=_("alliance"),
    )
    decided_on = models.DateField(_("date of the decision"))
    text = models.TextField(_("decision"))
    action = models.ForeignKey(
        Action,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steering_decisions",
        verbose_name=_("action created in the action plan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("steering decision")
        verbose_name_plural = _("steering decisions")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return self.text[:80]
