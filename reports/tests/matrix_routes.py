"""Report URLs in the permission matrix, on the diagnostic's report kind.

Everyone who sees the association's results sees and downloads its reports; its editors and
admins ask for them (network heads and platform admins read only, as everywhere).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.tests.matrix import READ, WRITE_POST, Route
from reports.models import Report

READ_ALL = {**READ, "respondent": 200, "colleague": 200}
WRITE_POST_ALL = {**WRITE_POST, "respondent": 302, "colleague": 302}


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
