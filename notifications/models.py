"""What each person chose, what was sent to whom, and their calendar feed.

`SentReminder` is the record that makes the jobs idempotent: one row per kind, object,
recipient and due date, guarded by a unique constraint in the database, so a job run twice, or
by two workers at once, inserts each reminder once and sends only what it inserted.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import DELIVERIES


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    # The key of a kind of kinds.KINDS: text, so that a new kind needs no migration.
    kind = models.CharField(_("kind"), max_length=40)
    delivery = models.CharField(_("delivery"), max_length=10, choices=DELIVERIES)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.delivery}"


class SentReminder(models.Model):
    """A reminder decided for one person: sent at once (`sent_at` set by the daily job),
    waiting for the weekly digest (`sent_at` empty), or recorded and not sent (never)."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveIntegerField(_("object"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    due_on = models.DateField(_("due on"))
    delivery = models.CharField(_("delivery"), max_length=10, choices=DELIVERIES)
    # What the line says and where it leads, as of the day it was decided.
    alliance_id = models.PositiveIntegerField(null=True, blank=True)
    group = models.CharField(_("alliance or association"), max_length=200)
    subject = models.CharField(_("what it is about"), max_length=300)
    path = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("decided at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["recipient", "group", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient", "due_on"],
                name="one_reminder_per_due_date",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=models.Q(sent_at__isnull=True, delivery="weekly"),
                name="reminder_waiting_for_digest",
            ),
            models.Index(fields=["kind", "object_id"], name="reminder_of_object"),
        ]

    def __str__(self):
        return f"{self.kind} · {self.subject} · {self.due_on:%d/%m/%Y}"


class Digest(models.Model):
    """One weekly digest a person and week: the unique row decides which worker sends it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digests",
        verbose_name=_("recipient"),
    )
    week = models.DateField(_("week of"))
    lines = models.PositiveIntegerField(_("lines"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "week"], name="one_digest_per_week"),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.week:%d/%m/%Y}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)
