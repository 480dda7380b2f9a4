"""What pages that show many alliances read of each one, stored rather than recomputed.

The services that change an alliance's rows update its summary in the same transaction
(`alliances/summaries.py`); a nightly job recomputes every summary, for what changes with the
date alone (an action becomes late, a convention comes within 60 days of its end) and for
rows changed behind the services' back (a shell, a data migration). A page never recomputes
them: a missing summary reads as an alliance with nothing in it yet.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Association

from .alliance import Alliance


class AllianceSummary(models.Model):
    alliance = models.OneToOneField(
        Alliance,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="summary",
        verbose_name=_("alliance"),
    )
    # What exists for each of the five steps (stepper.StepFacts as JSON) and the first step
    # not complete (None: all five are).
    facts = models.JSONField(default=dict, verbose_name=_("facts of the steps"))
    current_step = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("current step")
    )
    # What to watch, as of `alerts_on`.
    late_actions = models.PositiveIntegerField(default=0, verbose_name=_("late actions"))
    ending_conventions = models.PositiveIntegerField(
        default=0, verbose_name=_("conventions ending soon")
    )
    off_track_indicators = models.PositiveIntegerField(
        default=0, verbose_name=_("indicators off track")
    )
    alerts_on = models.DateField(null=True, blank=True, verbose_name=_("alerts as of"))
    # The last change of its evaluation (objectives, indicators, measurements…): a report made
    # after it is still current.
    evaluation_changed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("evaluation changed at")
    )

    class Meta:
        verbose_name = _("alliance summary")
        verbose_name_plural = _("alliance summaries")

    def __str__(self):
        return str(self.alliance_id)

    @property
    def attention(self):
        return self.late_actions + self.off_track_indicators + self.ending_conventions


class AssociationSummary(models.Model):
    """What an association's alliances (led or joined as an active co-member) add up to: the
    network dashboard sorts and filters thousands of members on these figures."""

    association = models.OneToOneField(
        Association,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="alliances_summary",
        verbose_name=_("association"),
    )
    alliances = models.PositiveIntegerField(default=0, verbose_name=_("alliances"))
    late_actions = models.PositiveIntegerField(default=0, verbose_name=_("late actions"))
    ending_conventions = models.PositiveIntegerField(
        default=0, verbose_name=_("conventions ending soon")
    )
    off_track_indicators = models.PositiveIntegerField(
        default=0, verbose_name=_("indicators off track")
    )
    attention = models.PositiveIntegerField(default=0, verbose_name=_("points needing attention"))

    class Meta:
        verbose_name = _("association's alliances summary")
        verbose_name_plural = _("associations' alliances summaries")
        indexes = [models.Index(fields=["attention"])]

    def __str__(self):
        return str(self.association_id)
