from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models.conventions import private_storage
from organisations.models import Association


class AssociationExport(models.Model):
    """A ZIP of all of an association's data (portability), built by a Celery task that
    advances this row: queued → running (with `done` of `total` tables) → ready / failed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("association"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("tables written"), default=0)
    total = models.PositiveIntegerField(_("tables"), default=0)
    # Never under a public URL: read through a view that checks the association's admin.
    file = models.FileField(_("file"), storage=private_storage, blank=True, max_length=255)
    error_message = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.association} – {self.created_at:%Y-%m-%d}"

    @property
    def is_pending(self):
        """Being made: the page polls it. One lost with its worker (or its message) stops
        being polled after an hour; the admin asks for another."""
        return self.status in (
            self.Status.QUEUED,
            self.Status.RUNNING,
        ) and self.created_at > timezone.now() - timedelta(hours=1)

    @property
    def percent(self):
        return round(self.done * 100 / self.total) if self.total else 0


class RetentionRun(models.Model):
    """What one nightly run of the retention rules did."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    contacts_erased = models.PositiveIntegerField(_("contacts erased"), default=0)
    notes_deleted = models.PositiveIntegerField(_("relationship notes deleted"), default=0)
    report_files_deleted = models.PositiveIntegerField(_("report files deleted"), default=0)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M}"
