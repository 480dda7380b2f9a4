"""The PDF task: thin, idempotent, advancing the Report row it is given."""

from __future__ import annotations

import hashlib
import logging
import time
from datetime import timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connections, transaction
from django.utils import timezone

from .heartbeat import beating, is_lost, this_process
from .kinds import get_kind
from .memory import release_memory
from .models import Report
from .services import MAX_ATTEMPTS, requeue_stale, running_grace

logger = logging.getLogger(__name__)

# Worth another try: the database or the storage hiccuped. A template bug is not.
TRANSIENT_ERRORS = (OperationalError, OSError)


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1, acks_late=True)
def render_report(self, report_id: int):
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        # A queued report is rendered, and a running one whose worker was lost (the message
        # redelivered after a SIGKILL, or sent again by the sweep). Ready, failed, or running
        # with a live heartbeat → nothing to do (a duplicate message).
        if report is None or report.status not in (Report.Status.QUEUED, Report.Status.RUNNING):
            return
        if report.status == Report.Status.RUNNING and not is_lost(report):
            return
        report.status = Report.Status.RUNNING
        report.started_at = report.heartbeat_at = timezone.now()
        report.worker = this_process()
        report.attempts += 1
        report.save(update_fields=["status", "started_at", "heartbeat_at", "worker", "attempts"])

    started = time.monotonic()
    # Here, not at the top: the web processes register this task (reports/apps.py) and need
    # not load WeasyPrint for it.
    from .rendering import html_to_pdf, render_html, report_context

    try:
        kind = get_kind(report.kind)
        subject = kind.get_subject(report.object_id)
        data_as_of = timezone.now()
        with beating(report.pk):
            html = render_html(kind.template, report_context(kind, subject, report))
            pdf = html_to_pdf(html)
        stem = f"reports/{report.created_at:%Y/%m}/{report.kind}-{report.pk}"
        # The same HTML is the report's web page (reports/web.py): its screen styles are
        # ignored by WeasyPrint, which lays out for print.
        html_name = default_storage.save(f"{stem}.html", ContentFile(html.encode()))
        del html
        name = default_storage.save(f"{stem}.pdf", ContentFile(pdf))
        sha256 = hashlib.sha256(pdf).hexdigest()
        del pdf
        release_memory()
    except TRANSIENT_ERRORS as error:
        if report.attempts < MAX_ATTEMPTS:
            countdown = min(5 * 2**report.attempts, 90)
            Report.objects.filter(pk=report.pk).update(
                status=Report.Status.QUEUED,
                error_message=str(error)[:1000],
                enqueued_at=timezone.now() + timedelta(seconds=countdown),
            )
            raise self.retry(exc=error, countdown=countdown) from error
        _fail(report, error)
        return
    except SoftTimeLimitExceeded as error:
        _fail(report, error)
        return
    except Exception as error:
        logger.exception("Report %s failed", report.pk)
        _fail(report, error)
        return

    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.READY,
        file=name,
        html_file=html_name,
        sha256=sha256,
        error_message="",
        finished_at=timezone.now(),
        data_as_of=data_as_of,
    )
    logger.info("Report %s rendered in %.2f s", report.pk, time.monotonic() - started)
    _tell_bulk_exports(report.pk)


def _fail(report, error):
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.FAILED,
        error_message=f"{type(error).__name__}: {error}"[:1000],
        finished_at=timezone.now(),
    )
    _tell_bulk_exports(report.pk)


def _tell_bulk_exports(report_id):
    from .bulk import report_finished

    report_finished(report_id)


@shared_task
def requeue_stale_reports():
    """Run by Celery beat: nothing requested is lost while the broker was down, and a bulk
    export whose last report ended without telling it (lost worker) still gets its ZIP."""
    from .bulk import check_complete
    from .models import BulkExport

    sent = requeue_stale()
    for export_id in BulkExport.objects.filter(status=BulkExport.Status.RUNNING).values_list(
        "pk", flat=True
    ):
        check_complete(export_id)
    # A ZIP whose build was lost with its worker is built again (build_zip is idempotent).
    for export_id in BulkExport.objects.filter(
        status=BulkExport.Status.BUILDING, created_at__lt=timezone.now() - running_grace()
    ).values_list("pk", flat=True):
        build_bulk_zip.delay(export_id)
    return sent


@shared_task(acks_late=True)
def prepare_bulk_export(export_id: int):
    from .bulk import prepare

    prepare(export_id)


@shared_task(acks_late=True)
def build_bulk_zip(export_id: int):
    from .bulk import build_zip

    build_zip(export_id)


@worker_ready.connect
def sweep_at_worker_start(sender, **kwargs):
    """A worker starting again after it was killed sends at once the reports its processes
    left running, without waiting for their heartbeat to age (nor for beat)."""
    try:
        requeue_stale()
    except Exception:  # never keep a worker from starting
        logger.exception("Report sweep at worker start failed")
    finally:
        connections.close_all()
