"""The alliance's health check: a versioned questionnaire, the health checks an alliance's
lead opens, the people asked (with the party they speak for) and their answers.

An individual answer is never shown: the results (scoring.py) are means per axis, per party
when at least two of its people answered, stored on the health check when it closes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Action, Alliance, MeetingAgendaItem
from core.history import HistoricalRecords

from .scoring import AxisSpec, Results


class QuestionnaireLocked(ValidationError):
    """Raised when something tries to change a version that health checks already use."""


class HealthQuestionnaire(models.Model):
    """A version of the statements. Used by a health check, it is frozen: changing a statement
    after people answered it would change the meaning of their answers."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # The answer scale and the axes with their statements, as in the data file.
    data = models.JSONField(_("scale, axes and statements"), default=dict)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("health check questionnaire")
        verbose_name_plural = _("health check questionnaires")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.code} · {self.title}"

    def save(self, *args, **kwargs):
        if self.pk and kwargs.get("update_fields") != ["published_at"]:
            self.check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_editable()
        return super().delete(*args, **kwargs)

    def check_editable(self):
        if self.pk and HealthCheck.objects.filter(questionnaire_id=self.pk).exists():
            raise QuestionnaireLocked(
                _("This questionnaire version is used by a health check and can no longer change.")
            )

    @classmethod
    def current(cls):
        return (
            cls.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
            .order_by("-published_at", "-pk")
            .first()
        )

    def axes(self) -> list[dict]:
        return self.data.get("axes", [])

    def axis_specs(self) -> tuple[AxisSpec, ...]:
        return tuple(
            AxisSpec(axis["code"], axis["title"], tuple(s["code"] for s in axis["statements"]))
            for axis in self.axes()
        )

    def statement_texts(self) -> dict[str, str]:
        return {s["code"]: s["text"] for axis in self.axes() for s in axis["statements"]}

    def scale(self) -> list[dict]:
        return self.data.get("answer_scale", {}).get("values", [])

    def dont_know_label(self) -> str:
        return self.data.get("answer_scale", {}).get("dont_know", {}).get("label", "")


class HealthCheck(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("in progress")
        CLOSED = "closed", _("finished")

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="health_checks", verbose_name=_("alliance")
    )
    questionnaire = models.ForeignKey(
        HealthQuestionnaire,
        on_delete=models.PROTECT,
        related_name="health_checks",
        verbose_name=_("questionnaire version"),
    )
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
    # Stored by services.close_health_check: scoring.Results.as_json(), means only.
    results = models.JSONField(_("results"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["results"])

    class Meta:
        verbose_name = _("health check")
        verbose_name_plural = _("health checks")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["alliance", "status", "-closed_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance"],
                condition=Q(status="open"),
                name="one_open_health_check_per_alliance",
            )
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return _("Health check of %(date)s") % {"date": self.opened_at.strftime("%d/%m/%Y")}

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_finished(self):
        return self.status == self.Status.CLOSED

    @property
    def stored_results(self) -> Results | None:
        return Results.from_json(self.results) if self.results else None


class Participant(models.Model):
    """A person asked to answer, and the party (organisation) they answer for, named as it was
    when the health check opened."""

    health_check = models.ForeignKey(
        HealthCheck,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("health check"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="health_check_participations",
        verbose_name=_("person"),
    )
    # « association:12 » or « partner:34 » (an alliance partner's organisation).
    party_key = models.CharField(_("party"), max_length=40)
    party_name = models.CharField(_("party's name"), max_length=200)
    is_guest = models.BooleanField(_("guest of the partners' space"), default=False)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    last_axis = models.PositiveSmallIntegerField(_("last axis visited"), default=1)

    class Meta:
        verbose_name = _("health check participant")
        verbose_name_plural = _("health check participants")
        ordering = ["health_check", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["health_check", "user"], name="one_participation_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.health_check}"

    @property
    def has_submitted(self):
        return self.submitted_at is not None


class HealthAnswer(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="answers", verbose_name=_("participant")
    )
    statement = models.CharField(_("statement"), max_length=10)
    # 1..5, or null with `dont_know`: « ne sait pas » is an answer, never a score.
    value = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    dont_know = models.BooleanField(_("don't know"), default=False)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("health check answer")
        verbose_name_plural = _("health check answers")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="one_health_answer_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="health_answer_value_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(dont_know=False),
                name="health_answer_value_or_dont_know",
            ),
        ]

    def __str__(self):
        return f"{self.participant} · {self.statement}"

    @property
    def choice(self):
        if self.value is not None:
            return str(self.value)
        return "dk" if self.dont_know else ""


class GapFollowUp(models.Model):
    """What a flagged perception gap became: an action of the plan or an agenda item of the
    next governance meeting (one of each at most, so a second click adds nothing)."""

    class Kind(models.TextChoices):
        ACTION = "action", _("action of the plan")
        AGENDA = "agenda", _("agenda item")

    health_check = models.ForeignKey(
        HealthCheck,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("health check"),
    )
    gap_key = models.CharField(_("gap"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    action = models.ForeignKey(
        Action,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("action"),
    )
    agenda_item = models.ForeignKey(
        MeetingAgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up of a gap")
        verbose_name_plural = _("follow-ups of gaps")
        constraints = [
            models.UniqueConstraint(
                fields=["health_check", "gap_key", "kind"], name="one_follow_up_per_gap_and_kind"
            ),
        ]

    def __str__(self):
        return f"{self.gap_key} · {self.kind}"
