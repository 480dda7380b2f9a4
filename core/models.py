"""What the background machinery keeps in the database, where it survives a Redis down."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task (an e-mail, a bulk export) that could not be sent to the broker when it was
    asked for: kept here and sent by `core.outbox.deliver` once the broker answers again (Celery
    beat every 30 s, and each worker as it starts). A row is deleted once sent."""

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("keyword arguments"), default=dict)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("message waiting for the queue")
        verbose_name_plural = _("messages waiting for the queue")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.task} #{self.pk}"


class WorkerHeartbeat(models.Model):
    """The last time each Celery worker showed it was alive (at start, then every 30 s through
    beat): what /sante/ reads to say whether the workers are there."""

    hostname = models.CharField(_("worker"), max_length=255, unique=True)
    seen_at = models.DateTimeField(_("last seen at"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["-seen_at"]

    def __str__(self):
        return self.hostname
