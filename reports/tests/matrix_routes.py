"""Report URLs in the permission matrix, on the diagnostic's report kind.

Everyone who sees the association's results sees and downloads its reports; its editors and
admins ask for them (network heads and platform admins read only, as everywhere).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core.tests.matrix import ADMIN_GET, ADMIN_POST, PUBLIC, READ, WRITE_POST, Route, expect
from reports import sharing
from reports.models import Report

READ_ALL = {**READ, "respondent": 200, "colleague": 200}
WRITE_POST_ALL = {**WRITE_POST, "respondent": 302, "colleague": 302}
# Share links are made by the association's admins (the respondent and colleague are editors).
SHARE_GET = {**ADMIN_GET, "respondent": 403, "colleague": 403}
SHARE_POST = {**ADMIN_POST, "respondent": 403, "colleague": 403}
# A share link opens for anyone, with or without an account; a revoked one for no one.
SHARED = {**PUBLIC, "respondent": 200, "colleague": 200}
GONE = dict.fromkeys(SHARED, 404)


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
    world.objects["web_report"] = Report.objects.create(
        kind="diagnostic",
        content_type=content_type,
        object_id=campaign.pk,
        status=Report.Status.READY,
        file=name,
        html_file=default_storage.save(
            "reports/test/matrix.html",
            ContentFile(b'<!doctype html><html lang="fr"><title>R</title><!--report-web-bar-->'),
        ),
        data_as_of=timezone.now(),
    )
    link = sharing.create_share_link(report=world.web_report, user=None, days=7)
    world.objects["share_link"] = link
    world.objects["revoked_link"] = sharing.revoke_share_link(
        link=sharing.create_share_link(report=world.web_report, user=None, days=7)
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
    Route("reports:web", READ_ALL, kwargs=lambda w: {"pk": w.web_report.pk}),
    Route("reports:share_links", SHARE_GET, kwargs=lambda w: {"pk": w.web_report.pk}),
    Route(
        "reports:share_links",
        SHARE_POST,
        kwargs=lambda w: {"pk": w.web_report.pk},
        method="post",
        data=lambda w: {"days": 7, "password": ""},
    ),
    Route(
        "reports:share_link_revoke",
        SHARE_POST,
        kwargs=lambda w: {
            "pk": w.web_report.pk,
            "link_pk": sharing.create_share_link(report=w.web_report, user=None, days=7).pk,
        },
        method="post",
    ),
    Route(
        "reports:shared",
        SHARED,
        kwargs=lambda w: {"token": w.share_link.token},
        anonymous_to_login=False,
    ),
    Route(
        "reports:shared_pdf",
        SHARED,
        kwargs=lambda w: {"token": w.share_link.token},
        anonymous_to_login=False,
    ),
    Route(
        "reports:shared",
        GONE,
        kwargs=lambda w: {"token": w.revoked_link.token},
        label="revoked",
        anonymous_to_login=False,
    ),
    Route(
        "reports:shared_pdf",
        GONE,
        kwargs=lambda w: {"token": w.revoked_link.token},
        label="revoked",
        anonymous_to_login=False,
    ),
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
