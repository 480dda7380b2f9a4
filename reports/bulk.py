"""Bulk exports: many reports as one ZIP, for platform admins.

A BulkExport row is created by the admin (`start`), then:
1. `prepare_bulk_export` (task) finds the subject of each association — its latest finished
   diagnostic, or each alliance it leads — and for each reuses a READY report that is still
   current (its data were read after the subject's last change, its kind's `changed_at`) or
   asks for a new one (one render_report task per report);
2. each time a report of the export finishes, `report_finished` checks whether all are ready;
   the last one sends `build_bulk_zip`, which zips the PDFs through the storage API and tells
   the admin by e-mail. A failed report keeps the export waiting until it is retried.
"""

from __future__ import annotations

import io
import zipfile

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import outbox
from core.emails import send_after_commit

from . import services
from .kinds import bulk_kinds, get_kind
from .models import BulkExport, BulkExportItem, Report


def start(kind_code, association_ids, user, label) -> BulkExport:
    if kind_code not in bulk_kinds():
        raise ValueError(kind_code)
    export = BulkExport.objects.create(
        kind=kind_code,
        label=label[:255],
        requested_by=user,
        association_ids=sorted(set(association_ids)),
    )

    def send():
        outbox.send_task(services.PREPARE_BULK_EXPORT, [export.pk])

    transaction.on_commit(send)
    return export


def subjects_of(kind_code, association_ids):
    """[(association_id, subject)] and the ids of associations with nothing to export."""
    pairs = get_kind(kind_code).bulk_subjects(association_ids)
    found = {association_id for association_id, _subject in pairs}
    return pairs, [pk for pk in association_ids if pk not in found]


def current_report(kind, subject):
    """A READY report of the subject whose data were read after its last change, or None."""
    if kind.changed_at is None:
        return None
    report = (
        Report.objects.filter(
            kind=kind.code,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
            status=Report.Status.READY,
            data_as_of__isnull=False,
        )
        .exclude(file="")
        .order_by("-data_as_of")
        .first()
    )
    if report is None:
        return None
    changed = kind.changed_at(subject)
    if changed is not None and report.data_as_of <= changed:
        return None
    if not default_storage.exists(report.file.name):
        return None
    return report


def prepare(export_id):
    kind = None
    with transaction.atomic():
        export = BulkExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.status != BulkExport.Status.PREPARING:
            return
        kind = get_kind(export.kind)
        pairs, skipped = subjects_of(export.kind, export.association_ids)
        for _association_id, subject in pairs:
            report = current_report(kind, subject)
            reused = report is not None
            if report is None:
                report = services.request_report(kind, subject, export.requested_by)
            BulkExportItem.objects.get_or_create(
                export=export, report=report, defaults={"reused": reused}
            )
        export.skipped = skipped
        export.status = BulkExport.Status.RUNNING
        export.save(update_fields=["skipped", "status"])
    check_complete(export_id)


def report_finished(report_id):
    """Called by the render task when a report ends: maybe its exports are complete."""
    for export_id in BulkExportItem.objects.filter(report_id=report_id).values_list(
        "export_id", flat=True
    ):
        check_complete(export_id)


def check_complete(export_id):
    with transaction.atomic():
        export = BulkExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.status != BulkExport.Status.RUNNING:
            return
        statuses = list(export.reports.values_list("status", flat=True))
        if any(status != Report.Status.READY for status in statuses):
            return
        export.status = BulkExport.Status.BUILDING
        export.save(update_fields=["status"])

        def send():
            outbox.send_task(services.BUILD_BULK_ZIP, [export.pk])

        transaction.on_commit(send)


def progress(export):
    """(done, failed, total) of the export's reports."""
    statuses = list(export.reports.values_list("status", flat=True))
    done = sum(status == Report.Status.READY for status in statuses)
    failed = sum(status == Report.Status.FAILED for status in statuses)
    return done, failed, len(statuses)


def build_zip(export_id):
    with transaction.atomic():
        export = BulkExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.status != BulkExport.Status.BUILDING:
            return
        kind = get_kind(export.kind)
        buffer = io.BytesIO()
        used = set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for report in export.reports.order_by("title", "pk"):
                subject = kind.get_subject(report.object_id)
                name = kind.filename(subject, report)
                if name in used:
                    name = name.replace(".pdf", f"-{report.pk}.pdf")
                used.add(name)
                with default_storage.open(report.file.name, "rb") as handle:
                    archive.writestr(name, handle.read())
        name = default_storage.save(
            f"exports/{export.created_at:%Y/%m}/export-{export.pk}.zip",
            ContentFile(buffer.getvalue()),
        )
        export.file = name
        export.status = BulkExport.Status.READY
        export.finished_at = timezone.now()
        export.save(update_fields=["file", "status", "finished_at"])
        if export.requested_by and export.requested_by.email:
            send_after_commit(
                "bulk_export_ready",
                export.requested_by.email,
                {
                    "label": export.label,
                    "count": len(used),
                    "path": reverse("reports:bulk_export", args=[export.pk]),
                },
            )


@transaction.atomic
def retry_report(export, report):
    """A failed report of the export is made again; the export waits for it."""
    if not export.items.filter(report=report).exists():
        raise ValueError(_("This report is not part of the export."))
    return services.retry(report)
