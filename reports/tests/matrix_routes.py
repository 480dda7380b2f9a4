"""Report URLs in the permission matrix, on the diagnostic's report kind.

Everyone who sees the association's results sees and downloads its reports; its editors and
admins ask for them (network heads and platform admins read only, as everywhere).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.tests.matrix import READ, WRITE_POST, Route, expect
from reports.models import Report

READ_ALL = {**READ, "respondent": 200, "colleague": 200}
WRITE_POST_ALL = {**WRITE_POST, "respondent": 302, "colleague": 302}


#: Its objects are reports of the other apps' objects: its world is made after theirs.
WORLD_LAST = True


def extend_world(world):
    campaign = world.finished_campaign
    content_type = ContentType.objects.get_for_model(campaign)
    name = default_storage.save("reports/test/matrix.pdf", ContentFile(b"%PDF-1.4 test"))
    world.objects["ready_report"] = Report.objects.create(
        kind="diagnostic",
        content_type=content_type,
        object_id=campaign.pk,
        status=Report.Status.READY,
        file=name,
    )
    world.objects["failed_report"] = Report.objects.create(
        kind="diagnostic",
        content_type=content_type,
        object_id=campaign.pk,
        status=Report.Status.FAILED,
        error_message="Boom",
    )


def _subject(w):
    return {"kind": "diagnostic", "object_id": w.finished_campaign.pk}


ROUTES = [
    Route("reports:list", READ_ALL, kwargs=_subject),
    Route("reports:request", WRITE_POST_ALL, kwargs=_subject, method="post"),
    Route("reports:status", READ_ALL, kwargs=lambda w: {"pk": w.ready_report.pk}),
    Route(
        "reports:retry",
        WRITE_POST_ALL,
        kwargs=lambda w: {"pk": w.failed_report.pk},
        method="post",
    ),
    Route("reports:download", READ_ALL, kwargs=lambda w: {"pk": w.ready_report.pk}),
]


def _extend_bulk(world):
    from reports.models import BulkExport, BulkExportItem

    admin = world.platform_admin
    name = default_storage.save("exports/test/matrix.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    world.objects["ready_export"] = BulkExport.objects.create(
        kind="diagnostic",
        label="Export prêt",
        requested_by=admin,
        status=BulkExport.Status.READY,
        file=name,
    )
    running = BulkExport.objects.create(
        kind="diagnostic",
        label="Export en cours",
        requested_by=admin,
        status=BulkExport.Status.RUNNING,
    )
    BulkExportItem.objects.create(export=running, report=world.failed_report)
    world.objects["running_export"] = running


_extend_reports = extend_world


def extend_world(world):  # noqa: F811  (reports, then bulk exports)
    _extend_reports(world)
    _extend_bulk(world)


# Platform admin pages: everyone else gets a 404, as for an object of another tenant.
PLATFORM = expect(404, anonymous=302, platform_admin=200)
PLATFORM_POST = expect(404, anonymous=302, platform_admin=302)

ROUTES += [
    Route("reports:monitor", PLATFORM),
    Route("reports:monitor", PLATFORM, query="statut=failed", label="failed"),
    Route("reports:bulk_export_list", PLATFORM),
    Route("reports:bulk_export", PLATFORM, kwargs=lambda w: {"pk": w.running_export.pk}),
    Route("reports:bulk_export_progress", PLATFORM, kwargs=lambda w: {"pk": w.running_export.pk}),
    Route("reports:bulk_export_download", PLATFORM, kwargs=lambda w: {"pk": w.ready_export.pk}),
    Route(
        "reports:bulk_export_retry",
        PLATFORM_POST,
        kwargs=lambda w: {"pk": w.running_export.pk, "report_pk": w.failed_report.pk},
        method="post",
    ),
]
