"""Requesting reports and sending them to the workers. The row is the source of truth."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import signature
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .heartbeat import HEARTBEAT_STALE, process_is_gone
from .kinds import ReportKind
from .models import Report

logger = logging.getLogger(__name__)

# The tasks (reports/tasks.py) are sent by name: they call this module, not the reverse.
RENDER_REPORT = "reports.tasks.render_report"
PREPARE_BULK_EXPORT = "reports.tasks.prepare_bulk_export"
BUILD_BULK_ZIP = "reports.tasks.build_bulk_zip"

#: A report still queued after this long was probably lost by the broker: send it again.
QUEUED_GRACE = timedelta(minutes=2)
#: Attempts (renders started) before a report is marked failed for good.
MAX_ATTEMPTS = 4


def running_grace() -> timedelta:
    """A report running longer than the hard time limit (plus a margin) has lost its worker."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


def enqueue(report: Report):
    """Send the report to the workers once the current transaction commits; without a broker,
    to the web process's report thread (reports/in_process.py), so the request answers at once."""

    def send():
        Report.objects.filter(pk=report.pk).update(enqueued_at=timezone.now())
        if settings.REPORTS_RENDER_IN_THREAD:
            from . import in_process

            in_process.submit(RENDER_REPORT, [report.pk])
            return
        try:
            # No result: it would wait for the result backend (Redis) too. The row is the result.
            signature(RENDER_REPORT, args=[report.pk]).apply_async(retry=False, ignore_result=True)
        except Exception as error:  # broker down or frozen: the sweep sends it again later
            logger.warning("Report %s not sent, the sweep will: %s", report.pk, error)

    transaction.on_commit(send)


@transaction.atomic
def request_report(kind: ReportKind, subject, user) -> Report:
    """A new report of `subject`; an identical one already queued or running is reused."""
    content_type = ContentType.objects.get_for_model(subject)
    pending = (
        Report.objects.select_for_update()
        .filter(
            kind=kind.code,
            content_type=content_type,
            object_id=subject.pk,
            status__in=[Report.Status.QUEUED, Report.Status.RUNNING],
        )
        .first()
    )
    if pending is not None:
        return pending
    report = Report.objects.create(
        kind=kind.code,
        content_type=content_type,
        object_id=subject.pk,
        requested_by=user,
        title=kind.title(subject),
        enqueued_at=timezone.now(),
    )
    enqueue(report)
    return report


@transaction.atomic
def retry(report: Report, *, user=None) -> Report:
    """A failed report sent again; or one pending for more than two minutes, by the person
    who asked for it (its worker may have been lost without the sweep running)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    asked = user is not None and report.requested_by_id == user.pk
    if report.status == Report.Status.FAILED or (report.may_be_retried and asked):
        report.status = Report.Status.QUEUED
        report.attempts = 0
        report.error_message = ""
        report.enqueued_at = timezone.now()
        report.save(update_fields=["status", "attempts", "error_message", "enqueued_at"])
        enqueue(report)
    return report


def _lost_running(now) -> Q:
    """Running reports whose heartbeat stopped (reports/heartbeat.py); a row without one (made
    before heartbeats) by its start."""
    return Q(status=Report.Status.RUNNING) & (
        Q(heartbeat_at__lt=now - HEARTBEAT_STALE)
        | Q(heartbeat_at__isnull=True, started_at__lt=now - running_grace())
    )


def is_stale(report: Report, now=None) -> bool:
    """Queued or running for longer than a live worker would leave it (see requeue_stale)."""
    now = now or timezone.now()
    if report.status == Report.Status.QUEUED:
        return bool(report.enqueued_at) and report.enqueued_at < now - QUEUED_GRACE
    if report.status == Report.Status.RUNNING:
        return Report.objects.filter(_lost_running(now), pk=report.pk).exists()
    return False


def requeue_stale(now=None) -> list[int]:
    """Send again the reports that were lost: queued too long, or running without a heartbeat
    for 30 s (their worker was lost)."""
    now = now or timezone.now()
    sent = []
    with transaction.atomic():
        stale = list(
            Report.objects.select_for_update(skip_locked=True)
            .filter(
                Q(status=Report.Status.QUEUED, enqueued_at__lt=now - QUEUED_GRACE)
                | _lost_running(now)
            )
            .order_by("pk")
        )
        # A process of this machine that is gone (a worker killed, then started again: this
        # runs at its start too) does not need its heartbeat to age.
        stale += [
            report
            for report in Report.objects.select_for_update(skip_locked=True)
            .filter(status=Report.Status.RUNNING)
            .exclude(pk__in=[report.pk for report in stale])
            .exclude(worker="")
            .order_by("pk")
            if process_is_gone(report.worker)
        ]
        for report in stale:
            if report.attempts >= MAX_ATTEMPTS:
                report.status = Report.Status.FAILED
                report.error_message = report.error_message or "Too many attempts."
                report.finished_at = now
                report.save(update_fields=["status", "error_message", "finished_at"])
                continue
            report.status = Report.Status.QUEUED
            report.enqueued_at = now
            report.save(update_fields=["status", "enqueued_at"])
            enqueue(report)
            sent.append(report.pk)
    return sent
