"""Campaigns, their respondents and answers.

Answers are saved one statement at a time (an upsert on (respondent, statement)), so two
respondents, or two tabs of the same respondent, never overwrite each other's other answers.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from organisations.models import Association

from ..scoring import summary_from_json
from .questionnaire import Axis, QuestionnaireVersion, Statement


class CampaignQuerySet(models.QuerySet):
    def of_association(self, association):
        return self.filter(association=association)

    def finished(self):
        return self.filter(status=Campaign.Status.CLOSED)

    def with_progress(self):
        return self.annotate(
            respondent_count=Count("respondents", distinct=True),
            submitted_count=Count(
                "respondents", filter=Q(respondents__submitted_at__isnull=False), distinct=True
            ),
        )


class Campaign(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        CLOSED = "closed", _("finished")

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="diagnostic_campaigns",
        verbose_name=_("association"),
    )
    version = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("questionnaire version"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # Stored when the campaign closes and cleared if it is reopened (services): a finished
    # campaign's answers no longer change. `scores` holds scoring.result_as_json().
    scores = models.JSONField(_("scores"), null=True, blank=True, editable=False)
    maturity_level = models.PositiveSmallIntegerField(
        _("maturity level"), null=True, blank=True, editable=False
    )
    # The association's most recent finished campaign: what its network compares.
    is_latest = models.BooleanField(_("latest finished"), default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["scores", "maturity_level", "is_latest"])

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("diagnostic campaign")
        verbose_name_plural = _("diagnostic campaigns")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["association", "status", "-closed_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["association"],
                condition=models.Q(is_latest=True),
                name="one_latest_campaign_per_association",
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        if self.title:
            return self.title
        return _("Diagnostic of %(date)s") % {"date": self.opened_at.strftime("%d/%m/%Y")}

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_finished(self):
        return self.status == self.Status.CLOSED

    @property
    def stored_scores(self):
        """Its scores as stored when it closed (scoring.ScoreSummary), None before."""
        return summary_from_json(self.scores)


class Respondent(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="respondents", verbose_name=_("campaign")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="diagnostic_answers",
        verbose_name=_("user"),
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Where to resume: the last axis the respondent visited.
    last_axis = models.ForeignKey(
        Axis,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last axis answered"),
    )

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="one_respondent_per_user"),
        ]

    def __str__(self):
        return f"{self.user} · {self.campaign}"

    @property
    def has_submitted(self):
        return self.submitted_at is not None


class Answer(models.Model):
    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="answers", verbose_name=_("respondent")
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, related_name="answers", verbose_name=_("statement")
    )
    # 1..5, or null: then `dont_know` says whether « je ne sais pas » was chosen or nothing yet
    # (a comment may come before the answer).
    value = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    dont_know = models.BooleanField(_("don't know / not concerned"), default=False)
    comment = models.TextField(_("comment"), blank=True, default="")
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "statement"], name="one_answer_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="answer_value_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(dont_know=False),
                name="answer_value_or_dont_know",
            ),
        ]

    def __str__(self):
        return f"{self.respondent} · {self.statement.code}"

    @property
    def is_given(self):
        return self.value is not None or self.dont_know

    @property
    def choice(self):
        """The radio button's value: "1".."5", "dk" or ""."""
        if self.value is not None:
            return str(self.value)
        return "dk" if self.dont_know else ""
