"""One row per PDF report: the database is the source of truth, the task only advances it."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A report pending this long is late (a render takes a few seconds): the page says so...
SLOW_AFTER = timedelta(seconds=20)
#: ... and after this long offers the person who asked to send it again.
RETRY_AFTER = timedelta(minutes=2)


class ReportQuerySet(models.QuerySet):
    def of_subject(self, subject):
        return self.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
        )


class Report(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=40)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("kind of subject")
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("subject's id"))
    subject = GenericForeignKey("content_type", "object_id")
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
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error_message = models.TextField(_("error message"), blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", blank=True, max_length=255)
    # The HTML the PDF was made from: the report's web page (reports/web.py).
    html_file = models.FileField(
        _("web version"), upload_to="reports/%Y/%m/", blank=True, max_length=255
    )
    # The PDF file's SHA-256, written with it: a reader checks a copy against it.
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    # When it was last sent to the broker: the sweep re-sends reports stuck in the queue.
    enqueued_at = models.DateTimeField(_("sent to the queue at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # While it runs, its worker writes the time every few seconds: a heartbeat that stops
    # means the worker was lost, and the report is rendered again (reports/heartbeat.py).
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    # "host:pid" of the process rendering it: a redelivered task on that host sees at once
    # whether that process is gone.
    worker = models.CharField(_("worker"), max_length=255, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The moment the data in the report were read.
    data_as_of = models.DateTimeField(_("data as of"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"]),
            models.Index(fields=["status", "enqueued_at"]),
        ]

    def __str__(self):
        return self.title or f"{self.kind} #{self.pk}"

    @property
    def is_pending(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def waited(self) -> timedelta:
        return timezone.now() - self.created_at

    @property
    def is_slow(self):
        """Pending for longer than a render takes: the page says so."""
        return self.is_pending and self.waited() > SLOW_AFTER

    @property
    def may_be_retried(self):
        """Pending for so long that the person who asked may send it again."""
        return self.is_pending and self.waited() > RETRY_AFTER


class BulkExport(models.Model):
    """A platform admin's export of many reports as one ZIP: one Report per item (reused when
    a ready one is still current), then a task that zips them once all are ready."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("being prepared")
        RUNNING = "running", _("reports being made")
        BUILDING = "building", _("ZIP being built")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind of report"), max_length=40)
    label = models.CharField(_("what is exported"), max_length=255)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    association_ids = models.JSONField(_("associations"), default=list)
    reports = models.ManyToManyField(
        Report, through="BulkExportItem", related_name="bulk_exports", verbose_name=_("reports")
    )
    # Associations asked for that had nothing to export (e.g. no finished diagnostic).
    skipped = models.JSONField(_("associations without a report"), default=list, blank=True)
    file = models.FileField(_("ZIP file"), upload_to="exports/%Y/%m/", blank=True, max_length=255)
    error_message = models.TextField(_("error message"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk export")
        verbose_name_plural = _("bulk exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.label


class BulkExportItem(models.Model):
    export = models.ForeignKey(
        BulkExport, on_delete=models.CASCADE, related_name="items", verbose_name=_("bulk export")
    )
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="+", verbose_name=_("report")
    )
    # True when a ready report that was still current was reused instead of made again.
    reused = models.BooleanField(_("reused"), default=False)

    class Meta:
        verbose_name = _("bulk export item")
        verbose_name_plural = _("bulk export items")
        constraints = [
            models.UniqueConstraint(fields=["export", "report"], name="one_item_per_report")
        ]

    def __str__(self):
        return f"{self.export} · {self.report}"


class ShareLink(models.Model):
    """A read-only link to a ready report for someone without an account (a funder, a
    prospective partner): an unguessable token, an expiry, revocable, an optional password.

    It serves the files of the report as they were when the link was made: their names are
    copied here (a ready report's files are never written again), with the date of the data."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="share_links", verbose_name=_("report")
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    # A Django password hash, or empty for a link without a password.
    password = models.CharField(_("password"), max_length=128, blank=True)
    pdf_file = models.CharField(_("PDF file"), max_length=255)
    html_file = models.CharField(_("web version"), max_length=255, blank=True)
    data_as_of = models.DateTimeField(_("data as of"))
    # Stored by the service that logs each opening (reports/sharing.py).
    open_count = models.PositiveIntegerField(_("openings"), default=0)
    last_opened_at = models.DateTimeField(_("last opened at"), null=True, blank=True)

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.report} · {self.created_at:%d/%m/%Y}"

    def is_active(self, now) -> bool:
        return self.revoked_at is None and self.expires_at > now


class ShareLinkOpening(models.Model):
    """One opening of a share link (its web page or its PDF), shown to the report's owner."""

    class What(models.TextChoices):
        PAGE = "page", _("web page")
        PDF = "pdf", _("PDF")

    link = models.ForeignKey(
        ShareLink, on_delete=models.CASCADE, related_name="openings", verbose_name=_("link")
    )
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    what = models.CharField(_("what was opened"), max_length=4, choices=What.choices)

    class Meta:
        verbose_name = _("share link opening")
        verbose_name_plural = _("share link openings")
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["link", "-opened_at"])]

    def __str__(self):
        return f"{self.link} · {self.opened_at:%d/%m/%Y %H:%M}"
